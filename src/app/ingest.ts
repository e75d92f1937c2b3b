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
import { storeArticle } from './store-article.ts';

export interface IngestLine {
  /** What the line is about: a file path, a URL, or "file › item N" for feed items. */
  label: string;
  /** `unchanged`: a remembered file (seeds) already ingested with these exact bytes. */
  status: 'stored' | 'duplicate' | 'failed' | 'unchanged';
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

/** Parses one document and builds each article's briefing; one bad article never stops the others. */
export function briefDocument(doc: SourceResult, logger: Logger): BriefedDocument {
  if (!doc.ok) return { articles: [], failures: [failed(logger, doc.label, doc.error)] };
  let parsed;
  try {
    parsed = parseDocumentResult(doc.input);
  } catch (err) {
    return { articles: [], failures: [failed(logger, doc.label, err)] };
  }
  const out: BriefedDocument = { articles: [], failures: [] };
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
    const label = FEED_FORMATS.has(article.format) ? itemLabel(doc.label, item) : doc.label;
    try {
      out.articles.push({ label, article, briefing: buildBriefing(article) });
    } catch (err) {
      out.failures.push(failed(logger, label, err));
    }
  }
  return out;
}

/**
 * Parses, briefs and stores one document. With `remember`, a file whose exact bytes were
 * ingested before is skipped (`unchanged`), and a file is remembered once every article in it is
 * stored or known (a failed one is tried again next time).
 */
export async function ingestDocument(deps: IngestDeps, doc: SourceResult, opts: { remember?: boolean } = {}): Promise<IngestLine[]> {
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
  const report: IngestReport = { stored: 0, duplicate: 0, unchanged: 0, failed: 0 };
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
  return `stored: ${l.label} (#${l.articleId}) ${l.headline ?? ''}`.trimEnd();
}
