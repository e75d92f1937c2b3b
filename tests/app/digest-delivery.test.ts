import { describe, expect, it } from 'vitest';
import {
  fakePublisher, ingest, manager, permanent, tempDbPath, testClock, testDigests, transient, headlines, useStores,
} from './digest-harness.ts';

const store = useStores();


describe('digest delivery: exactly once, failures and restarts', () => {
  it('GIVEN the process dies in the middle of a fan-out THEN a restarted process delivers the rest, with no duplicate and no loss', async () => {
    const path = tempDbPath();
    const s1 = await store(path);
    const clock = testClock('2026-11-29T12:00:00Z');
    let calls = 0;
    const dying = fakePublisher('slack', () => (++calls <= 4 ? 'ok' : 'hang'), 'dying');
    const a = testDigests(s1, clock, { concurrency: 3, instanceId: 'A' });
    a.registerPublisher(dying);
    const channels = Array.from({ length: 10 }, (_, i) => `C${i}`);
    for (const c of channels) await a.commands.run('subscribe', { time: '08:00' }, manager('slack', c));
    await ingest(s1, 'Morning story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    void a.runDue(); // never finishes: the process "dies" with publishes in flight
    while (dying.calls.length < 7) await new Promise((r) => setImmediate(r));

    const states = await Promise.all(channels.map(async (c) => {
      const sub = (await s1.digests.getSubscription('slack', c))!;
      return (await s1.digests.getDelivery(sub.id, '2026-11-30T08:00:00.000Z'))?.status;
    }));
    // 4 posted; 3 publishes in flight when it died; 3 claimed but not yet started
    expect(states.filter((x) => x === 'sent')).toHaveLength(4);
    expect(states.filter((x) => x === 'sending')).toHaveLength(3);
    expect(states.filter((x) => x === 'claimed')).toHaveLength(3);

    const s2 = await store(path); // the restarted process: a new connection, a new instance
    const fresh = fakePublisher('slack', () => 'ok', 'restarted');
    const b = testDigests(s2, clock, { instanceId: 'B' });
    b.registerPublisher(fresh);
    await b.start(); // within the lease: the claims may still be live, so nothing is taken over
    expect(fresh.posts).toHaveLength(0);
    clock.advance(6 * 60_000); // past the 5-minute lease
    await b.start();
    await b.runDue();
    const perChannel = channels.map((c) => dying.postsTo(c).length + fresh.postsTo(c).length);
    // at most once: the 3 slots whose publish was in flight are not re-sent (the platform may have
    // posted them); the 3 never started are delivered late; nothing is posted twice
    expect(perChannel.filter((n) => n > 1)).toEqual([]);
    expect(dying.posts).toHaveLength(4);
    expect(fresh.posts).toHaveLength(3);
    expect(fresh.posts.every((p) => p.message.footer?.startsWith('Late digest'))).toBe(true);
    const unconfirmed = channels.filter((c) => perChannel[channels.indexOf(c)] === 0);
    expect(unconfirmed).toHaveLength(3);
    // ...and no story is lost: the next digest of those channels carries it
    clock.set('2026-12-01T08:00:00Z');
    await b.runDue();
    for (const c of unconfirmed) expect(fresh.postsTo(c).map(headlines)).toEqual([['Morning story']]);
    for (const c of channels.filter((x) => !unconfirmed.includes(x))) expect(fresh.postsTo(c).length + dying.postsTo(c).length).toBe(1);
  });

  it('GIVEN resendUnconfirmed THEN a slot whose publish was in flight when the process died is re-sent', async () => {
    const path = tempDbPath();
    const s1 = await store(path);
    const clock = testClock('2026-11-29T12:00:00Z');
    const dying = fakePublisher('slack', () => 'hang');
    const a = testDigests(s1, clock, { instanceId: 'A' });
    a.registerPublisher(dying);
    await a.commands.run('subscribe', { time: '08:00' }, manager('slack', 'C1'));
    await ingest(s1, 'In-flight story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    void a.runDue();
    while (dying.calls.length < 1) await new Promise((r) => setImmediate(r));
    clock.set('2026-11-30T08:10:00Z');
    const pub = fakePublisher('slack');
    const b = testDigests((await store(path)), clock, { instanceId: 'B', policy: { resendUnconfirmed: true } });
    b.registerPublisher(pub);
    await b.start();
    await b.runDue();
    expect(pub.posts.map(headlines)).toEqual([['In-flight story']]);
  });

  it('GIVEN strict at-most-once and a process that died mid-request THEN that slot is not re-sent, and its stories come with the next digest', async () => {
    const path = tempDbPath();
    const s1 = await store(path);
    const clock = testClock('2026-11-29T12:00:00Z');
    const dying = fakePublisher('slack', () => 'hang');
    const a = testDigests(s1, clock, { instanceId: 'A' });
    a.registerPublisher(dying);
    await a.commands.run('subscribe', { time: '08:00' }, manager('slack', 'C1'));
    await ingest(s1, 'Unconfirmed story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    void a.runDue();
    while (dying.calls.length < 1) await new Promise((r) => setImmediate(r));

    clock.set('2026-11-30T08:10:00Z');
    const pub = fakePublisher('slack');
    const b = testDigests((await store(path)), clock, { instanceId: 'B' }); // the default: strictly at most once
    b.registerPublisher(pub);
    await b.start();
    expect(pub.posts).toEqual([]);
    clock.set('2026-12-01T08:00:00Z');
    await b.runDue();
    expect(pub.posts.map(headlines)).toEqual([['Unconfirmed story']]);
  });

  it('GIVEN a delivery abandoned by a dead process more than 24 hours ago THEN it is not sent late, and its stories go in the next digest', async () => {
    const path = tempDbPath();
    const s1 = await store(path);
    const clock = testClock('2026-11-29T12:00:00Z');
    const dying = fakePublisher('slack', () => 'hang');
    const a = testDigests(s1, clock, { instanceId: 'A' });
    a.registerPublisher(dying);
    await a.commands.run('subscribe', { time: '08:00' }, manager('slack', 'C1'));
    await ingest(s1, 'Stuck story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    void a.runDue();
    while (dying.calls.length < 1) await new Promise((r) => setImmediate(r));

    clock.set('2026-12-01T09:00:00Z'); // back 25 hours later, after the next slot too
    const pub = fakePublisher('slack');
    const b = testDigests((await store(path)), clock, { instanceId: 'B' });
    b.registerPublisher(pub);
    await b.start();
    expect(pub.posts.map((p) => [p.message.items.length, p.message.footer?.slice(0, 12)])).toEqual([[1, 'Late digest:']]);
    expect(pub.posts[0]?.message.items[0]).toMatchObject({ headline: 'Stuck story' });
    const status = await b.commands.run('status', {}, manager('slack', 'C1'));
    expect(status.sections?.[0]?.lines.join('\n')).toContain('Last error: abandoned');
  });

  it('GIVEN publishes outlasting their lease THEN the sweep does not take this process own slots over and post them twice', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    const release: Array<() => void> = [];
    const calls: string[] = [];
    const d = testDigests(s, clock, { concurrency: 4 });
    d.registerPublisher({
      platform: 'slack',
      async publish(channelId) {
        calls.push(channelId);
        await new Promise<void>((r) => release.push(r));
        return { messageId: `m-${channelId}-${calls.length}` };
      },
    });
    for (const c of ['C1', 'C2']) await d.commands.run('subscribe', {}, manager('slack', c));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    const first = d.runDue();
    while (release.length < 2) await new Promise((r) => setImmediate(r));
    clock.advance(10 * 60_000); // both publishes are slower than the lease
    const ticks = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); return 'pending'; };
    const sweep = await Promise.race([d.runDue(), ticks(20)]);
    for (const r of release.splice(0)) r();
    await first;
    expect(sweep).not.toBe('pending');
    expect(calls.sort()).toEqual(['C1', 'C2']);
  });

  it('GIVEN two bot processes on one database running the same slot THEN each channel gets that slot once', async () => {
    const path = tempDbPath();
    const [s1, s2] = [(await store(path)), (await store(path))];
    const clock = testClock('2026-11-29T12:00:00Z');
    const p1 = fakePublisher('slack', () => 'ok', 'one');
    const p2 = fakePublisher('slack', () => 'ok', 'two');
    const one = testDigests(s1, clock, { instanceId: 'one' });
    const two = testDigests(s2, clock, { instanceId: 'two' });
    one.registerPublisher(p1);
    two.registerPublisher(p2);
    const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
    for (const c of channels) await one.commands.run('subscribe', { time: '08:00' }, manager('slack', c));
    await ingest(s2, 'Shared story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    await Promise.all([one.runDue(), two.runDue(), one.runDue(), two.runDue()]);
    expect(channels.map((c) => p1.postsTo(c).length + p2.postsTo(c).length)).toEqual(channels.map(() => 1));
    expect(p1.posts.length).toBeGreaterThan(0);
  });

  it('GIVEN a slot missed while the bot was down THEN it is delivered once at start, marked late, and not again after another restart', async () => {
    const path = tempDbPath();
    const clock = testClock('2026-11-29T09:00:00Z');
    const firstStore = await store(path);
    const first = testDigests(firstStore, clock);
    await first.commands.run('subscribe', { time: '08:00', timezone: 'Europe/Paris' }, manager('discord', 'D1'));
    await first.stop();
    await ingest(firstStore, 'Story while down', '2026-11-30T05:00:00Z');

    const posts: string[] = [];
    for (const restartAt of ['2026-11-30T10:00:00Z', '2026-11-30T10:30:00Z']) {
      clock.set(restartAt);
      const pub = fakePublisher('discord');
      const d = testDigests((await store(path)), clock);
      d.registerPublisher(pub);
      await d.start();
      await d.stop();
      posts.push(...pub.posts.map((p) => `${p.message.footer ?? ''}`));
    }
    expect(posts).toEqual(['Late digest: due Mon 30 Nov, 08:00 (Europe/Paris), delivered after the bot restarted']);
  });

  it('GIVEN the bot was down for days THEN only the latest slot within 24 hours is delivered, with every story since the last digest', async () => {
    const path = tempDbPath();
    const clock = testClock('2026-11-25T09:00:00Z');
    const s = await store(path);
    const d0 = testDigests(s, clock);
    await d0.commands.run('subscribe', { time: '08:00' }, manager('slack', 'C1'));
    await ingest(s, 'Day one', '2026-11-26T05:00:00Z');
    await ingest(s, 'Day three', '2026-11-28T05:00:00Z');
    clock.set('2026-11-28T12:00:00Z');
    const pub = fakePublisher('slack');
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.start();
    expect(pub.posts.map(headlines)).toEqual([['Day three']]); // first digest: the 24 h before its slot
    expect(pub.posts[0]?.message.footer).toMatch(/^Late digest/);
  });

  it('GIVEN a permanent failure THEN the subscription is paused, status says why, later slots are skipped, and subscribing again resumes it', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    let broken = true;
    const pub = fakePublisher('discord', () => (broken ? permanent('Missing Access') : 'ok'));
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', { time: '08:00' }, manager('discord', 'D1'));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    const [r] = await d.runDue();
    expect(r?.result).toEqual({ status: 'failed', error: 'Missing Access', paused: true });
    expect(pub.calls).toHaveLength(1); // permanent: not retried
    const status = await d.commands.run('status', {}, manager('discord', 'D1', false));
    expect(status.notice?.text).toBe('Paused: Missing Access');
    expect(status.sections?.[0]?.lines.join('\n')).toContain('Last error: permanent: Missing Access');

    clock.set('2026-12-01T08:00:00Z');
    expect(await d.runDue()).toEqual([]);
    broken = false;
    const again = await d.commands.run('subscribe', { time: '08:00' }, manager('discord', 'D1'));
    expect(again.notice?.text).toMatch(/^Digest updated and resumed/);
    clock.set('2026-12-02T08:00:00Z');
    await d.runDue();
    expect(pub.posts.map(headlines)).toEqual([['Story']]); // the story was not lost while paused
  });

  it('GIVEN the database is locked when a slot is claimed THEN it is logged and the next sweep delivers the slot', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    const pub = fakePublisher('slack');
    const realClaim = s.digests.claimDelivery.bind(s.digests);
    let locked = true;
    s.digests.claimDelivery = (c) => {
      if (locked) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return realClaim(c);
    };
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', {}, manager('slack', 'C1'));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    expect((await d.runDue()).map((r) => r.result)).toEqual([{ status: 'failed', error: 'database is locked', paused: false }]);
    locked = false;
    clock.set('2026-11-30T08:01:00Z');
    expect((await d.runDue()).map((r) => r.result.status)).toEqual(['sent']);
    expect(pub.posts).toHaveLength(1);
  });

  it('GIVEN a 429 with retry-after THEN the digest is retried after that delay and delivered once', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    const pub = fakePublisher('slack', (_c, n) => (n === 1 ? transient('ratelimited (429)', 1500) : 'ok'));
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', {}, manager('slack', 'C1'));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    const [r] = await d.runDue();
    expect(r?.result.status).toBe('sent');
    expect(d.sleeps).toEqual([1500]);
    expect(pub.calls).toHaveLength(2);
    expect(pub.posts).toHaveLength(1);
    expect((await s.digests.getDelivery(r!.subscriptionId, r!.slot))).toMatchObject({ status: 'sent', attempts: 2, messageId: pub.posts[0]?.messageId });
  });

  it('GIVEN a channel failing transiently every time THEN it gives up after bounded attempts with backoff, records the error, and stays subscribed', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    const pub = fakePublisher('slack', () => transient('HTTP 503'));
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', {}, manager('slack', 'C1'));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    const [r] = await d.runDue();
    expect(r?.result).toEqual({ status: 'failed', error: 'gave up after 5 attempts: HTTP 503', paused: false });
    expect(d.sleeps).toEqual([1000, 2000, 4000, 8000]);
    const status = await d.commands.run('status', {}, manager('slack', 'C1'));
    expect(status.sections?.[0]?.lines.join('\n')).toContain('Last error: gave up after 5 attempts: HTTP 503');
    expect(status.sections?.[0]?.lines.join('\n')).toContain('Next run: Tue 1 Dec, 08:00 (UTC)');
  });

  it('GIVEN one channel backing off THEN other channels are delivered meanwhile, even with a concurrency of 1', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    const pub = fakePublisher('slack', (c, n) => (c === 'SLOW' && n === 1 ? transient('HTTP 502') : 'ok'));
    let wake: () => void = () => undefined;
    const d = testDigests(s, clock, { concurrency: 1, sleep: () => new Promise<void>((r) => { wake = r; }) });
    d.registerPublisher(pub);
    for (const c of ['SLOW', 'A', 'B']) await d.commands.run('subscribe', {}, manager('slack', c));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    const run = d.runDue();
    while (pub.posts.length < 2) await new Promise((r) => setImmediate(r));
    expect(pub.posts.map((p) => p.channelId).sort()).toEqual(['A', 'B']); // SLOW is still waiting
    wake();
    await run;
    expect(pub.posts.map((p) => p.channelId).sort()).toEqual(['A', 'B', 'SLOW']);
  });

  it('GIVEN 1,000 channels due at 08:00 THEN all are delivered once, concurrently within the bound', async () => {
    const s = await store();
    const clock = testClock('2026-11-29T12:00:00Z');
    let inFlight = 0;
    let peak = 0;
    const posted: string[] = [];
    const d = testDigests(s, clock, { concurrency: 25 });
    d.registerPublisher({
      platform: 'discord',
      async publish(channelId) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        posted.push(channelId);
        return { messageId: `m-${channelId}` };
      },
    });
    for (let i = 0; i < 1000; i++) await d.commands.run('subscribe', {}, manager('discord', `D${i}`));
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    await d.runDue();
    expect(new Set(posted).size).toBe(1000);
    expect(posted).toHaveLength(1000);
    expect(peak).toBe(25);
  });
});
