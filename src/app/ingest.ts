// Ingestion: documents -> articles -> briefings -> store, one line of outcome per article.
import { buildBriefing } from '../core/briefing.ts';
import { isBriefingError } from '../core/errors.ts';
import type { Article } from '../core/article.ts';
import { parseDocumentResult, type DocumentInput, type ParseResult } from '../core/parse/index.ts';
import type { Clock, Logger, Store } from './ports.ts';
import { findStoredItem, storeArticle } from './store-article.ts';

export interface IngestLine {
  /** What the line is about: file name, URL, or "file › item headline" for feed items. */
  label: string;
  status: 'stored' | 'updated' | 'duplicate' | 'failed';
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

export function failureReason(err: unknown): string {
  return isBriefingError(err) ? err.message : 'internal error (see the log)';
}

/** What a feed item becomes before it is stored (the poller fetches the page of a teaser here). */
export interface PreparedItem {
  /** The article to store, or null when there is nothing to store (`reason` says why). */
  article: Article | null;
  reason?: string;
}

export interface IngestParsedOptions {
  /** The feed's URL, when the document is a fetched feed: scopes guids, and an item stored already unchanged is skipped before any work. */
  feedUrl?: string | null;
  /** Completes a new or changed item (full text); absent = stored as it is. */
  prepare?: (item: Article) => Promise<PreparedItem>;
}

/** Parses one document and stores each article in it; one bad article never stops the others. */
export async function ingestDocument(deps: IngestDeps, input: DocumentInput, label: string): Promise<IngestLine[]> {
  let parsed;
  try {
    parsed = parseDocumentResult(input);
  } catch (err) {
    deps.logger.warn({ err, label }, 'document could not be parsed');
    return [{ label, status: 'failed', reason: failureReason(err) }];
  }
  return ingestParsed(deps, parsed, label);
}

/** Stores each article of a parsed document (see ingestDocument); the poller's way in. */
export async function ingestParsed(deps: IngestDeps, parsed: ParseResult, label: string, opts: IngestParsedOptions = {}): Promise<IngestLine[]> {
  const { articles, failures } = parsed;
  if (articles.length === 0 && failures.length === 0) {
    // a feed with no items: say so, rather than print nothing and exit 0
    deps.logger.warn({ label }, 'document has no articles');
    return [{ label, status: 'failed', reason: 'no articles in it (the feed has no items)' }];
  }
  const lines: IngestLine[] = failures.map((f) => {
    deps.logger.warn({ label, item: f.item, id: f.id, reason: f.reason }, 'feed item skipped');
    return { label: `${label} › item ${f.item}${f.id ? ` (${f.id})` : ''}`, status: 'failed' as const, reason: f.reason };
  });
  const feedUrl = opts.feedUrl ?? null;
  for (const item of articles) {
    const itemLabel = articles.length > 1 ? `${label} › ${item.headline ?? item.guid ?? item.url ?? '?'}` : label;
    try {
      if (feedUrl) {
        const known = await findStoredItem(deps.store, item, feedUrl);
        if (known?.unchanged) {
          lines.push({ label: itemLabel, status: 'duplicate', articleId: known.articleId, matchedBy: known.matchedBy });
          continue;
        }
      }
      const prepared: PreparedItem = opts.prepare ? await opts.prepare(item) : { article: item };
      const article = prepared.article;
      if (!article || !article.body.trim()) {
        lines.push({ label: itemLabel, status: 'failed', reason: prepared.reason ?? 'no text, only a title and a link' });
        continue;
      }
      const briefing = buildBriefing(article);
      const res = await storeArticle(deps.store, article, briefing, deps.clock.now(), { feedUrl, feedItem: article === item ? null : item });
      lines.push({ label: itemLabel, status: res.status, articleId: res.articleId, headline: briefing.headline, ...(res.matchedBy ? { matchedBy: res.matchedBy } : {}) });
    } catch (err) {
      deps.logger.error({ err, label: itemLabel }, 'article could not be ingested');
      lines.push({ label: itemLabel, status: 'failed', reason: failureReason(err) });
    }
  }
  return lines;
}

export function formatIngestLine(l: IngestLine): string {
  if (l.status === 'failed') return `failed: ${l.label}: ${l.reason ?? 'unknown error'}`;
  if (l.status === 'duplicate') return `duplicate: ${l.label} (same ${l.matchedBy ?? 'content'} as article #${l.articleId})`;
  if (l.status === 'updated') return `updated: ${l.label} (#${l.articleId}, an edit of the stored article, same ${l.matchedBy ?? 'guid'}) ${l.headline ?? ''}`.trimEnd();
  return `stored: ${l.label} (#${l.articleId}) ${l.headline ?? ''}`.trimEnd();
}
