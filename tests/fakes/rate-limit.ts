// Rate limits the loopback fakes can enforce, as token buckets: `burst` requests at once, then
// `ratePerSecond` sustained. Time comes from an injectable clock (ms), so tests need no sleeps.

export interface BucketSpec {
  ratePerSecond: number;
  burst: number;
}

export type MsClock = () => number;

export interface Buckets {
  readonly spec: BucketSpec;
  /** Milliseconds until `key` has a token again (0 = it has one now). */
  waitMs(key: string): number;
  /** Spends one token of `key` (call only when waitMs(key) is 0). */
  take(key: string): void;
  /** Tokens left for `key` now, rounded down. */
  remaining(key: string): number;
  /** Seconds until `key` is full again. */
  resetAfter(key: string): number;
}

export function createBuckets(spec: BucketSpec, now: MsClock): Buckets {
  const state = new Map<string, { tokens: number; at: number }>();
  const refill = (key: string) => {
    const t = now();
    const s = state.get(key) ?? { tokens: spec.burst, at: t };
    s.tokens = Math.min(spec.burst, s.tokens + ((t - s.at) / 1000) * spec.ratePerSecond);
    s.at = t;
    state.set(key, s);
    return s;
  };
  return {
    spec,
    waitMs: (key) => {
      const s = refill(key);
      return s.tokens >= 1 ? 0 : Math.ceil(((1 - s.tokens) / spec.ratePerSecond) * 1000);
    },
    take: (key) => {
      refill(key).tokens -= 1;
    },
    remaining: (key) => Math.floor(refill(key).tokens),
    resetAfter: (key) => (spec.burst - refill(key).tokens) / spec.ratePerSecond,
  };
}

/**
 * Admits a request only when every bucket it counts against has a token; spends them all then.
 * Returns 0 when admitted, else the longest wait in ms (nothing is spent).
 */
export function admit(checks: Array<[Buckets, string]>): number {
  const wait = Math.max(0, ...checks.map(([b, key]) => b.waitMs(key)));
  if (wait === 0) for (const [b, key] of checks) b.take(key);
  return wait;
}
