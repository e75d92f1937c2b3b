import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, ArticleSpeaker, Briefing, Quote } from '../../src/core/article.ts';
import type { Store } from '../../src/app/ports.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { pickTopQuote } from '../../src/core/top-quote.ts';

const opened: Store[] = [];
function tempStore(): { store: Store; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'nb-store-')), 'test.db');
  const store = openStore(path);
  opened.push(store);
  return { store, path };
}
afterEach(() => {
  for (const s of opened.splice(0)) {
    try { s.close(); } catch { /* already closed */ }
  }
});

function article(over: Partial<Article> & { body: string }): Article {
  return { guid: null, url: null, file: null, source: 'Test Wire', format: 'text', headline: 'A headline', byline: null, published: null, bullets: [], blocks: [], ...over };
}
function q(text: string, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return { text, start: 0, end: text.length, kind, speaker, mention: speaker };
}
function briefing(headline: string, quotes: Quote[] = [], speakers: ArticleSpeaker[] = []): Briefing {
  return { headline, headlineFrom: 'article', keyPoints: [{ text: 'A key point.', sentence: 0, start: 0, end: 12 }], quotes, speakers, topQuote: pickTopQuote(quotes) };
}
const person = (name: string, aliases: string[] = [], role: string | null = null): ArticleSpeaker => ({ name, aliases, role, kind: 'person' });
const at = (iso: string) => new Date(iso);

describe('SQLite store', () => {
  it('GIVEN the same article again by guid, url or content THEN it is a duplicate of the first', () => {
    const { store } = tempStore();
    const first = store.ingestArticle(article({ guid: 'g1', url: 'https://x.test/a', body: 'Body one.' }), briefing('One'), at('2024-01-01T00:00:00Z'));
    expect(first.status).toBe('stored');
    const cases: Array<[Partial<Article>, string]> = [
      [{ guid: 'g1', body: 'Edited body.' }, 'guid'],
      [{ url: 'https://x.test/a', body: 'Other body.' }, 'url'],
      [{ body: 'Body   one.' }, 'hash'],
    ];
    for (const [over, by] of cases) {
      const r = store.ingestArticle(article({ body: '', ...over }), briefing('One'), at('2024-01-02T00:00:00Z'));
      expect(r).toEqual({ status: 'duplicate', articleId: first.articleId, matchedBy: by });
    }
    expect(store.countArticles()).toBe(1);
  });

  it('GIVEN stories THEN /brief order is newest first and a topic searches headline, body and quotes', () => {
    const { store } = tempStore();
    store.ingestArticle(article({ body: 'Talks on Ukraine continued.', published: '2023-03-20' }), briefing('Old Ukraine talks'), at('2024-01-01T00:00:00Z'));
    store.ingestArticle(article({ body: 'Markets rallied strongly.', published: '2023-03-22' }), briefing('Markets up'), at('2024-01-01T00:00:01Z'));
    store.ingestArticle(
      article({ body: 'The minister spoke.', published: '2023-03-21' }),
      briefing('Minister speaks', [q('We will rebuild Ukrainian cities', 'Ann Lee')], [person('Ann Lee')]),
      at('2024-01-01T00:00:02Z'),
    );
    expect(store.latestStories({ limit: 10 }).map((s) => s.headline)).toEqual(['Markets up', 'Minister speaks', 'Old Ukraine talks']);
    expect(store.latestStories({ topic: 'ukraine', limit: 10 }).map((s) => s.headline)).toEqual(['Old Ukraine talks']);
    expect(store.latestStories({ topic: 'rebuild cities', limit: 10 }).map((s) => s.headline)).toEqual(['Minister speaks']);
    expect(store.latestStories({ topic: '"); DROP TABLE articles; --', limit: 10 })).toEqual([]);
    expect(store.latestStories({ limit: 10, ingestedAfter: '2024-01-01T00:00:00.500Z' }).map((s) => s.headline)).toEqual(['Markets up', 'Minister speaks']);
  });

  it('GIVEN two articles naming a person differently THEN one registry speaker has all the quotes', () => {
    const { store } = tempStore();
    store.ingestArticle(article({ body: 'a', published: '2023-01-01' }), briefing('First', [q('Peace is possible.', 'Putin')], [person('Putin')]), at('2024-01-01T00:00:00Z'));
    store.ingestArticle(
      article({ body: 'b', published: '2023-02-01' }),
      briefing('Second', [q('Talks were frank.', 'Vladimir Putin'), q('frank', 'Vladimir Putin', 'partial')], [person('Vladimir Putin', ['Putin', 'Mr Putin', 'the Russian president'], 'Russian president')]),
      at('2024-01-01T00:00:01Z'),
    );
    for (const who of ['putin', 'Vladimir Putin', 'PUTIN', 'Mr. Putin', 'the Russian president']) {
      const found = store.findSpeakers(who, 5);
      expect(found.map((s) => s.name), who).toEqual(['Vladimir Putin']);
    }
    const sp = store.findSpeakers('Putin', 1)[0]!;
    expect(sp.quoteCount).toBe(3);
    expect(sp.role).toBe('Russian president');
    const quotes = store.quotesBySpeakers({ speakerIds: [sp.speakerId], limit: 10 });
    expect(quotes.map((x) => [x.text, x.kind, x.headline])).toEqual([
      ['Talks were frank.', 'direct', 'Second'],
      ['frank', 'partial', 'Second'],
      ['Peace is possible.', 'direct', 'First'],
    ]);
    expect(store.quotesBySpeakers({ speakerIds: [sp.speakerId], about: 'frank', limit: 10 }).map((x) => x.headline)).toEqual(['Second', 'Second']);
  });

  it('GIVEN spelling variants and missing accents THEN the speaker is still found, and autocomplete ranks by quotes', () => {
    const { store } = tempStore();
    store.ingestArticle(article({ body: 'z' }), briefing('Z', [q('We are waiting.', 'Volodymyr Zelensky'), q('Again.', 'Volodymyr Zelensky')], [person('Volodymyr Zelensky')]), at('2024-01-01T00:00:00Z'));
    store.ingestArticle(article({ body: 'l' }), briefing('L', [q('Hola.', 'Andrés Manuel López Obrador')], [person('Andrés Manuel López Obrador')]), at('2024-01-01T00:00:01Z'));
    store.ingestArticle(article({ body: 'p' }), briefing('P', [q('Yes.', 'Paula Zelinski')], [person('Paula Zelinski')]), at('2024-01-01T00:00:02Z'));
    expect(store.findSpeakers('Zelenskyy', 5).map((s) => s.name)).toEqual(['Volodymyr Zelensky']);
    expect(store.findSpeakers('Lopez Obrador', 5).map((s) => s.name)).toEqual(['Andrés Manuel López Obrador']);
    expect(store.suggestSpeakers('zel', 25).map((s) => s.name)).toEqual(['Volodymyr Zelensky', 'Paula Zelinski']);
    expect(store.suggestSpeakers('', 2).map((s) => s.name)[0]).toBe('Volodymyr Zelensky');
    expect(store.findSpeakers('Zelenskee', 5)).toEqual([]);
    expect(store.closestSpeakers('Zelenskee', 2).map((s) => s.name)).toContain('Volodymyr Zelensky');
  });

  it('GIVEN a failure in the middle of an ingestion THEN nothing of that article is left behind', () => {
    const { store } = tempStore();
    const bad = briefing('Broken', [q('ok', 'Someone')], [person('Someone')]);
    (bad.quotes[0] as { kind: unknown }).kind = null; // NOT NULL fails on the quote, after the article and speaker rows
    expect(() => store.ingestArticle(article({ body: 'x' }), bad, at('2024-01-01T00:00:00Z'))).toThrow();
    expect(store.countArticles()).toBe(0);
    expect(store.findSpeakers('Someone', 5)).toEqual([]);
    expect(store.latestStories({ topic: 'broken', limit: 5 })).toEqual([]);
    // the same speaker in the next article is stored afresh
    const ok = store.ingestArticle(article({ body: 'y' }), briefing('Fine', [q('ok', 'Someone')], [person('Someone')]), at('2024-01-01T00:00:01Z'));
    expect(ok.status).toBe('stored');
    expect(store.findSpeakers('Someone', 5).map((s) => s.quoteCount)).toEqual([1]);
  });

  it('GIVEN the database file THEN it is in WAL mode, migrations run once, and a second connection sees the data', () => {
    const { store, path } = tempStore();
    store.ingestArticle(article({ body: 'shared' }), briefing('Shared'), at('2024-01-01T00:00:00Z'));
    const again = openStore(path);
    opened.push(again);
    expect(again.countArticles()).toBe(1);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all().length).toBeGreaterThan(0);
    raw.close();
  });

  it('GIVEN the queries of every command THEN none scans the articles or quotes tables', () => {
    const { path } = tempStore();
    const db = new Database(path, { readonly: true });
    const plans = [
      `SELECT a.id FROM articles a ORDER BY a.sort_key DESC, a.id DESC LIMIT 5`,
      `SELECT a.id FROM articles a WHERE a.ingested_at > '2024' AND a.ingested_at <= '2025' ORDER BY a.sort_key DESC LIMIT 5`,
      `SELECT a.id FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"x"') ORDER BY a.sort_key DESC, a.id DESC LIMIT 5`,
      `SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id WHERE q.speaker_id IN (1, 2) ORDER BY q.sort_key DESC LIMIT 5`,
      `SELECT s.id FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id WHERE k.key >= 'pu' AND k.key < 'pu\uffff'`,
      `SELECT id FROM articles WHERE guid = 'x'`,
      `SELECT id FROM articles WHERE content_hash = 'x'`,
    ];
    for (const sql of plans) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join(' | ');
      expect(plan, sql).not.toMatch(/SCAN (a|q|articles|quotes|speakers|s)\b(?! USING)/);
    }
    db.close();
  });
});
