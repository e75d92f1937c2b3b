// Articles, story rows and quote rows: what the store keeps of an ingested article and how the
// commands read it back. Dedupe and speaker decisions are the use cases' (app/store-article.ts).
import type { Article, Briefing, Quote } from '../../core/article.ts';

/** 'updated': an edit of a stored article (same guid or link, changed headline or text), stored over it. */
export type IngestStatus = 'stored' | 'duplicate' | 'updated';

export type DedupeField = 'guid' | 'url' | 'hash';

export interface IngestResult {
  status: IngestStatus;
  articleId: number;
  /** What matched, for duplicates. */
  matchedBy?: DedupeField;
}

/** Another outlet's article of the same story (or quote). */
export interface AlsoReported {
  source: string | null;
  url: string | null;
}

/** One story: the card of its most complete article, and the other outlets that reported it. */
export interface StoryRow {
  storyId: number;
  /** The story's best (most complete) article. */
  articleId: number;
  headline: string;
  url: string | null;
  source: string | null;
  file: string | null;
  published: string | null;
  ingestedAt: string;
  keyPoints: string[];
  topQuote: { text: string; speaker: string | null } | null;
  /** The other articles' sources and links (one per distinct source or URL), oldest first. */
  alsoReportedBy: AlsoReported[];
  /** When the story was first seen (ISO-8601). */
  firstSeen: string;
  /** The last material change (or first seen): what digest windows select on. */
  revisedAt: string;
}

export interface QuoteRow {
  quoteId: number;
  text: string;
  kind: 'direct' | 'partial' | 'block';
  speakerId: number;
  speaker: string;
  articleId: number;
  headline: string;
  url: string | null;
  source: string | null;
  published: string | null;
  ingestedAt: string;
  /** The same utterance quoted by other articles: their sources and links. */
  alsoReportedBy: AlsoReported[];
}

export interface StoryQuery {
  /**
   * Full-text topic (headline, lead, body and quotes; every word must occur, "quoted phrases"
   * as phrases, stemmed); empty/undefined = all. With a topic, stories are ranked by relevance
   * (BM25, headline and lead weighted up) combined with recency; without, newest first.
   */
  topic?: string | null;
  limit: number;
  /** Rows to skip (paging). */
  offset?: number;
  /** The instant recency is measured from (ISO-8601); default: the newest matching story. */
  now?: string | null;
  /** Only stories first seen or materially changed strictly after this instant (ISO-8601). */
  ingestedAfter?: string | null;
  /** Only stories first seen or materially changed at or before this instant (ISO-8601). */
  ingestedUntil?: string | null;
}

export interface QuoteQuery {
  speakerIds: number[];
  /** Words that must occur in the quote or its article. */
  about?: string | null;
  limit: number;
}

/** A quote to store, with the registry speaker it was resolved to (null: unattributed). */
export type NewQuote = Pick<Quote, 'text' | 'kind' | 'mention' | 'start' | 'end'> & { speakerId: number | null };

/** An article to store under its dedupe keys (see core/dedupe-keys.ts). */
export interface NewArticle {
  article: Article;
  briefing: Briefing;
  ingestedAt: Date;
  guidKey: string | null;
  contentHash: string;
  /** The content hash of the feed item as the feed gave it, when its text was completed from its page. */
  itemHash?: string | null;
  quotes: NewQuote[];
}

/**
 * insertArticle's rejection when a dedupe key is already taken (on a shared database also by
 * another instance at the same moment): names the stored article and the key that matched.
 */
export class DuplicateArticleError extends Error {
  constructor(readonly articleId: number, readonly matchedBy: DedupeField) {
    super(`article already stored (id ${articleId}, same ${matchedBy})`);
    this.name = 'DuplicateArticleError';
  }
}

/** What edit detection needs of a stored article. */
export interface StoredKeys {
  guidKey: string | null;
  contentHash: string;
  /** The feed item's own hash (before full text), else null. */
  itemHash: string | null;
  /** When the article was first stored (ISO-8601); an edit keeps it. */
  ingestedAt: string;
}

export interface ArticleStore {
  /** The article stored under this dedupe key, if any. */
  articleIdBy(field: DedupeField, key: string): Promise<number | null>;
  /**
   * Stores an article, its full-text entry and its quotes, and adds the quotes to their speakers'
   * counts; returns the article's id. When a dedupe key is already taken it rejects: with
   * DuplicateArticleError on PostgreSQL (unique keys + ON CONFLICT: race-safe across instances),
   * a unique-key error on SQLite (whose write lock makes storeArticle's probes sufficient).
   */
  insertArticle(a: NewArticle): Promise<number>;
  /** The dedupe keys an article is stored under, or null when there is no such article. */
  storedKeys(articleId: number): Promise<StoredKeys | null>;
  /**
   * Replaces a stored article's text, briefing, full-text entry and quotes (the speakers' counts
   * follow) with an edited version; its id and ingestion time are kept, so an edit is not a new
   * story in a digest window. `a.article.url` null keeps the stored URL; `updatedAt` is recorded.
   */
  updateArticle(articleId: number, a: NewArticle, updatedAt: Date): Promise<void>;
  /**
   * One row per story: without a topic newest first (newest article's published date, else
   * ingestion time; then newest id); with a topic by relevance and recency.
   */
  latestStories(q: StoryQuery): Promise<StoryRow[]>;
  /** How many stories latestStories would return without limit and offset (true counts in /brief and digests). */
  countStories(q: Omit<StoryQuery, 'limit'>): Promise<number>;
  /**
   * Quotes of these speakers, one per utterance (the first article that printed it, with the
   * others in alsoReportedBy), newest first (then article, whole before partial, position).
   */
  quotesBySpeakers(q: QuoteQuery): Promise<QuoteRow[]>;
  /** Has a file with this content hash / name already been ingested? (for idempotent seed ingestion) */
  hasSourceFile(file: string, contentHash: string): Promise<boolean>;
  recordSourceFile(file: string, contentHash: string, at: Date): Promise<void>;
  countArticles(): Promise<number>;
}
