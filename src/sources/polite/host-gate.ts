// Politeness per host: at most one request at a time to a host, at least `minGapMs` between the
// end of one request and the start of the next, and no request before a host's Retry-After.
// The clock and the sleep are injected (tests drive them; the poller passes Date.now and a timer).
//
//   const gate = createHostGate({ minGapMs: 2000, now: Date.now, sleep });
//   await gate.run(hostKey(url), () => fetchFeed(url, opts));  // queued behind that host's others
//   gate.deferUntil(hostKey(url), Date.now() + retryAfterMs);  // after a 429/503

/** A sensible gap between two requests to one host (the poller may choose another). */
export const DEFAULT_HOST_GAP_MS = 2000;

export interface HostGateOptions {
  minGapMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface HostGate {
  /** Runs `task` when the host is free: after its previous tasks, the gap, and any deferral. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** No request to `host` starts before `atMs` (a later deferral wins; an earlier one is ignored). */
  deferUntil(host: string, atMs: number): void;
  /** Tasks running or waiting for `host`. */
  queued(host: string): number;
}

interface HostState {
  tail: Promise<void>;
  lastEnd: number | null;
  notBefore: number;
  queued: number;
}

/** The politeness key of a URL: its lowercase host name (all ports of a host share it). */
export function hostKey(url: string): string {
  try { return new URL(url).hostname.toLowerCase(); } catch { return url.toLowerCase(); }
}

export function createHostGate(opts: HostGateOptions): HostGate {
  const hosts = new Map<string, HostState>();
  const state = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) { s = { tail: Promise.resolve(), lastEnd: null, notBefore: 0, queued: 0 }; hosts.set(host, s); }
    return s;
  };

  async function waitTurn(s: HostState): Promise<void> {
    for (;;) {
      const ready = Math.max(s.lastEnd === null ? 0 : s.lastEnd + opts.minGapMs, s.notBefore);
      const wait = ready - opts.now();
      if (wait <= 0) return;
      await opts.sleep(wait); // a deferral made meanwhile is seen on the next turn of the loop
    }
  }

  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      const s = state(host);
      s.queued++;
      const result = s.tail.then(async () => {
        await waitTurn(s);
        try {
          return await task();
        } finally {
          s.lastEnd = opts.now();
        }
      });
      s.tail = result.then(() => undefined, () => undefined).finally(() => {
        s.queued--;
        if (s.queued === 0 && s.notBefore <= opts.now() && (s.lastEnd ?? 0) + opts.minGapMs <= opts.now()) hosts.delete(host);
      });
      return result;
    },
    deferUntil(host, atMs) {
      const s = state(host);
      s.notBefore = Math.max(s.notBefore, atMs);
    },
    queued: (host) => hosts.get(host)?.queued ?? 0,
  };
}
