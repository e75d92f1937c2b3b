// Subscribing again changes only the options given: a new timezone keeps the time and topic.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import type { OptionValue } from '../../src/app/invocation.ts';
import { manager, open, tempDbPath, testClock, testDigests } from './digest-harness.ts';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup() {
  const s = await open(tempDbPath());
  stores.push(s);
  const d = testDigests(s, testClock('2026-11-30T06:00:00Z'), { defaults: { time: '07:15', timezone: 'Europe/Berlin' } });
  return { s, d };
}

type Row = [string, string, string | null];

describe('/digest subscribe on a subscribed channel', () => {
  it.each<[string, Record<string, OptionValue>, Row, string]>([
    ['GIVEN only a timezone THEN the time and topic stay', { timezone: 'America/New_York' }, ['09:30', 'America/New_York', 'energy'], 'Digest updated: every day at 09:30 (America/New_York), about “energy”.'],
    ['GIVEN only a time THEN the timezone and topic stay', { time: '18:00' }, ['18:00', 'Asia/Tokyo', 'energy'], 'Digest updated: every day at 18:00 (Asia/Tokyo), about “energy”.'],
    ['GIVEN only a topic THEN the schedule stays', { topic: 'grain' }, ['09:30', 'Asia/Tokyo', 'grain'], 'Digest updated: every day at 09:30 (Asia/Tokyo), about “grain”.'],
    ['GIVEN topic:all THEN the topic is removed', { topic: 'all' }, ['09:30', 'Asia/Tokyo', null], 'Digest updated: every day at 09:30 (Asia/Tokyo).'],
    ['GIVEN nothing THEN everything stays', {}, ['09:30', 'Asia/Tokyo', 'energy'], 'Digest updated: every day at 09:30 (Asia/Tokyo), about “energy”.'],
  ])('%s', async (_name, options, row, said) => {
    const { s, d } = await setup();
    await d.commands.run('subscribe', { time: '09:30', timezone: 'Asia/Tokyo', topic: 'energy' }, manager('slack', 'C1'));
    const reply = await d.commands.run('subscribe', options, manager('slack', 'C1'));
    expect(reply.notice?.text).toBe(said);
    expect((await s.digests.listSubscriptions()).map((x): Row => [x.timeInput, x.timezone, x.topic])).toEqual([row]);
  });

  it('GIVEN a cron schedule and a new timezone THEN the cron schedule stays', async () => {
    const { s, d } = await setup();
    await d.commands.run('subscribe', { time: '0 9 * * 1-5' }, manager('discord', 'D1'));
    await d.commands.run('subscribe', { timezone: 'UTC' }, manager('discord', 'D1'));
    expect((await s.digests.getSubscription('discord', 'D1'))).toMatchObject({ schedule: '0 9 * * 1-5', timezone: 'UTC', topic: null });
  });

  it('GIVEN a channel with no digest THEN the configured defaults still apply', async () => {
    const { s, d } = await setup();
    await d.commands.run('subscribe', { topic: 'all' }, manager('discord', 'D2'));
    expect((await s.digests.getSubscription('discord', 'D2'))).toMatchObject({ timeInput: '07:15', timezone: 'Europe/Berlin', topic: null });
  });
});
