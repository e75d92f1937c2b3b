// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date -> a delay in ms from `nowMs`.
// Pure: the clock is passed in. An unreadable value is null (the caller's own backoff applies);
// a date in the past is 0.

export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null; // "-5", "1.5": not a delay-seconds, not a date
  const at = Date.parse(v);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - nowMs);
}
