import { afterEach, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/core/errors.ts';
import type { Store } from '../../src/app/ports.ts';
import { fakePublisher, ingest, manager, open, tempDbPath, testClock, testDigests } from './digest-harness.ts';

const stores: Store[] = [];
async function setup(now = '2026-11-30T06:00:00Z') {
  const s = await open(tempDbPath());
  stores.push(s);
  const clock = testClock(now);
  const d = testDigests(s, clock, { defaults: { time: '07:15', timezone: 'Europe/Berlin' } });
  return { s, clock, d };
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function errorOf(p: Promise<unknown>): Promise<BriefingError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('expected a BriefingError');
}

describe('/digest commands', () => {
  it.each([
    ['25:00', 'time', /not a time/, /time:08:00 timezone:Europe\/London/],
    ['8 o clock', 'time', /not a time/, /time:08:00/],
    ['0 8 * *', 'time', /not a time/, /0 9 \* \* 1-5/],
    ['0 99 * * *', 'time', /not a time/, /time:08:00/],
    ['* * * * *', 'time', /too often/, /0 9 \* \* 1-5/],
    ['Mars/Olympus', 'timezone', /not a timezone/, /Europe\/London/],
    ['+02:00', 'timezone', /not a timezone/, /Europe\/London/],
  ])('GIVEN %s as %s THEN a bad_option error explains it with an example', async (value, option, message, hint) => {
    const { d, s } = await setup();
    const e = await errorOf(d.commands.run('subscribe', { [option]: value }, manager('slack', 'C1')));
    expect(e.code).toBe('bad_option');
    expect(e.message).toMatch(message);
    expect(e.hint).toMatch(hint);
    expect((await s.digests.listSubscriptions())).toEqual([]);
  });

  it.each([
    [{}, '15 7 * * *', 'Europe/Berlin', null, 'every day at 07:15 (Europe/Berlin)'],
    [{ time: '8:05', timezone: 'asia/tokyo' }, '5 8 * * *', 'Asia/Tokyo', null, 'every day at 08:05 (Asia/Tokyo)'],
    [{ time: '"0 9 * * 1-5"', topic: '  grain   exports ' }, '0 9 * * 1-5', 'Europe/Berlin', 'grain exports', 'on the schedule “0 9 * * 1-5” (Europe/Berlin), about “grain exports”'],
    [{ time: '0 30 6 * * *', timezone: 'UTC' }, '0 30 6 * * *', 'UTC', null, 'on the schedule “0 30 6 * * *” (UTC)'],
  ])('GIVEN subscribe %o THEN it stores the schedule %s in %s and says when the next digest comes', async (options, schedule, timezone, topic, said) => {
    const { d, s } = await setup();
    const reply = await d.commands.run('subscribe', options, manager('discord', 'D1'));
    expect((await s.digests.getSubscription('discord', 'D1'))).toMatchObject({ schedule, timezone, topic });
    expect(reply.visibility).toBe('public');
    expect(reply.notice?.text).toBe(`Digest set up: ${said}.`);
    expect(reply.notice?.hint).toMatch(/^Next digest: \w{3} \d+ \w{3}, \d\d:\d\d \(/);
  });

  it('GIVEN a subscribed channel subscribing again THEN it updates the one subscription', async () => {
    const { d, s } = await setup();
    await d.commands.run('subscribe', { time: '08:00' }, manager('slack', 'C1'));
    const reply = await d.commands.run('subscribe', { time: '09:30', topic: 'energy' }, manager('slack', 'C1'));
    expect(reply.notice?.text).toMatch(/^Digest updated: every day at 09:30/);
    expect((await s.digests.listSubscriptions()).map((x) => [x.channelId, x.timeInput, x.topic])).toEqual([['C1', '09:30', 'energy']]);
  });

  it.each(['subscribe', 'unsubscribe', 'now'])('GIVEN a member without Manage Channels THEN %s is forbidden and changes nothing', async (sub) => {
    const { d, s } = await setup();
    await d.commands.run('subscribe', { time: '08:00' }, manager('discord', 'D1'));
    const e = await errorOf(d.commands.run(sub, { time: '09:00' }, manager('discord', 'D1', false)));
    expect(e.code).toBe('forbidden');
    expect((await s.digests.getSubscription('discord', 'D1'))?.timeInput).toBe('08:00');
  });

  it('GIVEN anyone THEN status is open and shows schedule, topic, next run in local time and no delivery yet', async () => {
    const { d } = await setup('2026-11-30T06:00:00Z');
    await d.commands.run('subscribe', { time: '08:00', timezone: 'Asia/Kolkata', topic: 'monsoon' }, manager('slack', 'C1'));
    const status = await d.commands.run('status', {}, manager('slack', 'C1', false));
    expect(status.visibility).toBe('ephemeral');
    expect(status.sections?.[0]?.lines).toEqual([
      'Schedule: every day at 08:00 (Asia/Kolkata)',
      'Topic: monsoon',
      'Next run: Tue 1 Dec, 08:00 (Asia/Kolkata)',
      'Last delivery: none yet',
    ]);
  });

  it('GIVEN a channel without a digest THEN status and unsubscribe say so with how to set one up', async () => {
    const { d } = await setup();
    for (const sub of ['status', 'unsubscribe']) {
      const reply = await d.commands.run(sub, {}, manager('slack', 'C9'));
      expect(reply.notice?.text).toBe('This channel has no digest.');
      expect(reply.notice?.hint).toMatch(/\/digest subscribe time:08:00/);
    }
  });

  it('GIVEN unsubscribe THEN no more digests are delivered there', async () => {
    const { d, s, clock } = await setup('2026-11-29T12:00:00Z');
    const pub = fakePublisher('slack');
    d.registerPublisher(pub);
    await d.commands.run('subscribe', { time: '08:00', timezone: 'UTC' }, manager('slack', 'C1'));
    const reply = await d.commands.run('unsubscribe', {}, manager('slack', 'C1'));
    expect(reply.notice?.text).toMatch(/^Digest stopped/);
    await ingest(s, 'Story', '2026-11-30T07:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    expect(await d.runDue()).toEqual([]);
    expect(pub.posts).toEqual([]);
  });

  it('GIVEN /digest now in a channel without a subscription THEN the reply is the digest of the last 24 hours', async () => {
    const { d, s } = await setup('2026-11-30T12:00:00Z');
    await ingest(s, 'Yesterday morning', '2026-11-29T06:00:00Z');
    await ingest(s, 'This morning', '2026-11-30T06:00:00Z', { quote: 'We will rebuild every bridge in the region' });
    const reply = await d.commands.run('now', {}, manager('console', 'console'));
    expect(reply.items.map((i) => (i.type === 'story' ? [i.headline, i.quote?.speaker] : null))).toEqual([['This morning', 'Ann Lee']]);
  });

  it('GIVEN an unknown subcommand THEN the error lists the real ones', async () => {
    const { d } = await setup();
    const e = await errorOf(d.commands.run('pause', {}, manager('slack', 'C1')));
    expect(e.code).toBe('unknown_command');
    expect(e.hint).toContain('/digest status');
  });
});
