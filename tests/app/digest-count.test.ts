// A digest says how many stories arrived, however many it fetched to pick the best ones from.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { WINDOW_FETCH_LIMIT } from '../../src/app/digest-delivery.ts';
import { fakePublisher, ingest, manager, open, tempDbPath, testClock, testDigests } from './digest-harness.ts';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const ARRIVED = WINDOW_FETCH_LIMIT + 25;

async function busyDay(): Promise<Store> {
  const s = await open(tempDbPath());
  stores.push(s);
  for (let i = 0; i < ARRIVED; i++) {
    const at = new Date(Date.parse('2026-11-30T00:00:00Z') + i * 60_000).toISOString();
    await ingest(s, `Harbour report number ${i + 1}`, at, { body: `Ferry traffic count ${i + 1} was published by the harbour office.` });
  }
  return s;
}

describe('digest counts above the fetch limit', () => {
  it(`GIVEN ${ARRIVED} stories in the last 24 hours WHEN previewing THEN it says ${ARRIVED} new stories, lists 10 and counts the rest`, async () => {
    const s = await busyDay();
    expect(await s.countStories({ ingestedAfter: '2026-11-29T12:00:00Z', ingestedUntil: '2026-11-30T12:00:00Z' })).toBe(ARRIVED);
    const m = await testDigests(s, testClock('2026-11-30T12:00:00Z')).preview();
    expect(m.intro).toMatch(new RegExp(`^${ARRIVED} new stories since `));
    expect(m.items).toHaveLength(10);
    expect(m.more).toBe(ARRIVED - 10);
  });

  it(`GIVEN ${ARRIVED} stories since the last digest WHEN the scheduled digest is posted THEN it says ${ARRIVED} and records that count`, async () => {
    const s = await busyDay();
    const clock = testClock('2026-11-29T12:00:00Z');
    const d = testDigests(s, clock);
    const pub = fakePublisher('console');
    d.registerPublisher(pub);
    await d.commands.run('subscribe', { time: '08:00' }, manager('console', 'console'));
    clock.set('2026-11-30T08:00:00Z');
    const [r] = await d.runDue();
    expect(r?.result).toMatchObject({ status: 'sent', storyCount: ARRIVED });
    expect(pub.posts[0]?.message.intro).toMatch(new RegExp(`^${ARRIVED} new stories since `));
  });

  it('GIVEN a topic with no searchable words THEN the count is 0, like the list', async () => {
    const s = await busyDay();
    expect(await s.countStories({ topic: '"" ***' })).toBe(0);
    expect(await s.countStories({ topic: 'harbour' })).toBe(ARRIVED);
  });
});
