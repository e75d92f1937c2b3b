// Stories (issue 13): the store keeps which articles tell one story, the story's card (from its
// most complete article), the members' fingerprints and an index of candidate keys (LSH band
// keys and names -> story ids, bounded per key), and which quotes are one utterance. The
// decisions (which story, what is a material change, which quotes are the same) are the use
// cases' (app/stories/).
import type { KeyPoint } from '../../core/article.ts';
import type { StoryFingerprint } from '../../core/stories/index.ts';

/** Stories kept per candidate key (the newest): bounds the work per article whatever the archive's size. */
export const STORIES_PER_KEY = 16;

export interface StoryCandidateQuery {
  keys: string[];
  /** Only stories indexed with a time in [from, until] (ISO-8601). */
  from: string;
  until: string;
  /** At most this many stories per key (the newest). */
  perKey: number;
  /** At most this many members per story (the newest). */
  membersPerStory: number;
}

export interface StoredMember {
  articleId: number;
  /** Published, else first seen (ISO-8601). */
  at: string;
  fingerprint: StoryFingerprint;
}

export interface CandidateStoryRow {
  storyId: number;
  members: StoredMember[];
}

/** What a story's card is made of: its most complete article's briefing. */
export interface StoryCard {
  bestArticleId: number;
  /** The best article's body length. */
  bestSize: number;
  headline: string;
  url: string | null;
  source: string | null;
  published: string | null;
  keyPoints: KeyPoint[];
  topQuote: { text: string; speaker: string | null } | null;
}

export interface StoryState extends StoryCard {
  storyId: number;
  storyAt: string;
  firstSeen: string;
  lastUpdated: string;
  revisedAt: string;
  sortKey: string;
  articleCount: number;
}

export interface NewStoryMember {
  articleId: number;
  storyId: number;
  at: string;
  fingerprint: StoryFingerprint;
  /** Candidate keys to index the story under (trimmed to STORIES_PER_KEY per key). */
  keys: string[];
}

/** An article joining a story: the new card when it is the more complete article, and the times. */
export interface StoryJoin {
  storyId: number;
  /** Set when the joining article becomes the story's best one. */
  card: StoryCard | null;
  /** Ingestion time of the joining article. */
  seenAt: string;
  /** Its published date, else seenAt. */
  sortKey: string;
  /** A material change: the story is shown again by digests (revised_at = seenAt). */
  material: boolean;
}

export interface NewStory extends StoryCard {
  storyAt: string;
  seenAt: string;
  sortKey: string;
}

export interface SpeakerQuoteRef {
  quoteId: number;
  articleId: number;
  text: string;
}

/** The article being rebuilt, as stored. */
export interface StoredArticleForStory {
  articleId: number;
  headline: string;
  body: string;
  url: string | null;
  source: string | null;
  published: string | null;
  ingestedAt: string;
  keyPoints: KeyPoint[];
  topQuote: { text: string; speaker: string | null } | null;
}

export interface RebuildProgress {
  lastArticleId: number;
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface StoryStore {
  storyCandidates(q: StoryCandidateQuery): Promise<CandidateStoryRow[]>;
  story(storyId: number): Promise<StoryState | null>;
  /** The story an article belongs to, if it was assigned one. */
  storyOfArticle(articleId: number): Promise<number | null>;
  createStory(s: NewStory): Promise<number>;
  joinStory(j: StoryJoin): Promise<void>;
  /** Records the article as a member of its story (articles.story_id too) and indexes the keys. */
  addStoryMember(m: NewStoryMember): Promise<void>;
  /**
   * Takes the article out of its story (for an edited article, before it is assigned again):
   * a story left empty is deleted, else its card is taken from its longest remaining article.
   */
  detachFromStory(articleId: number): Promise<void>;
  /** The article's quotes by registry speaker (quotes without speaker left out). */
  quotesOfArticle(articleId: number): Promise<Array<SpeakerQuoteRef & { speakerId: number }>>;
  /** The speaker's newest first-of-their-utterance quotes in other articles (at most `limit`). */
  recentUtterances(speakerId: number, exceptArticleId: number, limit: number): Promise<SpeakerQuoteRef[]>;
  /**
   * Marks `quoteId` as the same utterance as `sameAs`: the speaker's quote count drops by one, and
   * the utterance ranks by its latest printing.
   */
  linkUtterance(quoteId: number, sameAs: number): Promise<void>;
  /** Articles with an id above `afterId`, in id order, for rebuilding (at most `limit`). */
  articlesForStories(afterId: number, limit: number): Promise<StoredArticleForStory[]>;
  rebuildProgress(): Promise<RebuildProgress | null>;
  /** Forgets every story, member, key and utterance link, and starts a rebuild of `total` articles. */
  startRebuild(total: number, at: string): Promise<void>;
  recordRebuild(lastArticleId: number, done: number, finishedAt: string | null): Promise<void>;
}
