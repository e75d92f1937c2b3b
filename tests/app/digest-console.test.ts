import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsolePublisher } from '../../src/adapters/console/publisher.ts';
import { DeliveryError } from '../../src/app/ports.ts';
import type { Store } from '../../src/app/ports.ts';
import { ingest, manager, open, tempDbPath, testClock, testDigests } from './digest-harness.ts';

function sink(): Writable & { text(): string } {
  const chunks: string[] = [];
  const w = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } });
  return Object.assign(w, { text: () => chunks.join('') });
}

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('console publisher', () => {
  it('GIVEN a scheduled digest for a console subscription THEN it prints the rendered digest and records its message id', async () => {
    const s = await open(tempDbPath());
    stores.push(s);
    const out = sink();
    const clock = testClock('2026-11-29T12:00:00Z');
    const d = testDigests(s, clock);
    d.registerPublisher(createConsolePublisher({ out }));
    await d.commands.run('subscribe', { time: '08:00' }, manager('console', 'console'));
    await ingest(s, 'Talks resume in Geneva', '2026-11-30T06:00:00Z', { quote: 'We are ready to talk at any moment' });
    clock.set('2026-11-30T08:00:00Z');
    const [r] = await d.runDue();
    expect(r?.result).toMatchObject({ status: 'sent', messageId: 'console-1' });
    expect(out.text()).toContain('[digest for #console]');
    expect(out.text()).toContain('Talks resume in Geneva');
    expect(out.text()).toContain('We are ready to talk at any moment');
  });

  it('GIVEN a stream that cannot be written THEN publishing fails with a transient DeliveryError', async () => {
    const p = createConsolePublisher({ out: { write: () => { throw new Error('EPIPE'); } } });
    await expect(p.publish('console', { visibility: 'public', items: [] })).rejects.toBeInstanceOf(DeliveryError);
  });

  it('GIVEN preview THEN it returns the last 24 hours of stories for a topic without posting or recording anything', async () => {
    const s = await open(tempDbPath());
    stores.push(s);
    const clock = testClock('2026-11-30T12:00:00Z');
    const d = testDigests(s, clock);
    await ingest(s, 'Grain exports rise', '2026-11-30T06:00:00Z');
    await ingest(s, 'Chess final tonight', '2026-11-30T07:00:00Z');
    const m = await d.preview({ topic: 'grain' });
    expect(m.items.map((i) => (i.type === 'story' ? i.headline : ''))).toEqual(['Grain exports rise']);
    expect((await d.preview({ topic: 'volcano' })).notice?.text).toBe('No new stories about “volcano” in the last 24 hours.');
    expect((await s.digests.listSubscriptions())).toEqual([]);
  });
});
