import fc from 'fast-check';
import { createTask } from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../src/scheduler/node-cron-scheduler.ts';
import { localParts, nextRun, runsBetween } from '../src/scheduler/next-run.ts';
import type { Store } from '../src/app/ports.ts';
import { manager, open, permanent, fakePublisher, ingest, tempDbPath, testClock, testDigests, testLogger } from './app/digest-harness.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('next run: cron expression + timezone + instant -> the next slot', () => {
  it.each([
    ['08:00 London, the day before the clocks go forward', '0 8 * * *', 'Europe/London', '2026-03-28T07:59:59Z', '2026-03-28T08:00:00.000Z'],
    ['08:00 London, the day the clocks go forward', '0 8 * * *', 'Europe/London', '2026-03-28T08:00:00Z', '2026-03-29T07:00:00.000Z'],
    ['08:00 London, the day the clocks go back', '0 8 * * *', 'Europe/London', '2026-10-24T12:00:00Z', '2026-10-25T08:00:00.000Z'],
    ['01:30 London does not exist on 29 March: runs at the change (02:00 BST)', '30 1 * * *', 'Europe/London', '2026-03-28T12:00:00Z', '2026-03-29T01:00:00.000Z'],
    ['01:30 London happens twice on 25 October: runs at the first', '30 1 * * *', 'Europe/London', '2026-10-24T12:00:00Z', '2026-10-25T00:30:00.000Z'],
    ['... and not again at the second', '30 1 * * *', 'Europe/London', '2026-10-25T00:30:00Z', '2026-10-26T01:30:00.000Z'],
    ['weekdays 09:00 New York from a Friday afternoon', '0 9 * * 1-5', 'America/New_York', '2026-11-27T15:00:00Z', '2026-11-30T14:00:00.000Z'],
    ['last day of February 08:00 in Kolkata (+05:30)', '0 8 L 2 *', 'Asia/Kolkata', '2026-01-15T00:00:00Z', '2026-02-28T02:30:00.000Z'],
    ['08:00 in Auckland (+13 in summer) crosses the UTC date', '0 8 * * *', 'Pacific/Auckland', '2026-11-30T12:00:00Z', '2026-11-30T19:00:00.000Z'],
    ['6 fields with seconds', '30 15 6 * * *', 'UTC', '2026-11-30T06:15:30Z', '2026-12-01T06:15:30.000Z'],
  ])('GIVEN %s THEN the next run is %s', (_what, expr, tz, after, expected) => {
    expect(iso(nextRun(expr, tz, new Date(after)))).toBe(expected);
  });

  it('GIVEN hourly runs across both London changes THEN no hour runs twice and none is lost', () => {
    const back = runsBetween('0 * * * *', 'Europe/London', new Date('2026-10-24T22:30:00Z'), new Date('2026-10-25T03:30:00Z'));
    // local 00:00, 01:00 (BST), [01:00 GMT again: skipped], 02:00, 03:00
    expect(back.map(iso)).toEqual(['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00.000Z']);
    const forward = runsBetween('0 * * * *', 'Europe/London', new Date('2026-03-28T23:30:00Z'), new Date('2026-03-29T02:30:00Z'));
    // local 01:00 does not exist: it runs at the change, which is also 02:00 BST (once)
    expect(forward.map(iso)).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
  });

  it('GIVEN random zones, times and instants THEN the next daily run is the first later instant showing that wall time (or the DST change for a skipped one)', () => {
    const zones = ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
        (tz, h, m, afterMs) => {
          const next = nextRun(`${m} ${h} * * *`, tz, new Date(afterMs));
          expect(next).not.toBeNull();
          const t = next!.getTime();
          expect(t).toBeGreaterThan(Math.floor(afterMs / 1000) * 1000);
          expect(t - afterMs).toBeLessThanOrEqual(26 * 3_600_000); // at most a day (plus a DST hour)
          const p = localParts(t, tz);
          const local = p.hour * 60 + p.minute;
          if (local !== h * 60 + m) {
            // only possible when that wall time was skipped by a change: we run right at the change,
            // whose local time is later than the wanted one and less than 2 hours after it
            const before = localParts(t - 1000, tz);
            expect(before.hour * 60 + before.minute).toBeLessThan(h * 60 + m);
            expect(local - (h * 60 + m)).toBeGreaterThan(0);
            expect(local - (h * 60 + m)).toBeLessThanOrEqual(120);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['0 8 * * *', 'Europe/London'],
    ['15 9 * * 1-5', 'America/New_York'],
    ['0 0 L * *', 'Asia/Tokyo'],
    ['30 6 1,15 * *', 'Australia/Sydney'],
    ['0 9 * * 1#2', 'Europe/Paris'],
  ])('GIVEN %s in %s THEN our next run agrees with node-cron own matcher', (expr, tz) => {
    const task = createTask(expr, () => undefined, { timezone: tz });
    try {
      const now = new Date();
      const ours = nextRun(expr, tz, now);
      expect(ours).not.toBeNull();
      expect(task.match(ours!)).toBe(true);
      expect(task.getNextRuns(1)[0]?.toISOString()).toBe(ours!.toISOString());
    } finally {
      void task.destroy();
    }
  });
});

describe('cron jobs', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it('GIVEN set, replace and remove THEN there is one node-cron job per key, in its own timezone', () => {
    const scheduler = createScheduler({ logger: testLogger() });
    try {
      const fire = async () => undefined;
      scheduler.set('a', { expression: '0 8 * * *', timezone: 'Europe/London' }, fire);
      scheduler.set('b', { expression: '0 8 * * *', timezone: 'America/New_York' }, fire);
      const london = scheduler.nextRunOf('a');
      expect(iso(london)).toBe(iso(nextRun('0 8 * * *', 'Europe/London', new Date())));
      scheduler.set('a', { expression: '30 9 * * *', timezone: 'Europe/London' }, fire);
      expect(iso(scheduler.nextRunOf('a'))).toBe(iso(nextRun('30 9 * * *', 'Europe/London', new Date())));
      scheduler.remove('b');
      expect([...scheduler.jobs()]).toEqual([['a', { expression: '30 9 * * *', timezone: 'Europe/London' }]]);
    } finally {
      scheduler.stopAll();
    }
    expect(scheduler.jobs().size).toBe(0);
  });

  it('GIVEN persisted subscriptions THEN start builds their jobs, and subscribe, unsubscribe and a pause update them without a restart', async () => {
    const path = tempDbPath();
    const s = await open(path);
    stores.push(s);
    const clock = testClock('2026-11-29T12:00:00Z');
    const before = testDigests(s, clock);
    await before.commands.run('subscribe', { time: '08:00', timezone: 'Europe/London' }, manager('discord', 'D1'));
    await before.commands.run('subscribe', { time: '07:00', timezone: 'Asia/Tokyo' }, manager('slack', 'C1'));

    const scheduler = createScheduler({ logger: testLogger() });
    const pub = fakePublisher('discord', () => permanent('Unknown Channel'));
    const d = testDigests(s, clock, { scheduler });
    d.registerPublisher(pub);
    const specs = () => [...scheduler.jobs().values()].map((j) => `${j.expression} ${j.timezone}`).sort();
    try {
      await d.start();
      expect(specs()).toEqual(['* * * * * UTC', '0 7 * * * Asia/Tokyo', '0 8 * * * Europe/London']);
      await d.commands.run('subscribe', { time: '"0 9 * * 1-5"', timezone: 'America/Chicago' }, manager('slack', 'C2'));
      await d.commands.run('unsubscribe', {}, manager('slack', 'C1'));
      expect(specs()).toEqual(['* * * * * UTC', '0 8 * * * Europe/London', '0 9 * * 1-5 America/Chicago']);
      await ingest(s, 'Story', '2026-11-30T07:00:00Z');
      clock.set('2026-11-30T08:00:00Z');
      await d.runDue(); // D1's channel is gone: paused, and its job removed
      expect(specs()).toEqual(['* * * * * UTC', '0 9 * * 1-5 America/Chicago']);
    } finally {
      await d.stop();
    }
    expect(scheduler.jobs().size).toBe(0);
  });
});

describe('interval jobs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GIVEN an interval job THEN it runs every period, never overlaps itself, and stops when removed', async () => {
    vi.useFakeTimers();
    const scheduler = createScheduler({ logger: testLogger() });
    let runs = 0;
    let finish: (() => void) | null = null;
    scheduler.every('feeds:poll', 1_000, () => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    expect([...scheduler.intervals()]).toEqual([['feeds:poll', 1_000]]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000); // the first run is still going: no second one stacks
    expect(runs).toBe(1);
    finish!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    finish!();
    scheduler.remove('feeds:poll');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
    expect(scheduler.intervals().size).toBe(0);
  });

  it('GIVEN a failing interval job THEN the failure is logged and the next period runs again', async () => {
    vi.useFakeTimers();
    const logger = testLogger();
    const scheduler = createScheduler({ logger });
    let runs = 0;
    scheduler.every('feeds:poll', 500, async () => {
      runs++;
      throw new Error('feed down');
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    expect(logger.entries.filter((e) => e.level === 'error').map((e) => e.obj.job)).toEqual(['feeds:poll', 'feeds:poll']);
    scheduler.stopAll();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
  });

  it('GIVEN the same period again THEN the job is kept; another period replaces it', async () => {
    vi.useFakeTimers();
    const scheduler = createScheduler({ logger: testLogger() });
    let a = 0;
    let b = 0;
    scheduler.every('x', 1_000, async () => void a++);
    await vi.advanceTimersByTimeAsync(600);
    scheduler.every('x', 1_000, async () => void b++); // unchanged period: the running job stays
    await vi.advanceTimersByTimeAsync(400);
    expect([a, b]).toEqual([1, 0]);
    scheduler.every('x', 200, async () => void b++);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(a).toBe(1);
    expect(b).toBe(5);
    scheduler.stopAll();
  });
});
