// Two instances on one PostgreSQL database ingesting the same item at the same moment: the unique
// keys decide (ON CONFLICT), so it is stored once and both ingesters name the stored article.
import { describe, expect, it } from 'vitest';
import { DuplicateArticleError } from '../../../src/app/ports.ts';
import { storeArticle } from '../../../src/app/store-article.ts';
import { findSpeakers } from '../../../src/app/speakers/find-speakers.ts';
import { contentHash, guidKey } from '../../../src/core/dedupe-keys.ts';
import { openPostgresStore, type PgStore } from '../../../src/store/postgres/open-postgres-store.ts';
import { article, at, briefing, person, q } from '../contract/fixtures.ts';
import { describePg, TEST_DATABASE_URL, usePostgres } from '../../helpers/postgres.ts';

const pg = usePostgres();

describePg('PostgreSQL ingestion race', () => {
  const open = () => openPostgresStore({ url: TEST_DATABASE_URL, schema: pg.schema(), max: 4 });
  const item = (i: number) => article({ guid: `race-${i}`, url: `https://x.test/race-${i}`, body: `Race ${i}: the ferry sails.` });
  const told = (i: number) => briefing(`Race ${i}`, [q(`We sail at ${i}.`, 'Ann Lee')], [person('Ann Lee')]);

  it('GIVEN two instances storing the same items at the same moment THEN each is stored once and both get its id', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    try {
      for (let i = 0; i < 20; i++) {
        const when = at('2024-01-01T00:00:00Z');
        const results = await Promise.all([storeArticle(a, item(i), told(i), when), storeArticle(b, item(i), told(i), when)]);
        expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'stored']);
        expect(results[0]!.articleId).toBe(results[1]!.articleId);
      }
      expect(await a.countArticles()).toBe(20);
      expect((await findSpeakers(a, 'Ann Lee', 5)).map((r) => [r.name, r.quoteCount])).toEqual([['Ann Lee', 20]]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('GIVEN an insert whose key another instance took after our probes THEN it rejects naming the stored article, leaving nothing', async () => {
    const s: PgStore = await open();
    try {
      const first = await storeArticle(s, item(100), told(100), at('2024-01-02T00:00:00Z'));
      const a = item(100);
      const before = await s.countArticles();
      const err = await s
        .insertArticle({ article: { ...a, url: null }, briefing: told(100), ingestedAt: at('2024-01-02T00:00:01Z'), guidKey: guidKey(a), contentHash: 'other', quotes: [] })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DuplicateArticleError);
      expect(err).toMatchObject({ articleId: first.articleId, matchedBy: 'guid' });
      const byHash = await s
        .insertArticle({ article: { ...a, guid: null, url: null }, briefing: told(100), ingestedAt: at('2024-01-02T00:00:01Z'), guidKey: null, contentHash: contentHash(a), quotes: [] })
        .catch((e: unknown) => e);
      expect(byHash).toMatchObject({ articleId: first.articleId, matchedBy: 'hash' });
      expect(await s.countArticles()).toBe(before);
    } finally {
      await s.close();
    }
  });
});
