// Online clustering: a new article joins the best matching candidate story, or starts one.
// Candidates come from an index (LSH band keys); each is compared through its most recent
// members, so the work per article is bounded whatever the archive's size. Pure.
import type { StoryFingerprint } from './fingerprint.ts';
import { DEFAULT_POLICY, matchStory, type StoryMatchPolicy } from './same-story.ts';

/** Members of a candidate story compared against (the most recent ones). */
export const MAX_MEMBERS_COMPARED = 8;

export interface CandidateStory<Id> {
  storyId: Id;
  members: Array<{ fingerprint: StoryFingerprint; hoursApart: number }>;
}

export interface StoryAssignment<Id> {
  storyId: Id;
  reason: 'near-duplicate' | 'same-event';
  jaccard: number;
}

/** The story `fp` belongs to among `candidates`, or null when it starts a new story. */
export function assignStory<Id>(fp: StoryFingerprint, candidates: ReadonlyArray<CandidateStory<Id>>, policy: StoryMatchPolicy = DEFAULT_POLICY): StoryAssignment<Id> | null {
  let best: StoryAssignment<Id> | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    for (const m of c.members.slice(0, MAX_MEMBERS_COMPARED)) {
      const r = matchStory(fp, m.fingerprint, m.hoursApart, policy);
      if (!r.same) continue;
      // near-duplicates first, then the closest text
      const score = (r.reason === 'near-duplicate' ? 1 : 0) + r.comparison.jaccard;
      if (score > bestScore) {
        bestScore = score;
        best = { storyId: c.storyId, reason: r.reason, jaccard: r.comparison.jaccard };
      }
    }
  }
  return best;
}
