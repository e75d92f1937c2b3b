// The ports the use cases run over: store, clock, publisher, logger.
import type { Article, Briefing } from '../core/article.ts';
import type { Message } from '../core/message.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

// ---- articles, briefings, quotes, speakers --------------------------------------------

export type IngestStatus = 'stored' | 'duplicate';

export interface IngestResult {
  status: IngestStatus;
  articleId: number;
  /** What matched, for duplicates. */
  matchedBy?: 'guid' | 'url' | 'hash';
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

export interface SpeakerRow {
  speakerId: number;
  name: string;
  aliases: string[];
  role: string | null;
  kind: string;
  quoteCount: number;
}

export interface StoryQuery {
  /** Full-text topic words (FTS5 over headline, body and quotes); empty/undefined = all. */
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

export interface ArticleStore {
  /** Stores an article and its briefing in one transaction; dedupes by guid, then URL, then content hash. */
  ingestArticle(article: Article, briefing: Briefing, ingestedAt: Date): IngestResult;
  /** Latest stories, newest first (published date, then ingestion time). */
  latestStories(q: StoryQuery): StoryRow[];
  /** Quotes of these speakers, newest first. */
  quotesBySpeakers(q: QuoteQuery): QuoteRow[];
  /** Registry lookup: exact name, alias, accent-free and spelling variants, surname. Best first. */
  findSpeakers(who: string, limit: number): SpeakerRow[];
  /** Autocomplete: prefix and variant matches, most quoted first. */
  suggestSpeakers(prefix: string, limit: number): SpeakerRow[];
  /** Closest known speakers to a name that matched nothing (for "did you mean"). */
  closestSpeakers(who: string, limit: number): SpeakerRow[];
  /** Has a file with this content hash / name already been ingested? (for idempotent seed ingestion) */
  hasSourceFile(file: string, contentHash: string): boolean;
  recordSourceFile(file: string, contentHash: string, at: Date): void;
  countArticles(): number;
}

export interface Store extends ArticleStore {
  /** Digest subscriptions and deliveries (issue 8). */
  digests: import('../store/digests.ts').DigestStore;
  close(): void;
}

// ---- publishing ------------------------------------------------------------------------

export type Platform = 'console' | 'discord' | 'slack';

/** Thrown by a publisher when a post fails. */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs: number | null;
  readonly reason: string;
  constructor(reason: string, opts: { permanent: boolean; retryAfterMs?: number | null; cause?: unknown }) {
    super(reason, { cause: opts.cause });
    this.name = 'DeliveryError';
    this.reason = reason;
    this.permanent = opts.permanent;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}

/** Where a post goes besides the channel: the workspace picks the token (Slack installs). */
export interface PublishTarget {
  workspaceId?: string | null;
}

export interface Publisher {
  platform: Platform;
  /** Posts a message in a channel; returns the platform's message id. Throws DeliveryError. */
  publish(channelId: string, message: Message, target?: PublishTarget): Promise<{ messageId: string }>;
}

// ---- the application, as the adapters see it --------------------------------------------

export interface Choice {
  name: string;
  value: string;
}

export interface App {
  /** Runs one command. Never throws: errors become a friendly (ephemeral) Message. */
  handle(inv: import('./invocation.ts').Invocation, ctx: import('./invocation.ts').CommandContext): Promise<Message>;
  /** Autocomplete choices for an option being typed (e.g. quote/who), at most 25. */
  autocomplete(command: string, option: string, value: string): Promise<Choice[]>;
}

/** The /digest subcommands, implemented by the digest use case (issue 8). */
export interface DigestCommands {
  run(
    subcommand: string,
    options: Record<string, import('./invocation.ts').OptionValue>,
    ctx: import('./invocation.ts').CommandContext,
  ): Promise<Message>;
}
