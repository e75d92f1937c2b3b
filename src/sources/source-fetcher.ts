// The poller's fetching (the SourceFetcher port): the safe fetcher (fetch/) behind the per-host
// gate: one request at a time per host, a minimum gap between two, and a 429/503's Retry-After
// holding back every later request to that host.
import type { SourceFetcher } from '../app/ports.ts';
import { fetchFeed, fetchPage, type DocumentOutcome } from './fetch/fetch-document.ts';
import type { FetchResourceOptions } from './fetch/fetch-resource.ts';
import { createHostGate, DEFAULT_HOST_GAP_MS, hostKey, type HostGate } from './polite/host-gate.ts';

export interface SourceFetcherOptions {
  /** How each request is made: allowPrivate (ALLOW_PRIVATE_SOURCES), allowedAddresses, limits. */
  fetch: Omit<FetchResourceOptions, 'validators' | 'accept'>;
  /** Gap between two requests to one host (default 2 s). */
  minGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A gate shared with other fetchers (default: a new one). */
  gate?: HostGate;
}

/** The longest a Retry-After holds the host's queue in-process (the poller skips that host's other sources meanwhile). */
export const MAX_GATE_DEFER_MS = 60_000;

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSourceFetcher(opts: SourceFetcherOptions): SourceFetcher & { gate: HostGate } {
  const now = opts.now ?? Date.now;
  const gate = opts.gate ?? createHostGate({ minGapMs: opts.minGapMs ?? DEFAULT_HOST_GAP_MS, now, sleep: opts.sleep ?? sleepMs });
  const polite = (url: string, go: () => Promise<DocumentOutcome>): Promise<DocumentOutcome> =>
    gate.run(hostKey(url), async () => {
      const r = await go();
      // within this run; a longer Retry-After is the source's next poll time (source-health.ts)
      if (r.kind === 'failed' && r.retryAfterMs !== null) gate.deferUntil(hostKey(url), now() + Math.min(r.retryAfterMs, MAX_GATE_DEFER_MS));
      return r;
    });
  return {
    gate,
    fetchFeed: (url, validators) => polite(url, () => fetchFeed(url, { now, ...opts.fetch, validators })),
    fetchPage: (url) => polite(url, () => fetchPage(url, { now, ...opts.fetch })),
  };
}
