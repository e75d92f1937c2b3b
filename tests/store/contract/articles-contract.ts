// The contract of the article and speaker parts of the Store port, through the use cases that
// run over it (storeArticle, findSpeakers, suggestSpeakers, closestSpeakers).
import { describe, expect, it } from 'vitest';
import type { Article, Briefing } from '../../../src/core/article.ts';
import type { Store } from '../../../src/app/ports.ts';
import { storeArticle } from '../../../src/app/store-article.ts';
import { closestSpeakers, findSpeakers, suggestSpeakers } from '../../../src/app/speakers/find-speakers.ts';
import { article, at, briefing, person, q } from './fixtures.ts';

export function describeArticleContract(store: () => Promise<Store>, reopen: (s: Store) => Promise<Store>): void {
  const ingest = (s: Store, a: Article, b: Briefing, when: Date) => storeArticle(s, a, b, when);

  describe('articles', () => {
    it('GIVEN the same article again by guid, url or content THEN it is a duplicate of the first', async () => {
      const s = await store();
      const first = await ingest(s, article({ guid: 'g1', url: 'https://x.test/a', body: 'Body one.' }), briefing('One'), at('2024-01-01T00:00:00Z'));
      expect(first.status).toBe('stored');
      const cases: Array<[Partial<Article>, string]> = [
        [{ guid: 'g1', body: 'Edited body.' }, 'guid'],
        [{ url: 'https://x.test/a', body: 'Other body.' }, 'url'],
        [{ body: 'Body   one.' }, 'hash'],
      ];
      for (const [over, by] of cases) {
        const r = await ingest(s, article({ body: '', ...over }), briefing('One'), at('2024-01-02T00:00:00Z'));
        expect(r).toEqual({ status: 'duplicate', articleId: first.articleId, matchedBy: by });
      }
      expect(await s.countArticles()).toBe(1);
    });

    it('GIVEN item "1" in two different feeds THEN both are stored, and item "1" of the same feed again is a duplicate', async () => {
      const s = await store();
      const a = await ingest(s, article({ guid: '1', source: 'Feed A', format: 'jsonfeed', body: 'Ferry crews vote to strike.' }), briefing('Ferry strike'), at('2024-01-01T00:00:00Z'));
      const b = await ingest(s, article({ guid: '1', source: 'Feed B', format: 'jsonfeed', body: 'Council approves a bridge.' }), briefing('New bridge'), at('2024-01-01T00:01:00Z'));
      expect(a.status).toBe('stored');
      expect(b.status).toBe('stored');
      const again = await ingest(s, article({ guid: '1', source: 'Feed A', format: 'jsonfeed', body: 'Ferry crews vote to strike (updated).' }), briefing('Ferry strike'), at('2024-01-02T00:00:00Z'));
      expect(again).toEqual({ status: 'duplicate', articleId: a.articleId, matchedBy: 'guid' });
      expect(await s.countArticles()).toBe(2);
    });

    it('GIVEN stories THEN /brief order is newest first and a topic searches headline, body and quotes', async () => {
      const s = await store();
      await ingest(s, article({ body: 'Talks on Ukraine continued.', published: '2023-03-20' }), briefing('Old Ukraine talks'), at('2024-01-01T00:00:00Z'));
      await ingest(s, article({ body: 'Markets rallied strongly.', published: '2023-03-22' }), briefing('Markets up'), at('2024-01-01T00:00:01Z'));
      await ingest(
        s,
        article({ body: 'The minister spoke.', published: '2023-03-21' }),
        briefing('Minister speaks', [q('We will rebuild Ukrainian cities', 'Ann Lee')], [person('Ann Lee')]),
        at('2024-01-01T00:00:02Z'),
      );
      expect((await s.latestStories({ limit: 10 })).map((r) => r.headline)).toEqual(['Markets up', 'Minister speaks', 'Old Ukraine talks']);
      expect((await s.latestStories({ topic: 'ukraine', limit: 10 })).map((r) => r.headline)).toEqual(['Old Ukraine talks']);
      expect((await s.latestStories({ topic: 'rebuild cities', limit: 10 })).map((r) => r.headline)).toEqual(['Minister speaks']);
      expect(await s.latestStories({ topic: '"); DROP TABLE articles; --', limit: 10 })).toEqual([]);
      expect((await s.latestStories({ limit: 10, ingestedAfter: '2024-01-01T00:00:00.500Z' })).map((r) => r.headline)).toEqual(['Markets up', 'Minister speaks']);
      // counts run the same filters as the list, with no limit
      expect(await s.countStories({})).toBe(3);
      expect(await s.countStories({ topic: 'ukraine' })).toBe(1);
      expect(await s.countStories({ topic: '"); DROP TABLE articles; --' })).toBe(0);
      expect(await s.countStories({ ingestedAfter: '2024-01-01T00:00:00.500Z', ingestedUntil: '2024-01-01T00:00:01Z' })).toBe(1);
      const card = (await s.latestStories({ topic: 'minister', limit: 1 }))[0]!;
      expect(card).toMatchObject({ keyPoints: ['A key point.'], topQuote: { text: 'We will rebuild Ukrainian cities', speaker: 'Ann Lee' } });
    });

    it('GIVEN over a thousand older stories that rank higher THEN a digest window still gets the newest story, and /brief topic: ranks the stories about it first', async () => {
      const s = await store();
      const base = Date.UTC(2024, 0, 1);
      // Short stories that repeat the word rank high in full-text search; they are all old.
      for (let i = 0; i < 1100; i++) {
        const when = new Date(base + i * 60_000);
        await ingest(s, article({ body: `Harbour harbour harbour news ${i}.`, published: when.toISOString() }), briefing(`Harbour ${i}`), when);
      }
      const newest = new Date(base + 2000 * 60_000);
      const filler = 'The council met on Tuesday and talked about roads, schools and the budget for next year. '.repeat(30);
      const fresh = await ingest(s, article({ body: `${filler} The harbour reopens.`, published: newest.toISOString() }), briefing('Town news'), newest);

      // relevance: the stories about the harbour outrank the newer one that mentions it in passing
      const brief = await s.latestStories({ topic: 'harbour', limit: 3 });
      expect(brief.map((r) => r.headline).every((h) => h.startsWith('Harbour '))).toBe(true);
      expect(await s.countStories({ topic: 'harbour' })).toBe(1101);
      const window = await s.latestStories({ topic: 'harbour', limit: 10, ingestedAfter: new Date(base + 1500 * 60_000).toISOString() });
      expect(window.map((r) => r.articleId)).toEqual([fresh.articleId]);
    });

    it('GIVEN a failure in the middle of an ingestion THEN nothing of that article is left behind', async () => {
      const s = await store();
      const bad = briefing('Broken', [q('ok', 'Someone')], [person('Someone')]);
      (bad.quotes[0] as { kind: unknown }).kind = null; // NOT NULL fails on the quote, after the article and speaker rows
      await expect(ingest(s, article({ body: 'x' }), bad, at('2024-01-01T00:00:00Z'))).rejects.toThrow();
      expect(await s.countArticles()).toBe(0);
      expect(await findSpeakers(s, 'Someone', 5)).toEqual([]);
      expect(await s.latestStories({ topic: 'broken', limit: 5 })).toEqual([]);
      // the same speaker in the next article is stored afresh
      const ok = await ingest(s, article({ body: 'y' }), briefing('Fine', [q('ok', 'Someone')], [person('Someone')]), at('2024-01-01T00:00:01Z'));
      expect(ok.status).toBe('stored');
      expect((await findSpeakers(s, 'Someone', 5)).map((r) => r.quoteCount)).toEqual([1]);
    });

    it('GIVEN a second connection to the database THEN it sees the data', async () => {
      const s = await store();
      await ingest(s, article({ body: 'shared' }), briefing('Shared'), at('2024-01-01T00:00:00Z'));
      const again = await reopen(s);
      expect(await again.countArticles()).toBe(1);
    });

    it('GIVEN a source file recorded THEN it is known by name and hash, and recording it again is harmless', async () => {
      const s = await store();
      expect(await s.hasSourceFile('seeds/a.txt', 'h1')).toBe(false);
      await s.recordSourceFile('seeds/a.txt', 'h1', at('2024-01-01T00:00:00Z'));
      await s.recordSourceFile('seeds/a.txt', 'h1', at('2024-01-02T00:00:00Z'));
      expect(await s.hasSourceFile('seeds/a.txt', 'h1')).toBe(true);
      expect(await s.hasSourceFile('seeds/a.txt', 'h2')).toBe(false);
      expect(await s.hasSourceFile('seeds/b.txt', 'h1')).toBe(false);
    });
  });

  describe('speakers', () => {
    it('GIVEN two articles naming a person differently THEN one registry speaker has all the quotes', async () => {
      const s = await store();
      await ingest(s, article({ body: 'a', published: '2023-01-01' }), briefing('First', [q('Peace is possible.', 'Putin')], [person('Putin')]), at('2024-01-01T00:00:00Z'));
      await ingest(
        s,
        article({ body: 'b', published: '2023-02-01' }),
        briefing('Second', [q('Talks were frank.', 'Vladimir Putin'), q('frank', 'Vladimir Putin', 'partial')], [person('Vladimir Putin', ['Putin', 'Mr Putin', 'the Russian president'], 'Russian president')]),
        at('2024-01-01T00:00:01Z'),
      );
      for (const who of ['putin', 'Vladimir Putin', 'PUTIN', 'Mr. Putin', 'the Russian president']) {
        expect((await findSpeakers(s, who, 5)).map((r) => r.name), who).toEqual(['Vladimir Putin']);
      }
      const sp = (await findSpeakers(s, 'Putin', 1))[0]!;
      expect(sp.quoteCount).toBe(3);
      expect(sp.role).toBe('Russian president');
      expect(sp.aliases).toEqual(['Mr Putin', 'Putin', 'the Russian president']);
      const quotes = await s.quotesBySpeakers({ speakerIds: [sp.speakerId], limit: 10 });
      expect(quotes.map((x) => [x.text, x.kind, x.headline])).toEqual([
        ['Talks were frank.', 'direct', 'Second'],
        ['frank', 'partial', 'Second'],
        ['Peace is possible.', 'direct', 'First'],
      ]);
      expect((await s.quotesBySpeakers({ speakerIds: [sp.speakerId], about: 'frank', limit: 10 })).map((x) => x.headline)).toEqual(['Second', 'Second']);
    });

    it('GIVEN spelling variants and missing accents THEN the speaker is still found, and autocomplete ranks by quotes', async () => {
      const s = await store();
      await ingest(s, article({ body: 'z' }), briefing('Z', [q('We are waiting.', 'Volodymyr Zelensky'), q('Again.', 'Volodymyr Zelensky')], [person('Volodymyr Zelensky')]), at('2024-01-01T00:00:00Z'));
      await ingest(s, article({ body: 'l' }), briefing('L', [q('Hola.', 'Andrés Manuel López Obrador')], [person('Andrés Manuel López Obrador')]), at('2024-01-01T00:00:01Z'));
      await ingest(s, article({ body: 'p' }), briefing('P', [q('Yes.', 'Paula Zelinski')], [person('Paula Zelinski')]), at('2024-01-01T00:00:02Z'));
      expect((await findSpeakers(s, 'Zelenskyy', 5)).map((r) => r.name)).toEqual(['Volodymyr Zelensky']);
      expect((await findSpeakers(s, 'Lopez Obrador', 5)).map((r) => r.name)).toEqual(['Andrés Manuel López Obrador']);
      expect((await suggestSpeakers(s, 'zel', 25)).map((r) => r.name)).toEqual(['Volodymyr Zelensky', 'Paula Zelinski']);
      expect((await suggestSpeakers(s, '', 2)).map((r) => r.name)[0]).toBe('Volodymyr Zelensky');
      expect(await findSpeakers(s, 'Zelenskee', 5)).toEqual([]);
      expect((await closestSpeakers(s, 'Zelenskee', 2)).map((r) => r.name)).toContain('Volodymyr Zelensky');
    });

    it('GIVEN a shared surname THEN a bare surname finds the most quoted, and a fuller name upgrades a surname-only speaker', async () => {
      const s = await store();
      await ingest(s, article({ body: 'g' }), briefing('G', [q('Prudence.', 'Gordon Brown'), q('Again.', 'Gordon Brown')], [person('Gordon Brown')]), at('2024-01-01T00:00:00Z'));
      await ingest(s, article({ body: 'd' }), briefing('D', [q('Codes.', 'Dan Brown')], [person('Dan Brown')]), at('2024-01-01T00:00:01Z'));
      expect((await findSpeakers(s, 'Brown', 5)).map((r) => r.name)).toEqual(['Gordon Brown', 'Dan Brown']);
      await ingest(s, article({ body: 'm' }), briefing('M', [q('Hello.', 'Merkel')], [person('Merkel')]), at('2024-01-01T00:00:02Z'));
      await ingest(s, article({ body: 'm2' }), briefing('M2', [q('Again.', 'Angela Merkel')], [person('Angela Merkel')]), at('2024-01-01T00:00:03Z'));
      expect((await findSpeakers(s, 'Merkel', 5)).map((r) => [r.name, r.quoteCount])).toEqual([['Angela Merkel', 2]]);
    });

    it('GIVEN keyed writes THEN a key keeps its best rank, prefixes find keys in order, and a role is only set once', async () => {
      const s = await store();
      const id = await s.insertSpeaker({ name: 'Ann Lee', norm: 'ann lee', role: null, kind: 'person' });
      await s.addSpeakerKeys(id, [{ key: 'ann lee', rank: 2 }, { key: 'lee', rank: 2 }]);
      await s.addSpeakerKeys(id, [{ key: 'ann lee', rank: 0 }, { key: 'lee', rank: 4 }]);
      const [full, last, none] = await s.speakersByKeys(['ann lee', 'lee', 'nobody']);
      expect(full!.map((r) => [r.speakerId, r.key, r.rank])).toEqual([[id, 'ann lee', 0]]);
      expect(last!.map((r) => r.rank)).toEqual([2]);
      expect(none).toEqual([]);
      expect((await s.speakersByKeyPrefix('an', 10)).map((r) => r.key)).toEqual(['ann lee']);
      expect(await s.speakersByKeyPrefix('zz', 10)).toEqual([]);
      await s.setSpeakerRoleIfUnset(id, 'minister');
      await s.setSpeakerRoleIfUnset(id, 'mayor');
      await s.renameSpeaker(id, 'Dr Ann Lee', 'ann lee');
      expect(await s.speakerByNorm('ann lee')).toEqual({ speakerId: id, name: 'Dr Ann Lee', norm: 'ann lee', role: 'minister', kind: 'person', quoteCount: 0 });
      expect(await s.speakerByNorm('nobody')).toBeNull();
      await s.addSpeakerAlias(id, 'the minister');
      await s.addSpeakerAlias(id, 'the minister');
      expect(await s.speakerAliases([id, id + 1000])).toEqual([['the minister'], []]);
      expect((await s.mostQuotedSpeakers(5)).map((r) => r.speakerId)).toEqual([id]);
    });
  });
}
