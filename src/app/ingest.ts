// The one ingestion use case: a SourceResult (from any source) -> parsed articles -> briefings ->
// the store, one line of outcome per article. `briefDocument` is the same path without the store
// (`newsbrief extract`). Every failure gets one label and one reason, used alike by the report
// lines and the log.
import type { Article, Briefing } from '../core/article.ts';
import { buildBriefing } from '../core/briefing.ts';
import { BriefingError, isBriefingError } from '../core/errors.ts';
import { parseDocumentResult } from '../core/parse/index.ts';
import { failureReason, itemLabel, type SourceResult } from './ingest-document.ts';
import type { Clock, Logger, Store } from './ports.ts';
import { findStoredItem, storeArticle } from './store-article.ts';

export interface IngestLine {
  /** What the line is about: a file path, a URL, or "file › item N" for feed items. */
  label: string;
  /** `unchanged`: a remembered file (seeds) already ingested with these exact bytes. */
  status: 'stored' | 'updated' | 'duplicate' | 'failed' | 'unchanged';
  /** For failures: a plain reason for the user. */
  reason?: string;
  articleId?: number;
  headline?: string;
  matchedBy?: 'guid' | 'url' | 'hash';
}

export interface IngestDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
}

export interface BriefedArticle {
  label: string;
  article: Article;
  briefing: Briefing;
}

export interface BriefedDocument {
  articles: BriefedArticle[];
  failures: IngestLine[];
}

const FEED_FORMATS = new Set<Article['format']>(['rss', 'atom', 'jsonfeed']);

/** Logs one failure under the label and reason the user sees; internal errors at error level. */
function failed(logger: Logger, label: string, err: unknown, context: Record<string, unknown> = {}): IngestLine {
  const reason = failureReason(err);
  const detail = isBriefingError(err) ? { code: err.code, ...err.context } : { err };
  if (isBriefingError(err)) logger.warn({ label, reason, ...detail, ...context }, `ingest failed: ${label}: ${reason}`);
  else logger.error({ label, reason, ...detail, ...context }, `ingest failed: ${label}: ${reason}`);
  return { label, status: 'failed', reason };
}

/** What a feed item becomes before it is stored (the poller fetches the page of a teaser here). */
export interface PreparedItem {
  /** The article to store, or null when there is nothing to store (`reason` says why). */
  article: Article | null;
  reason?: string;
}

/** A fetched feed, as the poller gives it to ingestDocument. */
export interface FeedIngest {
  /** The feed's URL: scopes its guids; an item stored already, unchanged, is skipped before any work. */
  url: string;
  /** Completes a new or changed item (full text); absent = stored as it is. */
  prepare?: (item: Article) => Promise<PreparedItem>;
  /** Told when the document could not be read at all (not a feed, malformed): the source's health. */
  onUnreadable?: (reason: string) => void;
}

interface ParsedItems {
  items: Array<{ label: string; article: Article }>;
  failures: IngestLine[];
  /** The document could not be read at all (its one failure says why). */
  unreadable?: boolean;
}

/** Parses one document: its articles with their labels, and what could not be read. */
function parseItems(doc: SourceResult, logger: Logger): ParsedItems {
  if (!doc.ok) return { items: [], failures: [failed(logger, doc.label, doc.error)], unreadable: true };
  let parsed;
  try {
    parsed = parseDocumentResult(doc.input);
  } catch (err) {
    return { items: [], failures: [failed(logger, doc.label, err)], unreadable: true };
  }
  const out: ParsedItems = { items: [], failures: [] };
  if (parsed.articles.length === 0 && parsed.failures.length === 0) {
    // a feed with no items: say so, rather than print nothing and exit 0
    out.failures.push(failed(logger, doc.label, new BriefingError('bad_input', 'no articles in it (the feed has no items)')));
    return out;
  }
  const failedItems = new Map(parsed.failures.map((f) => [f.item, f]));
  for (const f of parsed.failures) {
    const label = itemLabel(doc.label, f.item, f.id);
    logger.warn({ label, reason: f.reason, item: f.item, id: f.id }, `ingest failed: ${label}: ${f.reason}`);
    out.failures.push({ label, status: 'failed', reason: f.reason });
  }
  // feed items keep their position in the feed (failed items took theirs)
  let item = 0;
  for (const article of parsed.articles) {
    do item++; while (failedItems.has(item));
    out.items.push({ label: FEED_FORMATS.has(article.format) ? itemLabel(doc.label, item) : doc.label, article });
  }
  return out;
}

/** Parses one document and builds each article's briefing; one bad article never stops the others. */
export function briefDocument(doc: SourceResult, logger: Logger): BriefedDocument {
  const { items, failures } = parseItems(doc, logger);
  const out: BriefedDocument = { articles: [], failures };
  for (const { label, article } of items) {
    try {
      out.articles.push({ label, article, briefing: buildBriefing(article) });
    } catch (err) {
      out.failures.push(failed(logger, label, err));
    }
  }
  return out;
}

/** A fetched feed's items: unchanged ones skipped, new and edited ones completed (`prepare`), briefed and stored. */
async function ingestFeed(deps: IngestDeps, doc: SourceResult, feed: FeedIngest): Promise<IngestLine[]> {
  const { items, failures, unreadable } = parseItems(doc, deps.logger);
  if (unreadable) feed.onUnreadable?.(failures[0]?.reason ?? 'unreadable');
  const lines: IngestLine[] = [...failures];
  for (const { label, article: item } of items) {
    try {
      const known = await findStoredItem(deps.store, item, feed.url);
      if (known?.unchanged) {
        lines.push({ label, status: 'duplicate', articleId: known.articleId, matchedBy: known.matchedBy, headline: item.headline ?? '' });
        continue;
      }
      const prepared: PreparedItem = feed.prepare ? await feed.prepare(item) : { article: item };
      const article = prepared.article;
      if (!article || !article.body.trim()) {
        lines.push(failed(deps.logger, label, new BriefingError('bad_input', prepared.reason ?? 'no text, only a title and a link')));
        continue;
      }
      const briefing = buildBriefing(article);
      const res = await storeArticle(deps.store, article, briefing, deps.clock.now(), { feedUrl: feed.url, feedItem: article === item ? null : item });
      lines.push({ label, status: res.status, articleId: res.articleId, headline: briefing.headline, ...(res.matchedBy ? { matchedBy: res.matchedBy } : {}) });
    } catch (err) {
      lines.push(failed(deps.logger, label, err));
    }
  }
  return lines;
}

/**
 * Parses, briefs and stores one document. With `remember`, a file whose exact bytes were
 * ingested before is skipped (`unchanged`), and a file is remembered once every article in it is
 * stored or known (a failed one is tried again next time).
 */
export async function ingestDocument(deps: IngestDeps, doc: SourceResult, opts: { remember?: boolean; feed?: FeedIngest } = {}): Promise<IngestLine[]> {
  if (opts.feed) return ingestFeed(deps, doc, opts.feed);
  const remembered = opts.remember && doc.ok && doc.origin.path && doc.origin.sha256 ? { path: doc.origin.path, sha256: doc.origin.sha256 } : null;
  if (remembered && (await deps.store.hasSourceFile(remembered.path, remembered.sha256))) return [{ label: doc.label, status: 'unchanged' }];
  const { articles, failures } = briefDocument(doc, deps.logger);
  const lines: IngestLine[] = [...failures];
  for (const { label, article, briefing } of articles) {
    try {
      const res = await storeArticle(deps.store, article, briefing, deps.clock.now());
      lines.push({ label, status: res.status, articleId: res.articleId, headline: briefing.headline, ...(res.matchedBy ? { matchedBy: res.matchedBy } : {}) });
    } catch (err) {
      lines.push(failed(deps.logger, label, err));
    }
  }
  if (remembered && lines.every((l) => l.status !== 'failed')) await deps.store.recordSourceFile(remembered.path, remembered.sha256, deps.clock.now());
  return lines;
}

export interface IngestReport {
  stored: number;
  /** Edits of stored articles (same guid or link, changed text). */
  updated: number;
  duplicate: number;
  /** Remembered files left alone because they were ingested before. */
  unchanged: number;
  failed: number;
}

/** Ingests every document of a source, in order; `onLine` sees each outcome as it happens. */
export async function ingestSources(
  deps: IngestDeps,
  sources: AsyncIterable<SourceResult> | Iterable<SourceResult>,
  opts: { remember?: boolean; onLine?: (line: IngestLine) => void } = {},
): Promise<IngestReport> {
  const report: IngestReport = { stored: 0, updated: 0, duplicate: 0, unchanged: 0, failed: 0 };
  for await (const doc of sources) {
    for (const line of await ingestDocument(deps, doc, { remember: opts.remember ?? false })) {
      report[line.status]++;
      opts.onLine?.(line);
    }
  }
  return report;
}

export function formatIngestLine(l: IngestLine): string {
  if (l.status === 'failed') return `failed: ${l.label}: ${l.reason ?? 'unknown error'}`;
  if (l.status === 'duplicate') return `duplicate: ${l.label} (same ${l.matchedBy ?? 'content'} as article #${l.articleId})`;
  if (l.status === 'unchanged') return `unchanged: ${l.label} (already ingested)`;
  if (l.status === 'updated') return `updated: ${l.label} (#${l.articleId}, an edit of the stored article, same ${l.matchedBy ?? 'guid'}) ${l.headline ?? ''}`.trimEnd();
  return `stored: ${l.label} (#${l.articleId}) ${l.headline ?? ''}`.trimEnd();
}
