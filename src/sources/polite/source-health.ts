// A source's health after each poll: when to poll it next, and whether it is failing. Pure (the
// clock and the random source are passed in), so the poller can keep it in the store as it is.
//
//   afterPoll(health, { ok: true }, o)                                  -> healthy, next poll in one interval
//   afterPoll(health, { ok: false, reason, message, retryAfterMs }, o)  -> one more failure; the next
//     poll waits max(interval, backoff with jitter, Retry-After); after FAILING_AFTER failures in a
//     row the source is failing (event 'now-failing'); the first success after that is 'recovered'.
// A failing source is polled less often, never dropped.
import type { FetchFailureReason } from '../fetch/fetch-resource.ts';
import { retryDelay } from './backoff.ts';

export const FAILING_AFTER = 3;

export interface SourceHealth {
  /** Failures in a row (0 after a success or a 304). */
  failures: number;
  failing: boolean;
  /** The last failure's plain words and code, kept after a recovery for the log. */
  lastError: string | null;
  lastReason: FetchFailureReason | 'parse' | null;
  /** Epoch ms. */
  nextPollAt: number;
}

export type PollResult =
  | { ok: true }
  | { ok: false; reason: FetchFailureReason | 'parse'; message: string; retryAfterMs: number | null };

export interface HealthOptions {
  now: number;
  intervalMs: number;
  /** Longest wait between two polls of a failing source (default 6 h). */
  maxBackoffMs?: number;
  random: () => number;
}

export function initialHealth(now: number): SourceHealth {
  return { failures: 0, failing: false, lastError: null, lastReason: null, nextPollAt: now };
}

export function afterPoll(prev: SourceHealth, result: PollResult, o: HealthOptions): { health: SourceHealth; event: 'recovered' | 'now-failing' | null } {
  if (result.ok) {
    return {
      health: { ...prev, failures: 0, failing: false, nextPollAt: o.now + o.intervalMs },
      event: prev.failing ? 'recovered' : null,
    };
  }
  const failures = prev.failures + 1;
  const failing = failures >= FAILING_AFTER;
  const wait = Math.max(o.intervalMs, retryDelay({ failures, retryAfterMs: result.retryAfterMs }, { baseMs: o.intervalMs, maxMs: Math.max(o.intervalMs, o.maxBackoffMs ?? 6 * 3600_000), random: o.random }));
  return {
    health: { failures, failing, lastError: result.message, lastReason: result.reason, nextPollAt: o.now + wait },
    event: failing && !prev.failing ? 'now-failing' : null,
  };
}
