// QA regressions in the article store: feed-scoped guids, and topic queries over a big archive.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Briefing } from '../../src/core/article.ts';
import type { Store } from '../../src/app/ports.ts';
import { guidKey } from '../../src/store/articles.ts';
import { openStore } from '../../src/store/sqlite.ts';

const opened: Store[] = [];
function tempStore(): Store {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'nb-guid-')), 'test.db'));
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function article(over: Partial<Article> & { body: string }): Article {
  return { guid: null, url: null, file: null, source: 'Feed A', format: 'jsonfeed', headline: 'A headline', byline: null, published: null, bullets: [], blocks: [], ...over };
}
function briefing(headline: string): Briefing {
  return { headline, headlineFrom: 'article', keyPoints: [{ text: 'A key point.', sentence: 0, start: 0, end: 12 }], quotes: [], speakers: [], topQuote: null };
}
const at = (iso: string) => new Date(iso);

describe('feed item guids', () => {
  it.each([
    ['GIVEN a feed-local id THEN it is scoped by the feed', { guid: '1', source: 'Feed A' }, 'Feed A\u001f1'],
    ['GIVEN an http URL THEN it is global', { guid: 'https://x.test/1', source: 'Feed A' }, 'https://x.test/1'],
    ['GIVEN a tag: URI (Atom) THEN it is global', { guid: 'tag:x.test,2024:1', source: 'Feed B' }, 'tag:x.test,2024:1'],
    ['GIVEN a urn THEN it is global', { guid: 'urn:uuid:6e8bc430', source: null }, 'urn:uuid:6e8bc430'],
    ['GIVEN no guid THEN there is no key', { guid: null, source: 'Feed A' }, null],
    ['GIVEN a blank guid THEN there is no key', { guid: '  ', source: 'Feed A' }, null],
  ] as const)('%s', (_name, input, expected) => {
    expect(guidKey(input)).toBe(expected);
  });

  it('GIVEN item "1" in two different feeds THEN both are stored, and item "1" of the same feed again is a duplicate', () => {
    const store = tempStore();
    const a = store.ingestArticle(article({ guid: '1', source: 'Feed A', body: 'Ferry crews vote to strike.' }), briefing('Ferry strike'), at('2024-01-01T00:00:00Z'));
    const b = store.ingestArticle(article({ guid: '1', source: 'Feed B', body: 'Council approves a bridge.' }), briefing('New bridge'), at('2024-01-01T00:01:00Z'));
    expect(a.status).toBe('stored');
    expect(b.status).toBe('stored');
    const again = store.ingestArticle(article({ guid: '1', source: 'Feed A', body: 'Ferry crews vote to strike (updated).' }), briefing('Ferry strike'), at('2024-01-02T00:00:00Z'));
    expect(again).toEqual({ status: 'duplicate', articleId: a.articleId, matchedBy: 'guid' });
    expect(store.countArticles()).toBe(2);
  });
});

describe('topic queries over a large archive', () => {
  it('GIVEN over a thousand older stories that rank higher THEN /brief topic: and a digest window still get the newest story', () => {
    const store = tempStore();
    const base = Date.UTC(2024, 0, 1);
    // Short stories that repeat the word rank high in full-text search; they are all old.
    for (let i = 0; i < 1100; i++) {
      const when = new Date(base + i * 60_000);
      store.ingestArticle(article({ body: `Harbour harbour harbour news ${i}.`, published: when.toISOString() }), briefing(`Harbour ${i}`), when);
    }
    const newest = new Date(base + 2000 * 60_000);
    const filler = 'The council met on Tuesday and talked about roads, schools and the budget for next year. '.repeat(30);
    const fresh = store.ingestArticle(article({ body: `${filler} The harbour reopens.`, published: newest.toISOString() }), briefing('Town news'), newest);

    const brief = store.latestStories({ topic: 'harbour', limit: 3 });
    expect(brief.map((r) => r.articleId)[0]).toBe(fresh.articleId);
    expect(brief.map((r) => r.headline)).toEqual(['Town news', 'Harbour 1099', 'Harbour 1098']);

    const window = store.latestStories({ topic: 'harbour', limit: 10, ingestedAfter: new Date(base + 1500 * 60_000).toISOString() });
    expect(window.map((r) => r.articleId)).toEqual([fresh.articleId]);
  });
});
