// The contract of the sources part of the Store port (issue 12): the feeds the poller follows.
import { describe, expect, it } from 'vitest';
import type { SourcePollUpdate, Store } from '../../../src/app/ports.ts';
import { at } from './fixtures.ts';

const ok = (over: Partial<SourcePollUpdate> = {}): SourcePollUpdate => ({
  validators: { etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' },
  nextPollAt: at('2024-01-01T00:10:00Z'), failures: 0, failing: false, lastError: null, lastReason: null,
  polledAt: at('2024-01-01T00:00:00Z'), lastResult: '2 new', newStory: { at: at('2024-01-01T00:00:00Z'), headline: 'Ferry strike' },
  ...over,
});

export function describeSourceContract(store: () => Promise<Store>, reopen: (s: Store) => Promise<Store>): void {
  describe('sources', () => {
    it('GIVEN a source added twice THEN it is kept once, as first added, and due at once', async () => {
      const s = await store();
      const first = await s.sources.addSource({ url: 'https://a.test/feed', label: 'A', origin: 'chat', addedBy: 'discord:u1', addedAt: at('2024-01-01T00:00:00Z') });
      expect(first.added).toBe(true);
      expect(first.source).toMatchObject({ url: 'https://a.test/feed', label: 'A', origin: 'chat', addedBy: 'discord:u1', fullText: true, inConfig: false, failing: false, failures: 0, validators: { etag: null, lastModified: null } });
      const again = await s.sources.addSource({ url: 'https://a.test/feed', label: 'Other', origin: 'cli', addedBy: 'cli', addedAt: at('2024-01-02T00:00:00Z') });
      expect(again.added).toBe(false);
      expect(again.source.label).toBe('A');
      expect((await s.sources.dueSources(at('2024-01-01T00:00:00Z'), 10)).map((r) => r.url)).toEqual(['https://a.test/feed']);
      expect(await s.sources.dueSources(at('2023-12-31T00:00:00Z'), 10)).toEqual([]);
      expect((await (await reopen(s)).sources.listSources()).map((r) => r.url)).toEqual(['https://a.test/feed']);
    });

    it('GIVEN polls THEN validators, next poll, failures and the last new story are kept; a poll with nothing new keeps the last new story', async () => {
      const s = await store();
      await s.sources.addSource({ url: 'https://a.test/feed', label: null, origin: 'config', addedBy: 'config', addedAt: at('2024-01-01T00:00:00Z'), inConfig: true, fullText: false });
      await s.sources.recordPoll('https://a.test/feed', ok());
      await s.sources.recordPoll('https://a.test/feed', ok({ failures: 3, failing: true, lastError: 'the server answered HTTP 500', lastReason: 'http-status', lastResult: 'failed', newStory: null, nextPollAt: at('2024-01-01T01:00:00Z') }));
      const row = (await s.sources.getSource('https://a.test/feed'))!;
      expect(row).toMatchObject({
        fullText: false, inConfig: true, failures: 3, failing: true, lastError: 'the server answered HTTP 500', lastReason: 'http-status',
        validators: { etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' }, lastResult: 'failed',
        lastNewAt: '2024-01-01T00:00:00.000Z', lastNewHeadline: 'Ferry strike', nextPollAt: '2024-01-01T01:00:00.000Z',
      });
      expect(await s.sources.dueSources(at('2024-01-01T00:30:00Z'), 10)).toEqual([]);
      await s.sources.pollSoon('https://a.test/feed', at('2024-01-01T00:30:00Z'));
      expect((await s.sources.dueSources(at('2024-01-01T00:30:00Z'), 10)).length).toBe(1);
    });

    it('GIVEN the configured list changes THEN a source left out is kept but no longer marked configured; removing deletes it', async () => {
      const s = await store();
      for (const url of ['https://a.test/feed', 'https://b.test/feed']) {
        await s.sources.addSource({ url, label: null, origin: 'config', addedBy: 'config', addedAt: at('2024-01-01T00:00:00Z'), inConfig: true });
      }
      expect(await s.sources.setConfigured(['https://b.test/feed'])).toBe(1);
      expect((await s.sources.listSources()).map((r) => [r.url, r.inConfig])).toEqual([['https://a.test/feed', false], ['https://b.test/feed', true]]);
      expect(await s.sources.removeSource('https://a.test/feed')).toBe(true);
      expect(await s.sources.removeSource('https://a.test/feed')).toBe(false);
      expect(await s.sources.getSource('https://a.test/feed')).toBeNull();
    });
  });
}
