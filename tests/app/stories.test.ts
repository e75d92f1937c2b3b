// Stories through the use cases: the same wire story from three feeds is one /brief item with
// its other sources, a quote printed by two outlets is one /quote item with both, and
// `stories rebuild` recomputes the same stories, resuming after an interruption.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/handle-command.ts';
import type { CommandContext } from '../../src/app/invocation.ts';
import type { Store } from '../../src/app/ports.ts';
import { rebuildStories } from '../../src/app/stories/rebuild-stories.ts';
import { storeArticle } from '../../src/app/store-article.ts';
import { renderText } from '../../src/adapters/console/render.ts';
import type { Article, Briefing } from '../../src/core/article.ts';
import type { QuoteItem, StoryItem } from '../../src/core/message.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';
import { FOLLOW_UP, SAME_NAME, WIRE, WIRE_EDITED, WIRE_EXTENDED } from '../fixtures/stories/wire.ts';

const ctx: CommandContext = { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true };
const clock = { now: () => new Date('2024-03-07T08:00:00Z') };
const stores: Store[] = [];
afterEach(async () => { for (const s of stores.splice(0)) await s.close(); });

async function tempStore(): Promise<Store> {
  const s = await openStore(join(mkdtempSync(join(tmpdir(), 'nb-stories-')), 'app.db'));
  stores.push(s);
  return s;
}

const SAID = 'all of them would be offered jobs at the new battery storage site being built on the same land';

function item(body: string, source: string, url: string | null, headline: string, published: string, quote = false): [Article, Briefing] {
  const quotes = quote ? [{ text: SAID, start: 0, end: SAID.length, kind: 'direct' as const, speaker: 'Elena Markov', mention: 'Ms Markov' }] : [];
  return [
    { guid: null, url, file: null, source, format: 'text', headline, byline: null, published, bullets: [], body, blocks: [] },
    {
      headline, headlineFrom: 'article', keyPoints: [{ text: body.split('\n\n')[0]!, sentence: 0, start: 0, end: 10 }], quotes,
      speakers: quote ? [{ name: 'Elena Markov', aliases: ['Ms Markov'], role: null, kind: 'person' }] : [], topQuote: quotes[0] ?? null,
    },
  ];
}

async function seed(s: Store): Promise<void> {
  const add = (x: [Article, Briefing], at: string) => storeArticle(s, x[0], x[1], new Date(at));
  await add(item(WIRE, 'Daily Wire', 'https://wire.test/harwick', 'Harwick to close coal plant early', '2024-03-05T09:00:00Z', true), '2024-03-05T09:05:00Z');
  await add(item(WIRE_EDITED, 'North Post', 'https://post.test/coal', 'Coal plant closure brought forward', '2024-03-05T10:00:00Z', true), '2024-03-05T10:05:00Z');
  await add(item(WIRE_EXTENDED, 'Coast Radio', null, "Harwick's coal era ends", '2024-03-05T11:00:00Z'), '2024-03-05T11:05:00Z');
  await add(item(FOLLOW_UP, 'North Post', 'https://post.test/vote', 'Harwick workers accept job offer', '2024-03-06T15:00:00Z'), '2024-03-06T15:05:00Z');
  await add(item(SAME_NAME, 'Sport Daily', 'https://sport.test/markov', 'Markov wins 10,000m title', '2024-03-05T18:00:00Z'), '2024-03-05T18:05:00Z');
}

const storyShape = (m: { items: unknown[] }) => (m.items as StoryItem[]).map((i) => [i.headline, i.source, (i.alsoReportedBy ?? []).map((r) => r.source)]);

describe('stories in answers', () => {
  it('GIVEN one wire story from three feeds, a follow-up and a same-name story THEN /brief shows three stories, the wire one once with the other two sources', async () => {
    const s = await tempStore();
    await seed(s);
    const app = createApp({ store: s, clock, logger: silentLogger });
    const m = await app.handle({ command: 'brief', subcommand: null, options: {} }, ctx);
    expect(storyShape(m)).toEqual([
      ['Harwick workers accept job offer', 'North Post', []],
      ['Markov wins 10,000m title', 'Sport Daily', []],
      ["Harwick's coal era ends", 'Coast Radio', ['Daily Wire', 'North Post']],
    ]);
    expect(m.more ?? 0).toBe(0);
    const text = renderText(m);
    expect(text).toContain('Also reported by Daily Wire (https://wire.test/harwick), North Post (https://post.test/coal)');
    const topic = await app.handle({ command: 'brief', subcommand: null, options: { topic: 'coal plant' } }, ctx);
    expect((topic.items as StoryItem[]).filter((i) => i.headline === "Harwick's coal era ends")).toHaveLength(1);
  });

  it('GIVEN the same quote in two outlets THEN /quote who: lists it once with both sources', async () => {
    const s = await tempStore();
    await seed(s);
    const app = createApp({ store: s, clock, logger: silentLogger });
    const m = await app.handle({ command: 'quote', subcommand: null, options: { who: 'Markov' } }, ctx);
    const items = m.items as QuoteItem[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'Daily Wire', alsoReportedBy: [{ source: 'North Post', url: 'https://post.test/coal' }] });
    expect(renderText(m)).toContain('Also reported by North Post');
  });

  it('GIVEN a rebuild interrupted halfway THEN running it again resumes and ends with the same stories', async () => {
    const s = await tempStore();
    await seed(s);
    const before = (await s.latestStories({ limit: 10 })).map((r) => [r.headline, r.alsoReportedBy.length]);
    let calls = 0;
    await expect(rebuildStories(s, { clock, batch: 2, onProgress: () => { if (++calls === 2) throw new Error('interrupted'); } })).rejects.toThrow('interrupted');
    expect(await s.rebuildProgress()).toMatchObject({ done: 2, total: 5, finishedAt: null });
    const seen: number[] = [];
    const r = await rebuildStories(s, { clock, batch: 2, onProgress: (done) => seen.push(done) });
    expect(r).toEqual({ done: 5, total: 5, resumed: true });
    expect(seen).toEqual([2, 4, 5]);
    expect((await s.latestStories({ limit: 10 })).map((x) => [x.headline, x.alsoReportedBy.length])).toEqual(before);
    const m = await createApp({ store: s, clock, logger: silentLogger }).handle({ command: 'quote', subcommand: null, options: { who: 'Markov' } }, ctx);
    expect(m.items).toHaveLength(1);
    // finished: the next run starts afresh
    expect((await rebuildStories(s, { clock })).resumed).toBe(false);
  });
});
