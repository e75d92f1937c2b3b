import { describe, expect, it } from 'vitest';
import type { SlotReport } from '../../src/app/digests.ts';
import {
  fakePublisher, ingest, manager, tempDbPath, testClock, testDigests, headlines, useStores,
} from './digest-harness.ts';

const store = useStores();

const sent = (r: SlotReport[]) => r.filter((x) => x.result.status === 'sent');

describe('digest delivery: scheduling, content and time zones', () => {
  it('GIVEN channels in London and New York at 08:00 local THEN each gets its digest at its own 08:00, with the stories of its window only', async () => {
    const s = await store();
    const clock = testClock('2026-11-30T00:00:00Z');
    const slack = fakePublisher('slack');
    const d = testDigests(s, clock);
    d.registerPublisher(slack);
    await d.commands.run('subscribe', { time: '08:00', timezone: 'Europe/London' }, manager('slack', 'C-LON'));
    await d.commands.run('subscribe', { time: '08:00', timezone: 'America/New_York' }, manager('slack', 'C-NYC'));
    await ingest(s, 'Too old for a first digest', '2026-11-29T07:00:00Z');
    await ingest(s, 'Overnight news', '2026-11-30T06:00:00Z');
    await ingest(s, 'Midday news', '2026-11-30T10:00:00Z');

    clock.set('2026-11-30T08:00:00Z'); // 08:00 in London (GMT), 03:00 in New York
    expect(sent(await d.runDue()).map((r) => r.channelId)).toEqual(['C-LON']);
    expect(slack.postsTo('C-LON').map(headlines)).toEqual([['Overnight news']]);

    clock.set('2026-11-30T13:00:00Z'); // 08:00 in New York (EST)
    expect(sent(await d.runDue()).map((r) => r.channelId)).toEqual(['C-NYC']);
    expect(slack.postsTo('C-NYC').map(headlines)).toEqual([['Midday news', 'Overnight news']]);
    expect(slack.postsTo('C-LON')).toHaveLength(1);
  });

  it('GIVEN 08:00 Europe/London around the last Sunday of March THEN the digest comes at 08:00 UTC before and 07:00 UTC after the change', async () => {
    const s = await store();
    const clock = testClock('2026-03-27T12:00:00Z');
    const pub = fakePublisher('discord');
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', { timezone: 'Europe/London' }, manager('discord', 'D1'));
    const slots: string[] = [];
    // walk the clock minute by minute through both mornings, as cron would wake us
    for (const day of ['2026-03-28', '2026-03-29']) {
      await ingest(s, `News of ${day}`, `${day}T05:00:00Z`);
      for (let t = Date.parse(`${day}T06:00:00Z`); t <= Date.parse(`${day}T09:00:00Z`); t += 60_000) {
        clock.set(new Date(t).toISOString());
        for (const r of sent(await d.runDue())) slots.push(r.slot);
      }
    }
    expect(slots).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
    expect(pub.posts.map(headlines)).toEqual([['News of 2026-03-28'], ['News of 2026-03-29']]);
    const status = await d.commands.run('status', {}, manager('discord', 'D1'));
    expect(status.sections?.[0]?.lines.join('\n')).toContain('Next run: Mon 30 Mar, 08:00 (Europe/London)');
  });

  it('GIVEN a story ingested by another process on the same database THEN the next digest includes it', async () => {
    const path = tempDbPath();
    const s = await store(path);
    const other = await store(path); // e.g. `newsbrief ingest` while the bot runs
    const clock = testClock('2026-11-29T09:00:00Z');
    const pub = fakePublisher('slack');
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', { time: '08:00' }, manager('slack', 'C1'));
    await ingest(other, 'Ingested elsewhere', '2026-11-29T20:00:00Z');
    clock.set('2026-11-30T08:00:00Z');
    await d.runDue();
    expect(pub.posts.map(headlines)).toEqual([['Ingested elsewhere']]);
  });

  it('GIVEN consecutive digests THEN each covers only stories since the last delivered one, and nothing new means no post', async () => {
    const s = await store();
    const clock = testClock('2026-11-28T09:00:00Z');
    const pub = fakePublisher('slack');
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', { time: '08:00', topic: 'ukraine' }, manager('slack', 'C1'));
    await ingest(s, 'Ukraine talks resume', '2026-11-29T06:00:00Z');
    await ingest(s, 'Markets rally', '2026-11-29T06:30:00Z');
    clock.set('2026-11-29T08:00:00Z');
    await d.runDue();
    clock.set('2026-11-30T08:00:00Z'); // nothing new about ukraine
    const second = await d.runDue();
    expect(second.map((r) => r.result.status)).toEqual(['empty']);
    await ingest(s, 'Ukraine grain deal', '2026-11-30T12:00:00Z');
    clock.set('2026-12-01T08:00:00Z');
    await d.runDue();
    expect(pub.posts.map(headlines)).toEqual([['Ukraine talks resume'], ['Ukraine grain deal']]);
    const status = await d.commands.run('status', {}, manager('slack', 'C1', false));
    expect(status.sections?.[0]?.lines.join('\n')).toContain('Topic: ukraine');
    expect(status.sections?.[0]?.lines.join('\n')).toMatch(/Last delivery: Tue 1 Dec, 08:00 \(UTC\), 1 story/);
  });

  it('GIVEN /digest now THEN it posts through the platform publisher and the next scheduled digest does not repeat it', async () => {
    const s = await store();
    const clock = testClock('2026-11-30T07:00:00Z');
    const pub = fakePublisher('discord');
    const d = testDigests(s, clock);
    d.registerPublisher(pub);
    await d.commands.run('subscribe', {}, manager('discord', 'D1'));
    await ingest(s, 'Early story', '2026-11-30T06:00:00Z');
    const reply = await d.commands.run('now', {}, manager('discord', 'D1'));
    expect(reply.notice?.text).toBe('Digest posted: 1 story.');
    await ingest(s, 'Later story', '2026-11-30T07:30:00Z');
    clock.set('2026-11-30T08:00:00Z');
    await d.runDue();
    expect(pub.posts.map(headlines)).toEqual([['Early story'], ['Later story']]);
  });
});
