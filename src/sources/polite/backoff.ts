// How long to wait before trying a failing source again: exponential backoff with jitter, and
// Retry-After when the server gave one. Pure: the random source is injected.
//
//   backoffDelay(1, o) in [base/2, base]; backoffDelay(n, o) in [c/2, c] with c = min(max, base * 2^(n-1))
//   retryDelay({ failures, retryAfterMs }, o) = max(backoffDelay, min(retryAfterMs, maxRetryAfterMs))

export interface BackoffOptions {
  /** The first retry's ceiling, e.g. the poll interval. */
  baseMs: number;
  /** The ceiling for any number of failures, e.g. 6 hours. */
  maxMs: number;
  /** In [0, 1), e.g. Math.random. */
  random: () => number;
  /** A Retry-After longer than this is cut to it (default 24 h): a server cannot silence a source for ever. */
  maxRetryAfterMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Equal jitter": half the capped exponential delay, plus a random share of the other half. */
export function backoffDelay(failures: number, opts: BackoffOptions): number {
  if (failures <= 0) return 0;
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(failures - 1, 52));
  const r = Math.min(Math.max(opts.random(), 0), 1);
  return Math.round(exp / 2 + (exp / 2) * r);
}

export function retryDelay(state: { failures: number; retryAfterMs: number | null }, opts: BackoffOptions): number {
  const honoured = Math.min(state.retryAfterMs ?? 0, opts.maxRetryAfterMs ?? DAY_MS);
  return Math.max(backoffDelay(state.failures, opts), honoured);
}
