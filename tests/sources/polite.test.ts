import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from '../../src/sources/polite/backoff.ts';
import { createHostGate, hostKey } from '../../src/sources/polite/host-gate.ts';
import { parseRetryAfter } from '../../src/sources/polite/retry-after.ts';

function fakeClock(start = 1_000_000) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => { sleeps.push(ms); t += ms; },
    advance: (ms: number) => { t += ms; },
    sleeps,
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('createHostGate', () => {
  it('GIVEN two requests to one host THEN the second starts only after the first ends, and after the gap', async () => {
    const clock = fakeClock();
    const gate = createHostGate({ minGapMs: 2000, ...clock });
    const log: string[] = [];
    const first = deferred();
    const a = gate.run('news.example', async () => { log.push(`a start ${clock.now()}`); await first.promise; log.push(`a end ${clock.now()}`); });
    const b = gate.run('news.example', async () => { log.push(`b start ${clock.now()}`); });
    await tick(); await tick();
    expect(log).toEqual(['a start 1000000']);
    expect(gate.queued('news.example')).toBe(2);
    clock.advance(500);
    first.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start 1000000', 'a end 1000500', 'b start 1002500']);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('GIVEN requests to two hosts THEN they run at the same time', async () => {
    const clock = fakeClock();
    const gate = createHostGate({ minGapMs: 2000, ...clock });
    const hold = deferred();
    const started: string[] = [];
    const a = gate.run('a.example', async () => { started.push('a'); await hold.promise; });
    const b = gate.run('b.example', async () => { started.push('b'); await hold.promise; });
    await tick(); await tick();
    expect(started).toEqual(['a', 'b']);
    hold.resolve();
    await Promise.all([a, b]);
  });

  it('GIVEN a deferral (Retry-After) THEN the next request to that host waits until then; a failing task does not block the queue', async () => {
    const clock = fakeClock();
    const gate = createHostGate({ minGapMs: 1000, ...clock });
    await expect(gate.run('h', async () => { throw new Error('429'); })).rejects.toThrow('429');
    gate.deferUntil('h', clock.now() + 120_000);
    gate.deferUntil('h', clock.now() + 5_000); // earlier: ignored
    let startedAt = 0;
    await gate.run('h', async () => { startedAt = clock.now(); });
    expect(startedAt).toBe(1_000_000 + 120_000);
  });

  it('GIVEN a first request to a host THEN it does not wait', async () => {
    const clock = fakeClock();
    await createHostGate({ minGapMs: 60_000, ...clock }).run('h', async () => undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([
    ['https://News.Example.org:8443/feed.xml', 'news.example.org'],
    ['http://news.example.org/a', 'news.example.org'],
    ['http://[::1]:80/', '[::1]'],
  ])('GIVEN %s THEN the host key is %s', (url, key) => {
    expect(hostKey(url)).toBe(key);
  });
});

describe('backoffDelay and retryDelay', () => {
  const o = { baseMs: 600_000, maxMs: 6 * 3600_000 };
  it.each([
    [0, 0.5, 0],
    [1, 0, 300_000], [1, 0.999999, 600_000],
    [2, 0, 600_000], [3, 0.5, 1_800_000],
    [10, 0, 10_800_000], [10, 1, 21_600_000], [1000, 0.5, 16_200_000],
  ])('GIVEN %i failures and random %d THEN %i ms', (failures, r, ms) => {
    expect(backoffDelay(failures, { ...o, random: () => r })).toBe(ms);
  });

  it('GIVEN the random source varies THEN the delays spread over [cap/2, cap] (jitter)', () => {
    const values = [0.1, 0.4, 0.9];
    let i = 0;
    const ds = values.map(() => backoffDelay(2, { ...o, random: () => values[i++]! }));
    expect(ds).toEqual([660_000, 840_000, 1_140_000]);
  });

  it.each([
    [{ failures: 1, retryAfterMs: 3_600_000 }, 3_600_000],
    [{ failures: 1, retryAfterMs: 1_000 }, 300_000],
    [{ failures: 1, retryAfterMs: 30 * 24 * 3600_000 }, 24 * 3600_000],
    [{ failures: 2, retryAfterMs: null }, 600_000],
  ])('GIVEN %o THEN retry in %i ms', (state, ms) => {
    expect(retryDelay(state, { ...o, random: () => 0 })).toBe(ms);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-04T12:00:00Z');
  it.each([
    ['120', 120_000], ['0', 0], ['Wed, 04 Mar 2026 12:05:00 GMT', 300_000], ['Wed, 04 Mar 2026 11:00:00 GMT', 0],
    ['', null], [null, null], ['soon', null], ['-5', null], ['1.5', null],
  ])('GIVEN %j THEN %j', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
