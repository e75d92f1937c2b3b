// Articles, story rows and quote rows: what the store keeps of an ingested article and how the
// commands read it back. Dedupe and speaker decisions are the use cases' (app/store-article.ts).
import type { Article, Briefing, Quote } from '../../core/article.ts';

export type IngestStatus = 'stored' | 'duplicate';

export type DedupeField = 'guid' | 'url' | 'hash';

export interface IngestResult {
  status: IngestStatus;
  articleId: number;
  /** What matched, for duplicates. */
  matchedBy?: DedupeField;
}

export interface StoryRow {
  articleId: number;
  headline: string;
  url: string | null;
  source: string | null;
  file: string | null;
  published: string | null;
  ingestedAt: string;
  keyPoints: string[];
  topQuote: { text: string; speaker: string | null } | null;
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
}

export interface StoryQuery {
  /** Full-text topic words (headline, body and quotes; every word must occur); empty/undefined = all. */
  topic?: string | null;
  limit: number;
  /** Only stories ingested strictly after this instant (ISO-8601). */
  ingestedAfter?: string | null;
  /** Only stories ingested at or before this instant (ISO-8601). */
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
  /** Latest stories, newest first (published date, else ingestion time; then newest id). */
  latestStories(q: StoryQuery): Promise<StoryRow[]>;
  /** How many stories match the query, however many `latestStories` would fetch (true counts in digests). */
  countStories(q: Omit<StoryQuery, 'limit'>): Promise<number>;
  /** Quotes of these speakers, newest first (then article, whole before partial, position). */
  quotesBySpeakers(q: QuoteQuery): Promise<QuoteRow[]>;
  /** Has a file with this content hash / name already been ingested? (for idempotent seed ingestion) */
  hasSourceFile(file: string, contentHash: string): Promise<boolean>;
  recordSourceFile(file: string, contentHash: string, at: Date): Promise<void>;
  countArticles(): Promise<number>;
}
