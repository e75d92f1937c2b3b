// Ingestion: documents -> articles -> briefings -> store, one line of outcome per article.
import { buildBriefing } from '../core/briefing.ts';
import { isBriefingError } from '../core/errors.ts';
import { parseDocumentResult, type DocumentInput } from '../core/parse/index.ts';
import type { Clock, Logger, Store } from './ports.ts';
import { storeArticle } from './store-article.ts';

export interface IngestLine {
  /** What the line is about: file name, URL, or "file › item headline" for feed items. */
  label: string;
  status: 'stored' | 'duplicate' | 'failed';
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

/** Parses one document and stores each article in it; one bad article never stops the others. */
export async function ingestDocument(deps: IngestDeps, input: DocumentInput, label: string): Promise<IngestLine[]> {
  let parsed;
  try {
    parsed = parseDocumentResult(input);
  } catch (err) {
    deps.logger.warn({ err, label }, 'document could not be parsed');
    return [{ label, status: 'failed', reason: failureReason(err) }];
  }
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
  for (const article of articles) {
    const itemLabel = articles.length > 1 ? `${label} › ${article.headline ?? article.guid ?? article.url ?? '?'}` : label;
    try {
      const briefing = buildBriefing(article);
      const res = await storeArticle(deps.store, article, briefing, deps.clock.now());
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
  return `stored: ${l.label} (#${l.articleId}) ${l.headline ?? ''}`.trimEnd();
}
