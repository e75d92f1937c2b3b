// /quote and /brief show an article stored twice (an updated or syndicated copy) only once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Briefing, Quote } from '../../src/core/article.ts';
import type { QuoteItem, StoryItem } from '../../src/core/message.ts';
import type { Store } from '../../src/app/ports.ts';
import type { CommandContext } from '../../src/app/invocation.ts';
import { distinctRows, textKey } from '../../src/app/distinct-rows.ts';
import { createApp } from '../../src/app/handle-command.ts';
import { silentLogger } from '../../src/logger.ts';
import { fakePublisher, manager, testClock, testDigests } from './digest-harness.ts';
import { openStore } from '../../src/store/index.ts';
import { storeArticle } from '../../src/app/store-article.ts';
import { pickTopQuote } from '../../src/core/top-quote.ts';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
async function tempStore(): Promise<Store> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'nb-distinct-')), 'test.db'));
  opened.push(store);
  return store;
}

const ctx: CommandContext = { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true };
let at = 0; // quotes in reading order
const q = (text: string, kind: Quote['kind'] = 'direct'): Quote => ({ text, start: (at += 100), end: at + text.length, kind, speaker: 'Vladimir Putin', mention: 'Putin' });

function story(body: string, published: string, quotes: Quote[], headline = 'Putin and Xi meet'): [Article, Briefing] {
  const article: Article = { guid: null, url: null, file: null, source: 'Wire', format: 'text', headline, byline: null, published, bullets: [], body, blocks: [] };
  const briefing: Briefing = {
    headline, headlineFrom: 'article', keyPoints: [{ text: 'Xi visited Moscow.', sentence: null, start: null, end: null }],
    quotes, speakers: [{ name: 'Vladimir Putin', aliases: ['Putin'], role: null, kind: 'person' }],
    topQuote: pickTopQuote(quotes),
  };
  return [article, briefing];
}

async function seedTwice(store: Store, ingested = ['2024-03-20T10:00:00Z', '2024-03-21T10:00:00Z', '2024-03-19T10:00:00Z']): Promise<void> {
  const quotes = [q('We are ready for talks,'), q('The West is not ready.'), q('new era', 'partial')];
  const [first = '', second = '', other = ''] = ingested;
  // the same story twice: an updated copy whose body differs by one word
  await storeArticle(store, ...story('Xi visited Moscow. Talks went well.', '2024-03-20', quotes), new Date(first));
  await storeArticle(store, ...story('Xi visited Moscow. Talks went very well.', '2024-03-21', [...quotes, q('We will meet again.')]), new Date(second));
  await storeArticle(store, ...story('A different story.', '2024-03-19', [q('Peace is possible.')], 'Putin speaks on peace'), new Date(other));
}

describe('answers without repeats', () => {
  it('GIVEN an article stored twice THEN /quote shows each utterance once, ranked by its latest printing, and counts only the rest', async () => {
    const store = await tempStore();
    await seedTwice(store);
    const app = createApp({ store, clock: { now: () => new Date('2024-03-22T00:00:00Z') }, logger: silentLogger });
    const all = await app.handle({ command: 'quote', subcommand: null, options: { who: 'Putin', count: 10 } }, ctx);
    const texts = all.items.map((i) => (i as QuoteItem).text);
    // the utterances of both copies rank as of the newer copy; the one only it has is its newest quote
    expect(texts).toEqual(['We will meet again.', 'We are ready for talks,', 'The West is not ready.', 'new era', 'Peace is possible.']);
    expect(all.more ?? 0).toBe(0);

    const two = await app.handle({ command: 'quote', subcommand: null, options: { who: 'Putin', count: 2 } }, ctx);
    expect(two.items).toHaveLength(2);
    expect(two.more).toBe(3);
  });

  it('GIVEN an article stored twice THEN /brief shows the story once (the newest copy) and still fills the count', async () => {
    const store = await tempStore();
    await seedTwice(store);
    const app = createApp({ store, clock: { now: () => new Date('2024-03-22T00:00:00Z') }, logger: silentLogger });
    const brief = await app.handle({ command: 'brief', subcommand: null, options: { count: 2 } }, ctx);
    expect(brief.items.map((i) => [(i as StoryItem).headline, (i as StoryItem).date])).toEqual([
      ['Putin and Xi meet', '2024-03-21'],
      ['Putin speaks on peace', '2024-03-19'],
    ]);
  });

  it('GIVEN an article stored twice within a digest window THEN the digest and its preview show it once', async () => {
    const store = await tempStore();
    await seedTwice(store, ['2024-03-21T08:00:00Z', '2024-03-21T09:00:00Z', '2024-03-21T10:00:00Z']);
    const clock = testClock('2024-03-21T12:00:00Z');
    const digests = testDigests(store, clock);
    const pub = fakePublisher('slack');
    digests.registerPublisher(pub);
    const headlines = (items: readonly unknown[]) => items.map((i) => (i as StoryItem).headline);
    expect(headlines((await digests.preview()).items)).toEqual(['Putin and Xi meet', 'Putin speaks on peace']);
    await digests.commands.run('subscribe', { time: '12:00', timezone: 'UTC' }, manager('slack', 'C1'));
    const reply = await digests.commands.run('now', {}, manager('slack', 'C1'));
    expect(reply.notice?.text).toBe('Digest posted: 2 stories.');
    expect(headlines(pub.posts[0]!.message.items)).toEqual(['Putin and Xi meet', 'Putin speaks on peace']);
  });

  it.each([
    ['GIVEN the comma that ended a quote THEN it is the same words', 'We are ready,', 'we are  ready', true],
    ['GIVEN different words THEN they differ', 'We are ready.', 'We are not ready.', false],
  ])('textKey: %s', (_name, a, b, same) => {
    expect(textKey(a) === textKey(b)).toBe(same);
  });

  it('GIVEN many repeats before the distinct rows THEN distinctRows asks for more until it has n', async () => {
    const data = [...Array.from({ length: 30 }, () => 'a'), 'b', 'c'];
    const limits: number[] = [];
    const out = await distinctRows(async (limit) => (limits.push(limit), data.slice(0, limit)), (r) => r, 3);
    expect(out.rows).toEqual(['a', 'b', 'c']);
    expect(out.skipped).toBe(29);
    expect(limits).toEqual([11, 44]);
  });
});
