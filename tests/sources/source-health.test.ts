import { describe, expect, it } from 'vitest';
import { afterPoll, initialHealth, type PollResult, type SourceHealth } from '../../src/sources/polite/source-health.ts';

const MIN = 60_000;
const o = { intervalMs: 10 * MIN, random: () => 0.5 };
const timeout: PollResult = { ok: false, reason: 'timeout', message: 'timed out after 15 s', retryAfterMs: null };

function run(results: PollResult[]): Array<{ health: SourceHealth; event: string | null; at: number }> {
  let now = 0;
  let health = initialHealth(now);
  return results.map((r) => {
    const out = afterPoll(health, r, { ...o, now });
    health = out.health;
    const at = now;
    now = health.nextPollAt;
    return { ...out, at };
  });
}

describe('afterPoll', () => {
  it('GIVEN successes THEN one interval apart and never failing', () => {
    const steps = run([{ ok: true }, { ok: true }]);
    expect(steps.map((s) => [s.health.nextPollAt - s.at, s.health.failing, s.event])).toEqual([[10 * MIN, false, null], [10 * MIN, false, null]]);
  });

  it('GIVEN failures in a row THEN the waits grow with jitter, failing after 3 with the reason, then recovered on success', () => {
    const steps = run([timeout, timeout, timeout, timeout, { ok: true }]);
    expect(steps.map((s) => s.health.nextPollAt - s.at)).toEqual([10 * MIN, 15 * MIN, 30 * MIN, 60 * MIN, 10 * MIN]);
    expect(steps.map((s) => s.event)).toEqual([null, null, 'now-failing', null, 'recovered']);
    expect(steps[2]!.health).toMatchObject({ failures: 3, failing: true, lastError: 'timed out after 15 s', lastReason: 'timeout' });
    expect(steps[4]!.health).toMatchObject({ failures: 0, failing: false, lastError: 'timed out after 15 s' });
  });

  it('GIVEN a 429 with a long Retry-After THEN the next poll waits for it', () => {
    const [s] = run([{ ok: false, reason: 'http-status', message: 'the server answered HTTP 429 Too Many Requests', retryAfterMs: 90 * MIN }]);
    expect(s!.health.nextPollAt).toBe(90 * MIN);
  });

  it('GIVEN many failures THEN the wait stops growing at the ceiling (6 h)', () => {
    const steps = run(Array.from({ length: 12 }, () => timeout));
    expect(steps.at(-1)!.health.nextPollAt - steps.at(-1)!.at).toBe(4.5 * 60 * MIN); // 6 h * (0.5 + 0.5 * 0.5)
  });
});
