// Stories: which articles tell the same story (public face of core/stories/).
export { fingerprint, leadOf, properNames, stem, words, type StoryFingerprint } from './fingerprint.ts';
export { compareStories, cosine, DEFAULT_POLICY, matchStory, type StoryComparison, type StoryMatch, type StoryMatchPolicy } from './same-story.ts';
export { assignStory, MAX_MEMBERS_COMPARED, type CandidateStory, type StoryAssignment } from './assign.ts';
export { bandKeys, BANDS, estimateJaccard, minhash, ROWS, shingleHashes, SIGNATURE_LENGTH } from './minhash.ts';
export { SAME_UTTERANCE, sameUtterance, utteranceKey, utteranceWords } from './utterance.ts';
export { alsoReported, type Outlet } from './also-reported.ts';
