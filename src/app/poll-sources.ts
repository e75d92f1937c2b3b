// The poller's use case: poll each source that is due, store what is new or edited, keep the
// source's health. Fetching is a port (SourceFetcher: the safe fetcher behind the per-host gate),
// the clock and the random source are injected.
//
//   pollDue(deps)           -> one report per due source (hosts polled in parallel, one host's sources in turn)
//   pollSource(deps, row)   -> 304: nothing parsed, validators kept; 200: parsed, new items
//                              stored, edits updated, teaser-only items completed from their page
//                              (per source, on by default); failure: health (backoff, Retry-After,
//                              failing after 3 in a row with the reason; "recovered" when it comes back)
import { afterPoll, type PollResult, type SourceHealth } from '../sources/polite/source-health.ts';
import { completeArticle } from '../sources/full-text.ts';
import type { SourceDocument } from './ingest-document.ts';
import { ingestDocument, type IngestLine, type PreparedItem } from './ingest.ts';
import type { Clock, Logger, SourceFetcher, SourceRow, Store } from './ports.ts';

export interface PollDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  fetcher: SourceFetcher;
  /** FEED_POLL_MINUTES in ms. */
  intervalMs: number;
  random: () => number;
  /** Sources polled at once on different hosts (default 16). */
  parallelHosts?: number;
  /** Most sources polled in one run (default 1000); the rest are due at the next. */
  batch?: number;
  /** Sources due within this many ms are polled now (the scheduler's tick), so none waits longer than its interval. */
  dueWithinMs?: number;
}

export interface SourcePollReport {
  url: string;
  outcome: 'not-modified' | 'fetched' | 'failed';
  /** One line per item, for 'fetched'. */
  lines: IngestLine[];
  stored: number;
  updated: number;
  /** Items whose page could not be had: the teaser was kept (or, with no teaser, nothing stored). */
  fullTextFailures: Array<{ item: string; reason: string }>;
  /** What /sources list shows as the last result. */
  summary: string;
  event: 'recovered' | 'now-failing' | null;
  /** The server asked to wait (429/503 Retry-After), in ms. */
  retryAfterMs: number | null;
}

function healthOf(s: SourceRow): SourceHealth {
  return { failures: s.failures, failing: s.failing, lastError: s.lastError, lastReason: s.lastReason as SourceHealth['lastReason'], nextPollAt: Date.parse(s.nextPollAt) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summarize(lines: IngestLine[], fullTextFailures: number): string {
  const n = (st: IngestLine['status']) => lines.filter((l) => l.status === st).length;
  const parts = [`${n('stored')} new`];
  if (n('updated')) parts.push(`${n('updated')} updated`);
  if (n('failed')) parts.push(`${plural(n('failed'), 'item')} skipped`);
  if (fullTextFailures) parts.push(`full text missing for ${plural(fullTextFailures, 'item')}`);
  return parts.join(', ');
}

export async function pollSource(deps: PollDeps, source: SourceRow): Promise<SourcePollReport> {
  const { store, clock, logger } = deps;
  const log = logger.child({ source: source.url });
  const started = clock.now();
  const outcome = await deps.fetcher.fetchFeed(source.url, source.validators);
  let result: PollResult = { ok: true };
  let validators = source.validators;
  let lines: IngestLine[] = [];
  const fullTextFailures: SourcePollReport['fullTextFailures'] = [];
  let summary: string;
  let kind: SourcePollReport['outcome'];
  if (outcome.kind === 'not-modified') {
    kind = 'not-modified';
    validators = outcome.validators;
    summary = 'not modified';
  } else if (outcome.kind === 'failed') {
    kind = 'failed';
    result = { ok: false, reason: outcome.reason, message: outcome.message, retryAfterMs: outcome.retryAfterMs };
    summary = outcome.message;
  } else {
    const prepare = source.fullText
      ? async (item: Parameters<typeof completeArticle>[0]): Promise<PreparedItem> => {
        const done = await completeArticle(item, { fetchPage: (url) => deps.fetcher.fetchPage(url) });
        if (done.kind !== 'kept') return { article: done.article };
        if (done.failure === 'no-link') return { article: done.article, reason: 'no text, and no link to fetch it from' }; // nothing to fetch: no failure
        const label = item.headline ?? item.url ?? item.guid ?? '?';
        fullTextFailures.push({ item: label, reason: done.reason });
        log.warn({ item: label, reason: done.reason }, 'full text not fetched; the teaser is kept');
        return { article: done.article, reason: `no text in the feed, and its page could not be read: ${done.reason}` };
      }
      : undefined;
    const doc: SourceDocument = {
      ok: true, label: source.label ?? source.url, input: outcome.input,
      origin: { target: source.url, path: null, url: source.url, size: outcome.bytes.length, sha256: '' },
    };
    let unreadable: string | null = null;
    lines = await ingestDocument({ store, clock, logger: log }, doc, {
      feed: { url: source.url, ...(prepare ? { prepare } : {}), onUnreadable: (reason) => { unreadable = reason; } },
    });
    if (unreadable !== null) {
      kind = 'failed';
      result = { ok: false, reason: 'parse', message: `not a readable feed: ${unreadable}`, retryAfterMs: null };
      summary = result.message;
      lines = [];
    } else {
      kind = 'fetched';
      validators = outcome.validators; // an unreadable body keeps the old ones: no 304 for a broken feed
      summary = summarize(lines, fullTextFailures.length);
    }
  }
  const { health, event } = afterPoll(healthOf(source), result, { now: started.getTime(), intervalMs: deps.intervalMs, random: deps.random });
  if (event === 'now-failing') {
    log.warn({ reason: health.lastReason, error: health.lastError, failures: health.failures }, 'source is failing');
    summary = `failing after ${plural(health.failures, 'failure')} in a row: ${summary}`;
  } else if (event === 'recovered') {
    log.info({ after: source.failures }, 'source recovered');
    summary = `recovered after ${plural(source.failures, 'failure')}: ${summary}`;
  } else if (!result.ok && health.failing) {
    summary = `failing (${plural(health.failures, 'failure')} in a row): ${summary}`;
  }
  const newest = lines.find((l) => l.status === 'stored');
  await store.sources.recordPoll(source.url, {
    validators, nextPollAt: new Date(health.nextPollAt), failures: health.failures, failing: health.failing,
    lastError: health.lastError, lastReason: health.lastReason, polledAt: started, lastResult: summary,
    newStory: newest ? { at: clock.now(), headline: newest.headline ?? newest.label } : null,
  });
  const count = (st: IngestLine['status']) => lines.filter((l) => l.status === st).length;
  return { url: source.url, outcome: kind, lines, stored: count('stored'), updated: count('updated'), fullTextFailures, summary, event, retryAfterMs: result.ok ? null : result.retryAfterMs };
}

function hostOf(url: string): string {
  try { return new URL(url).hostname.toLowerCase(); } catch { return url; }
}

/** Polls every source that is due now; never throws for one source's sake. */
export async function pollDue(deps: PollDeps): Promise<SourcePollReport[]> {
  const due = await deps.store.sources.dueSources(new Date(deps.clock.now().getTime() + (deps.dueWithinMs ?? 0)), deps.batch ?? 1000);
  const byHost = new Map<string, SourceRow[]>();
  for (const s of due) byHost.set(hostOf(s.url), [...(byHost.get(hostOf(s.url)) ?? []), s]);
  const queues = [...byHost.values()];
  const reports: SourcePollReport[] = [];
  const worker = async () => {
    for (let q = queues.shift(); q; q = queues.shift()) {
      for (const s of q) {
        try {
          const r = await pollSource(deps, s);
          reports.push(r);
          if (r.retryAfterMs !== null) break; // the host asked to wait: its other sources stay due for a later run
        } catch (err) {
          deps.logger.error({ err, source: s.url }, 'source poll failed');
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.parallelHosts ?? 16, queues.length) }, worker));
  return reports;
}

/** The poller on the scheduler: every tick polls what is due; one run at a time (the first at once). */
export interface Poller {
  /** Polls what is due now, or joins the run in progress. */
  runNow(): Promise<SourcePollReport[]>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
}

export function createPoller(deps: PollDeps): Poller {
  let running: Promise<SourcePollReport[]> | null = null;
  return {
    runNow() {
      running ??= pollDue(deps).finally(() => { running = null; });
      return running;
    },
    async idle() {
      await running?.catch(() => undefined);
    },
  };
}

/** How often the poller looks for due sources: a quarter of the interval, between 1 s and 1 min. */
export function pollTickMs(intervalMs: number): number {
  return Math.max(1000, Math.min(60_000, Math.round(intervalMs / 4)));
}
