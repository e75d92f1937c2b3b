// Exactly once across real OS processes: bot processes (tests/fixtures/digest/run-due.ts under
// `node --import tsx`) share one SQLite file and run the same due slot. Their publisher appends
// each post to a shared file: that file is what the platform received.
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/app/ports.ts';
import type { PostLine } from '../fixtures/digest/run-due.ts';
import { ingest, manager, open, tempDbPath, testClock, testDigests } from './digest-harness.ts';
import { channelIds, postsPerChannel as postsOf, readPosts, runTogether, useBots } from './process-bots.ts';

const SLOT = '2026-11-30T08:00:00.000Z';
const AFTER_LEASE = '2026-11-30T08:06:00.000Z'; // the default lease is 5 minutes
const WITHIN_LEASE = '2026-11-30T08:01:00.000Z';
const NEXT_SLOT = '2026-12-01T08:00:00.000Z';
const CHANNELS = channelIds(50);

const startBot = useBots();

/** A database with the channels subscribed at 08:00 UTC and one story ingested at 07:00. */
async function setUp(channels = CHANNELS): Promise<{ db: string; postsFile: string }> {
  const db = tempDbPath();
  const store = await open(db);
  const d = testDigests(store, testClock('2026-11-29T12:00:00Z'));
  for (const c of channels) await d.commands.run('subscribe', { time: '08:00' }, manager('slack', c));
  await ingest(store, 'Shared story', '2026-11-30T07:00:00Z');
  await store.close();
  return { db, postsFile: join(dirname(db), 'posts.jsonl') };
}

const postsPerChannel = (posts: PostLine[], channels = CHANNELS): number[] => postsOf(posts, channels);

/** The SLOT delivery of every channel, as the database has it now. */
async function deliveries(db: string, channels = CHANNELS): Promise<Map<string, Delivery | null>> {
  const store = await open(db);
  try {
    const rows: Array<[string, Delivery | null]> = [];
    for (const c of channels) rows.push([c, await store.digests.getDelivery((await store.digests.getSubscription('slack', c))!.id, SLOT)]);
    return new Map(rows);
  } finally {
    await store.close();
  }
}

/** What /digest status shows in a channel, read from the shared database. */
async function statusOf(db: string, channelId: string): Promise<string> {
  const store = await open(db);
  try {
    const m = await testDigests(store, testClock(AFTER_LEASE)).commands.run('status', {}, manager('slack', channelId));
    return (m.sections ?? []).flatMap((s) => s.lines).join('\n');
  } finally {
    await store.close();
  }
}

const channelsWith = (rows: Map<string, Delivery | null>, statuses: string[]) =>
  [...rows].filter(([, d]) => d !== null && statuses.includes(d.status)).map(([c]) => c);

/** After everything: each row sent, with the message id of a post the platform received for it. */
async function expectAllSentAsPosted(db: string, posts: PostLine[], channels = CHANNELS): Promise<void> {
  const rows = await deliveries(db, channels);
  for (const c of channels) {
    const row = rows.get(c);
    expect(row?.status, `${c} ${JSON.stringify(row)}`).toBe('sent');
    expect(posts.filter((p) => p.channelId === c).map((p) => p.messageId), c).toContain(row?.messageId);
  }
}

describe('GIVEN bot processes sharing one SQLite file', () => {
  it.each([{ n: 50 }, { n: 200 }])('WHEN two processes run the same due slot of $n subscriptions at the same time THEN every channel gets it exactly once, none lost', async ({ n }) => {
    const channels = channelIds(n);
    const { db, postsFile } = await setUp(channels);
    const [one, two] = await runTogether(
      ['one', 'two'].map((instanceId) => startBot({ db, postsFile, instanceId, now: SLOT, concurrency: 8, answerDelayMs: 1 })),
    );
    const posts = readPosts(postsFile);
    expect(postsPerChannel(posts, channels)).toEqual(channels.map(() => 1));
    expect(posts.every((p) => p.headlines.join() === 'Shared story' && p.footer === null)).toBe(true);
    // what each process says it sent is exactly what the platform got from it
    for (const [id, done] of [['one', one], ['two', two]] as const) {
      const sent = done!.results.filter((r) => r.status === 'sent').map((r) => r.channelId).sort();
      expect(sent, id).toEqual(posts.filter((p) => p.instanceId === id).map((p) => p.channelId).sort());
      expect(done!.results.filter((r) => !['sent', 'skipped'].includes(r.status)), id).toEqual([]); // no 'database is locked'
    }
    await expectAllSentAsPosted(db, posts, channels);
  });

  it('WHEN a process is SIGKILLed mid fan-out with publishes in flight THEN a restart within the lease waits, one after it delivers the unstarted slots once, and the unconfirmed ones carry their stories to the next digest', async () => {
    const { db, postsFile } = await setUp();
    const dying = startBot({ db, postsFile, instanceId: 'dying', now: SLOT, concurrency: 4, hangAfter: 12 });
    await dying.waitFor('ready');
    dying.child.send('go');
    expect(await dying.waitFor('stuck')).toEqual({ type: 'stuck', posted: 12 });
    dying.child.kill('SIGKILL');
    expect(await dying.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const atKill = await deliveries(db);
    const confirmed = channelsWith(atKill, ['sent']);
    const unconfirmed = channelsWith(atKill, ['sending']);
    const unstarted = channelsWith(atKill, ['claimed']);
    expect([confirmed.length, unconfirmed.length, unstarted.length]).toEqual([12, 4, 34]); // 4 publishes were in flight
    expect(readPosts(postsFile).map((p) => p.channelId).sort()).toEqual(confirmed);

    // a new process a minute later: the dead one's claims still hold their lease, nothing is posted
    await runTogether([startBot({ db, postsFile, instanceId: 'early', now: WITHIN_LEASE, entry: 'start' })]);
    expect(readPosts(postsFile)).toHaveLength(12);

    // past the lease: the unstarted slots are delivered once, marked late; the ones whose
    // request was in flight may have been posted, so by default they are not sent again
    await runTogether([startBot({ db, postsFile, instanceId: 'restarted', now: AFTER_LEASE, entry: 'start' })]);
    const posts = readPosts(postsFile);
    const late = posts.filter((p) => p.instanceId === 'restarted');
    expect(late.map((p) => p.channelId).sort()).toEqual(unstarted);
    expect(late.every((p) => p.headlines.join() === 'Shared story' && p.footer?.startsWith('Late digest'))).toBe(true);
    expect(postsPerChannel(posts)).toEqual(CHANNELS.map((c) => (unconfirmed.includes(c) ? 0 : 1)));
    const rows = await deliveries(db);
    for (const c of unconfirmed) expect(rows.get(c), c).toMatchObject({ status: 'failed', error: expect.stringMatching(/^outcome unknown/) });
    expect(await statusOf(db, unconfirmed[0]!)).toMatch(/Last error: outcome unknown/);

    // the next day's digest brings their story; the other channels have nothing new
    await runTogether([startBot({ db, postsFile, instanceId: 'next-day', now: NEXT_SLOT })]);
    const nextDay = readPosts(postsFile).filter((p) => p.instanceId === 'next-day');
    expect(nextDay.map((p) => [p.channelId, p.headlines.join()]).sort()).toEqual(unconfirmed.map((c) => [c, 'Shared story']));
    expect(postsPerChannel(readPosts(postsFile))).toEqual(CHANNELS.map(() => 1)); // every channel got the story once
  });

  it('WHEN a process is SIGKILLed at an arbitrary moment of a fan-out THEN no slot is posted twice, none is silently dropped, and unconfirmed ones carry their stories over', async () => {
    const { db, postsFile } = await setUp();
    // each answer takes 20 ms to come back: posts the platform took but the process never confirmed
    const dying = startBot({ db, postsFile, instanceId: 'dying', now: SLOT, concurrency: 4, answerDelayMs: 20 });
    await dying.waitFor('ready');
    dying.child.send('go');
    await dying.waitFor('posted', (m) => m.count >= 10);
    dying.child.kill('SIGKILL');
    expect((await dying.exited).signal).toBe('SIGKILL');

    const atKill = await deliveries(db);
    const confirmed = channelsWith(atKill, ['sent']);
    const unconfirmed = channelsWith(atKill, ['sending']);
    expect(channelsWith(atKill, ['claimed', 'sending']).length).toBeGreaterThan(0); // it really died mid fan-out
    expect(confirmed.length).toBeGreaterThan(0);

    await runTogether([startBot({ db, postsFile, instanceId: 'restarted', now: AFTER_LEASE, entry: 'start' })]);
    const posts = readPosts(postsFile);
    const counts = postsPerChannel(posts);
    expect(counts.filter((n) => n > 1)).toEqual([]); // at most once per slot
    const rows = await deliveries(db);
    for (const [i, c] of CHANNELS.entries()) {
      if (unconfirmed.includes(c)) {
        expect(rows.get(c), c).toMatchObject({ status: 'failed', error: expect.stringMatching(/^outcome unknown/) });
        expect(posts.filter((p) => p.channelId === c).every((p) => p.instanceId === 'dying'), c).toBe(true);
      } else {
        expect(counts[i], c).toBe(1);
        expect(rows.get(c)?.messageId, c).toBe(posts.find((p) => p.channelId === c)?.messageId);
      }
    }
    await runTogether([startBot({ db, postsFile, instanceId: 'next-day', now: NEXT_SLOT })]);
    const nextDay = readPosts(postsFile).filter((p) => p.instanceId === 'next-day');
    expect(nextDay.map((p) => [p.channelId, p.headlines.join()]).sort()).toEqual(unconfirmed.map((c) => [c, 'Shared story']));
  });

  it('WHEN re-sending unconfirmed slots is configured and a process is SIGKILLed mid fan-out THEN no confirmed slot is posted again, none is lost, and only unconfirmed ones may repeat', async () => {
    const { db, postsFile } = await setUp();
    const dying = startBot({ db, postsFile, instanceId: 'dying', now: SLOT, concurrency: 4, answerDelayMs: 20 });
    await dying.waitFor('ready');
    dying.child.send('go');
    await dying.waitFor('posted', (m) => m.count >= 10);
    dying.child.kill('SIGKILL');
    await dying.exited;
    const atKill = await deliveries(db);
    const confirmed = channelsWith(atKill, ['sent']);
    const unconfirmed = channelsWith(atKill, ['sending']);
    expect(unconfirmed.length).toBeGreaterThan(0);

    await runTogether([startBot({ db, postsFile, instanceId: 'restarted', now: AFTER_LEASE, entry: 'start', resendUnconfirmed: true })]);
    const posts = readPosts(postsFile);
    const counts = new Map(CHANNELS.map((c, i) => [c, postsPerChannel(posts)[i]!]));
    expect(confirmed.map((c) => counts.get(c))).toEqual(confirmed.map(() => 1)); // no duplicate of a confirmed slot
    expect(CHANNELS.filter((c) => counts.get(c)! < 1)).toEqual([]); // none lost
    expect(CHANNELS.filter((c) => counts.get(c)! > 1 && !unconfirmed.includes(c))).toEqual([]); // only the documented window repeats
    expect(CHANNELS.filter((c) => counts.get(c)! > 2)).toEqual([]);
    await expectAllSentAsPosted(db, posts);
  });
});
