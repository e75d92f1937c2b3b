// Paging of /brief and /quote over a real SQLite file: page 2 is the next `count` items, the
// totals are true, a page past the end says so, and no item is shown on two pages.
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/app/run-command.ts';
import { pageRows } from '../../src/app/paging.ts';
import type { CommandContext } from '../../src/app/invocation.ts';
import type { Store } from '../../src/app/ports.ts';
import type { Message, QuoteItem, StoryItem } from '../../src/core/message.ts';
import { silentLogger } from '../../src/logger.ts';
import { pagingApp, storiesStore } from '../fixtures/paging/stories.ts';

const ctx: CommandContext = { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true };
const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

async function setup(n: number, opts: { copies?: number[] } = {}) {
  const store = await storiesStore(n, opts);
  stores.push(store);
  const app = pagingApp(store);
  const ask = async (text: string): Promise<Message> => (await runCommand(app, text, ctx, { logger: silentLogger })).message;
  return { store, app, ask };
}

const headlines = (m: Message) => (m.items as StoryItem[]).map((i) => i.headline.replace(' at the harbour', ''));

describe('/brief page:', () => {
  it('GIVEN 12 stories WHEN page:2 count:5 THEN the 6th to 10th newest, "…and 2 more", page 2 of 3, and the next page is page:3', async () => {
    const { ask } = await setup(12);
    const m = await ask('/brief count:5 page:2');
    expect(headlines(m)).toEqual(['Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']);
    expect(m.more).toBe(2);
    expect(m.paging).toEqual({ page: 2, pages: 3, exact: true, next: { command: 'brief', options: { count: 5, page: 3 } } });
  });

  it('GIVEN 12 stories WHEN page:1 THEN the footer numbers are true and the last page has no next', async () => {
    const { ask } = await setup(12);
    const first = await ask('/brief');
    expect(headlines(first)).toEqual(['Story 12', 'Story 11', 'Story 10', 'Story 9', 'Story 8']);
    expect([first.more, first.paging?.page, first.paging?.pages]).toEqual([7, 1, 3]);
    expect(first.paging?.next).toEqual({ command: 'brief', options: { page: 2 } });
    const last = await ask('/brief page:3');
    expect(headlines(last)).toEqual(['Story 2', 'Story 1']);
    expect(last.more).toBe(0);
    expect(last.paging?.next).toBeNull();
  });

  it('GIVEN 12 stories WHEN page:4 THEN it says plainly that there are 3 pages, only to the asker', async () => {
    const { ask } = await setup(12);
    const m = await ask('/brief page:4');
    expect(m.items).toEqual([]);
    expect(m.visibility).toBe('ephemeral');
    expect(m.notice?.text).toBe('No more stories: page 4 of 3.');
    expect(m.notice?.hint).toBe('The last page is /brief page:3.');
  });

  it('GIVEN a topic THEN pages count only its stories, and past the end names it', async () => {
    const { ask } = await setup(12);
    const m = await ask('/brief topic:harbour count:4 page:2');
    expect(headlines(m)).toEqual(['Story 3', 'Story 1']);
    expect(m.paging).toMatchObject({ page: 2, pages: 2, exact: true, next: null });
    const past = await ask('/brief topic:harbour count:4 page:3');
    expect(past.notice?.text).toBe('No more stories about "harbour": page 3 of 2.');
    expect(past.notice?.hint).toBe('The last page is /brief topic:harbour count:4 page:2.');
  });

  it('GIVEN syndicated copies of stories THEN walking every page shows each story once and none is skipped', async () => {
    const { ask } = await setup(12, { copies: [2, 5, 6, 11] });
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const m = await ask(`/brief count:3 page:${page}`);
      if (!m.items.length) break;
      seen.push(...headlines(m));
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `Story ${12 - i}`));
  });

  it('GIVEN no stories WHEN page:2 THEN the usual "No stories yet"', async () => {
    const { ask } = await setup(0);
    expect((await ask('/brief page:2')).notice?.text).toMatch(/no stories yet/i);
  });

  it.each(['page:0', 'page:-1', 'page:two', 'page:1.5'])('GIVEN %s THEN a friendly error with the usage line', async (page) => {
    const { ask } = await setup(2);
    const m = await ask(`/brief ${page}`);
    expect(m.visibility).toBe('ephemeral');
    expect(m.notice?.text).toMatch(/^page: /);
    expect(m.notice?.hint).toContain('[page:<n>]');
  });
});

describe('/quote page:', () => {
  it('GIVEN 7 quotes of one speaker WHEN count:3 page:2 THEN the 4th to 6th newest, page 2 of 3, and "…and 1 more"', async () => {
    const { ask } = await setup(7);
    const m = await ask('/quote who:Brown count:3 page:2');
    expect((m.items as QuoteItem[]).map((q) => q.text)).toEqual([4, 3, 2].map((i) => `Brown's words number ${i} were spoken plainly`));
    expect(m.more).toBe(1);
    expect(m.paging).toEqual({ page: 2, pages: 3, exact: true, next: { command: 'quote', options: { who: 'Brown', count: 3, page: 3 } } });
  });

  it('GIVEN 7 quotes WHEN page:9 THEN it says so, naming the speaker', async () => {
    const { ask } = await setup(7);
    const m = await ask('/quote who:"Gordon Brown" page:9');
    expect(m.notice?.text).toBe('No more quotes from Gordon Brown: page 9 of 2.');
    expect(m.notice?.hint).toBe('The last page is /quote who:"Gordon Brown" page:2.');
  });

  it('GIVEN about: THEN the total is counted from the matching quotes', async () => {
    const { ask } = await setup(7);
    const m = await ask('/quote who:Brown about:harbour count:2');
    expect(m.more).toBe(2);
    expect(m.paging).toMatchObject({ page: 1, pages: 2, exact: true });
  });
});

describe('pageRows', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: i }));
  const fetch = (limit: number) => rows.slice(0, limit);
  it('GIVEN more rows than it counts and no known total THEN the total is a lower bound', async () => {
    const page = await pageRows(fetch, (r) => String(r.id), { page: 1, count: 5 });
    expect(page.rows.map((r) => r.id)).toEqual([0, 1, 2, 3, 4]);
    expect(page.exact).toBe(false);
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(page.total).toBeLessThan(1000);
  });

  it('GIVEN a known total THEN a page past it is answered without reading rows', async () => {
    const page = await pageRows(() => { throw new Error('read'); }, (r: { id: number }) => String(r.id), { page: 300, count: 5, knownTotal: 1000 });
    expect(page).toEqual({ rows: [], total: 1000, exact: true, pages: 200, tooDeep: false });
  });
});
