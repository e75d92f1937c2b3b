// The use cases behind /brief and /quote, over a real SQLite file and a fixed clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/handle-command.ts';
import type { CommandContext, Invocation } from '../../src/app/invocation.ts';
import type { Store } from '../../src/app/ports.ts';
import type { Article, Briefing, Quote } from '../../src/core/article.ts';
import type { Message, QuoteItem, StoryItem } from '../../src/core/message.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';
import { storeArticle } from '../../src/app/store-article.ts';
import { pickTopQuote } from '../../src/core/top-quote.ts';

const ctx: CommandContext = { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true };
const clock = { now: () => new Date('2026-11-30T08:00:00Z') };
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup() {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'nb-app-')), 'app.db'));
  stores.push(store);
  let n = 0;
  const add = async (headline: string, published: string, quotes: Array<[string, string, Quote['kind']?]>) => {
    n++;
    const article: Article = { guid: `g${n}`, url: null, file: null, source: 'Wire', format: 'text', headline, byline: null, published, bullets: [], body: `${headline} body ${n}.`, blocks: [] };
    const briefing: Briefing = {
      headline, headlineFrom: 'article', keyPoints: [{ text: `Point of ${headline}.`, sentence: 0, start: 0, end: 1 }],
      quotes: quotes.map(([text, speaker, kind]) => ({ text, start: 0, end: text.length, kind: kind ?? 'direct', speaker, mention: speaker })),
      speakers: [...new Set(quotes.map((q) => q[1]))].map((name) => ({ name, aliases: [], role: null, kind: 'person' as const })),
      topQuote: null,
    };
    briefing.topQuote = pickTopQuote(briefing.quotes);
    await storeArticle(store, article, briefing, clock.now());
  };
  return { store, add, app: createApp({ store, clock, logger: silentLogger }) };
}
const ask = (app: Awaited<ReturnType<typeof setup>>['app'], command: Invocation['command'], options: Invocation['options']): Promise<Message> =>
  app.handle({ command, subcommand: null, options }, ctx);

describe('/brief and /quote use cases', () => {
  it('GIVEN no stories THEN /brief says so, only to the asker, with a hint', async () => {
    const { app } = await setup();
    const m = await ask(app, 'brief', {});
    expect(m.visibility).toBe('ephemeral');
    expect(m.notice?.text).toMatch(/no stories yet/i);
  });

  it('GIVEN stories THEN /brief shows the newest first, count of them, and a topic narrows them', async () => {
    const { app, add } = await setup();
    await add('Harbour reopens', '2026-11-28', []);
    await add('Budget vote tonight', '2026-11-29', [['We will win the vote comfortably today', 'Gordon Brown']]);
    await add('Storm warning', '2026-11-30', []);
    const all = await ask(app, 'brief', { count: 2 });
    expect((all.items as StoryItem[]).map((i) => i.headline)).toEqual(['Storm warning', 'Budget vote tonight']);
    const topic = await ask(app, 'brief', { topic: 'budget' });
    expect((topic.items as StoryItem[]).map((i) => [i.headline, i.quote?.speaker])).toEqual([['Budget vote tonight', 'Gordon Brown']]);
  });

  it('GIVEN a surname two speakers share THEN /quote shows the most quoted and names the other', async () => {
    const { app, add } = await setup();
    await add('Budget', '2026-11-29', [['Prudence first', 'Gordon Brown'], ['No tax rises', 'Gordon Brown']]);
    await add('Novel', '2026-11-29', [['Codes are everywhere', 'Dan Brown']]);
    const m = await ask(app, 'quote', { who: 'Brown' });
    expect((m.items as QuoteItem[]).map((i) => i.speaker)).toEqual(['Gordon Brown', 'Gordon Brown']);
    expect(m.intro).toContain('Dan Brown');
    const dan = await ask(app, 'quote', { who: 'Dan Brown' });
    expect((dan.items as QuoteItem[]).map((i) => i.text)).toEqual(['Codes are everywhere']);
    expect(dan.intro ?? null).toBeNull();
  });

  it('GIVEN about: THEN only quotes whose article mentions the words; none gives a hint', async () => {
    const { app, add } = await setup();
    await add('Budget', '2026-11-29', [['Prudence first', 'Gordon Brown']]);
    await add('Football', '2026-11-28', [['A great match', 'Gordon Brown']]);
    const m = await ask(app, 'quote', { who: 'Gordon Brown', about: 'match' });
    expect((m.items as QuoteItem[]).map((i) => i.text)).toEqual(['A great match']);
    const none = await ask(app, 'quote', { who: 'Gordon Brown', about: 'weather' });
    expect(none.notice?.text).toMatch(/no quotes from Gordon Brown about "weather"/i);
  });

  it('GIVEN an unknown name THEN a friendly error names the closest speakers, and autocomplete ranks by quotes', async () => {
    const { app, add } = await setup();
    await add('Budget', '2026-11-29', [['Prudence first', 'Gordon Brown'], ['Again', 'Gordon Brown']]);
    await add('Novel', '2026-11-29', [['Codes', 'Dan Brown']]);
    const m = await ask(app, 'quote', { who: 'Gordon Browne' });
    expect(m.visibility).toBe('ephemeral');
    expect(m.notice?.text).toContain('Gordon Browne');
    expect(m.notice?.hint).toContain('Gordon Brown');
    const choices = await app.autocomplete('quote', 'who', 'bro');
    expect(choices.map((c) => c.value)).toEqual(['Gordon Brown', 'Dan Brown']);
    expect(choices[0]!.name).toBe('Gordon Brown (2 quotes)');
  });
});
