// Exactly once across real OS processes on one PostgreSQL database: two and three bot processes
// (tests/fixtures/digest/run-due.ts) run the same due slot of 200 subscriptions; one is SIGKILLed
// mid fan-out and a survivor takes its claims over. The posts file is what the platform received.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Delivery } from '../../src/app/ports.ts';
import { ingest, manager, open, testClock, testDigests } from './digest-harness.ts';
import { channelIds, postsPerChannel, readPosts, runTogether, useBots } from './process-bots.ts';
import { describePg, usePostgres } from '../helpers/postgres.ts';

const pg = usePostgres();
const startBot = useBots();
const SLOT = '2026-11-30T08:00:00.000Z';
const AFTER_LEASE = '2026-11-30T08:06:00.000Z'; // the default lease is 5 minutes
const CHANNELS = channelIds(200);
let round = 0;

/** A fresh set of the channels (own ids per test: one schema per file), subscribed at 08:00 UTC, one story at 07:00. */
async function setUp(): Promise<{ db: string; postsFile: string; channels: string[] }> {
  round += 1;
  const channels = CHANNELS.map((c) => `R${round}-${c}`);
  const db = pg.url();
  const store = await open(db);
  const d = testDigests(store, testClock('2026-11-29T12:00:00Z'));
  for (const c of channels) await d.commands.run('subscribe', { time: '08:00' }, manager('slack', c));
  if (round === 1) await ingest(store, 'Shared story', '2026-11-30T07:00:00Z');
  await store.close();
  return { db, postsFile: join(mkdtempSync(join(tmpdir(), 'nb-pg-posts-')), 'posts.jsonl'), channels };
}

async function deliveries(db: string, channels: string[]): Promise<Map<string, Delivery | null>> {
  const store = await open(db);
  try {
    const rows: Array<[string, Delivery | null]> = [];
    for (const c of channels) rows.push([c, await store.digests.getDelivery((await store.digests.getSubscription('slack', c))!.id, SLOT)]);
    return new Map(rows);
  } finally {
    await store.close();
  }
}

describePg('GIVEN bot processes sharing one PostgreSQL database', () => {
  it.each([{ n: 2 }, { n: 3 }])('WHEN $n processes run the same due slot of 200 subscriptions at once THEN every channel gets it exactly once', async ({ n }) => {
    const { db, postsFile, channels } = await setUp();
    const ids = ['one', 'two', 'three'].slice(0, n);
    const done = await runTogether(ids.map((instanceId) => startBot({ db, postsFile, instanceId, now: SLOT, concurrency: 8, answerDelayMs: 1 })));
    const posts = readPosts(postsFile);
    expect(postsPerChannel(posts, channels)).toEqual(channels.map(() => 1));
    expect(posts.every((p) => p.headlines.join() === 'Shared story')).toBe(true);
    for (const [i, id] of ids.entries()) {
      const sent = done[i]!.results.filter((r) => r.status === 'sent').map((r) => r.channelId).sort();
      expect(sent, id).toEqual(posts.filter((p) => p.instanceId === id).map((p) => p.channelId).sort());
      expect(done[i]!.results.filter((r) => !['sent', 'skipped'].includes(r.status)), id).toEqual([]);
    }
    const rows = await deliveries(db, channels);
    for (const c of channels) expect(posts.find((p) => p.channelId === c)?.messageId, c).toBe(rows.get(c)?.messageId);
  });

  it('WHEN a process is SIGKILLed mid fan-out THEN two survivors past the lease share its claims, and every slot is delivered exactly once in all', async () => {
    const { db, postsFile, channels } = await setUp();
    const dying = startBot({ db, postsFile, instanceId: 'dying', now: SLOT, concurrency: 4, hangAfter: 12 });
    await dying.waitFor('ready');
    dying.child.send('go');
    expect(await dying.waitFor('stuck')).toEqual({ type: 'stuck', posted: 12 });
    dying.child.kill('SIGKILL');
    expect((await dying.exited).signal).toBe('SIGKILL');

    const atKill = await deliveries(db, channels);
    const held = [...atKill].filter(([, d]) => d?.owner === 'dying' && d.status !== 'sent').map(([c]) => c);
    expect(held.length).toBe(188); // it died holding claims: 4 publishes in flight, the rest not started
    // its stuck publishes never reached the platform, so the survivors may re-send them (resendUnconfirmed)
    await runTogether(
      ['two', 'three'].map((instanceId) => startBot({ db, postsFile, instanceId, now: AFTER_LEASE, entry: 'start', concurrency: 4, answerDelayMs: 1, resendUnconfirmed: true })),
    );
    const posts = readPosts(postsFile);
    expect(postsPerChannel(posts, channels)).toEqual(channels.map(() => 1)); // 0 duplicates, 0 lost
    expect(posts.filter((p) => p.instanceId !== 'dying').map((p) => p.channelId).sort()).toEqual(held.sort());
    const rows = await deliveries(db, channels);
    expect([...rows.values()].filter((d) => d?.status !== 'sent')).toEqual([]);
  });

  it('WHEN two processes share a rate budget of 20 posts/s THEN together they stay within the platform limit of 25 posts in any second, each channel once', async () => {
    const { db, postsFile, channels } = await setUp();
    const sample = channels.slice(0, 90);
    // only the sample is due in this test: the rest are unsubscribed first
    const store = await open(db);
    for (const c of channels.slice(90)) await store.digests.deleteSubscription('slack', c);
    await store.close();
    // each process has its own half of the channels (even / odd), so both post all the time
    await runTogether(
      [['one', '[02468]$'], ['two', '[13579]$']].map(([instanceId, mine]) =>
        startBot({ db, postsFile, instanceId: instanceId!, now: SLOT, concurrency: 8, ratePerSecond: 20, channels: mine! })),
    );
    const posts = readPosts(postsFile);
    expect(postsPerChannel(posts, sample)).toEqual(sample.map(() => 1));
    expect(new Set(posts.map((p) => p.instanceId))).toEqual(new Set(['one', 'two'])); // both really posted
    const times = posts.map((p) => p.at).sort((a, b) => a - b);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(25);
  });
});
