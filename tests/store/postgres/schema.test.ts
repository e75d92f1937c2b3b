// The PostgreSQL article schema: dedupe keys that hold under concurrent ingestion, and
// full-text search that ranks headline over lead over body and never errors on user syntax.
import { beforeAll, expect, it } from 'vitest';
import { describePg, usePostgres } from '../../helpers/postgres.ts';
import { migratePostgres } from '../../../src/store/postgres/migrate.ts';
import { rankedArticleIds } from '../../../src/store/postgres/search.ts';

const pg = usePostgres();

interface Row { guid: string | null; url: string | null; hash: string; headline: string; lead?: string; body: string }

const INSERT = `INSERT INTO articles (guid, url, content_hash, format, headline, headline_from, ingested_at, sort_key, lead, body, key_points)
  VALUES ($1, $2, $3, 'text', $4, 'title', now(), $5, $6, $7, '[]'::jsonb)
  ON CONFLICT DO NOTHING RETURNING id`;

function params(r: Row, sort = '2026-01-01') {
  return [r.guid, r.url, r.hash, r.headline, sort, r.lead ?? '', r.body];
}

describePg('PostgreSQL article schema', () => {
  beforeAll(async () => {
    await migratePostgres(pg.pool());
  });

  it('GIVEN eight instances ingesting the same item at the same moment THEN one row is stored and the others see a conflict', async () => {
    const pools = Array.from({ length: 8 }, () => pg.newPool(1));
    const row: Row = { guid: 'urn:same', url: 'https://example.test/same', hash: 'h-same', headline: 'Same story', body: 'Body.' };
    const results = await Promise.all(pools.map((p) => p.query(INSERT, params(row))));
    expect(results.filter((r) => r.rowCount === 1)).toHaveLength(1);
    const n = await pg.pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM articles WHERE guid = 'urn:same'`);
    expect(n.rows[0]!.n).toBe(1);
  });

  it.each([
    ['the same guid, other url and text', { guid: 'urn:g1', url: 'https://example.test/other', hash: 'h-other' }],
    ['the same url, no guid', { guid: null, url: 'https://example.test/u1', hash: 'h-u-other' }],
    ['the same content, no guid or url', { guid: null, url: null, hash: 'h-c1' }],
  ])('GIVEN a stored article WHEN another arrives with %s THEN it is a duplicate', async (_label, dup) => {
    const first: Row = { guid: 'urn:g1', url: 'https://example.test/u1', hash: 'h-c1', headline: 'First', body: 'x' };
    await pg.pool().query(INSERT, params(first));
    const again = await pg.pool().query(INSERT, params({ ...dup, headline: 'Again', body: 'y' }));
    expect(again.rowCount).toBe(0);
  });

  it('GIVEN articles without guid or url THEN they are all kept (NULL keys never collide)', async () => {
    const a = await pg.pool().query(INSERT, params({ guid: null, url: null, hash: 'h-n1', headline: 'N1', body: 'a' }));
    const b = await pg.pool().query(INSERT, params({ guid: null, url: null, hash: 'h-n2', headline: 'N2', body: 'b' }));
    expect([a.rowCount, b.rowCount]).toEqual([1, 1]);
  });

  it('GIVEN the word in a headline, a lead and a body THEN search ranks headline, then lead, then body', async () => {
    await pg.pool().query(INSERT, params({ guid: 'r-body', url: null, hash: 'r-body', headline: 'Markets close', lead: 'Traders left early.', body: 'Later a glacier calved in the north.' }));
    await pg.pool().query(INSERT, params({ guid: 'r-head', url: null, hash: 'r-head', headline: 'Glacier retreats again', lead: 'Scientists measured it.', body: 'The ice is thin.' }));
    await pg.pool().query(INSERT, params({ guid: 'r-lead', url: null, hash: 'r-lead', headline: 'Climate report', lead: 'The glacier is melting fast.', body: 'Numbers follow.' }));
    const r = await pg.pool().query<{ id: number }>(`SELECT a.guid FROM (${rankedArticleIds('$1', '$2')}) hit JOIN articles a USING (id) ORDER BY hit.rank DESC`, ['glaciers', 10]);
    expect(r.rows.map((x) => (x as unknown as { guid: string }).guid)).toEqual(['r-head', 'r-lead', 'r-body']);
  });

  it('GIVEN a quoted phrase or a minus word THEN they mean what a search box means', async () => {
    const q = (topic: string) =>
      pg.pool().query<{ guid: string }>(`SELECT a.guid FROM (${rankedArticleIds('$1', '$2')}) hit JOIN articles a USING (id) ORDER BY a.guid`, [topic, 10]).then((r) => r.rows.map((x) => x.guid));
    expect(await q('"glacier retreats"')).toEqual(['r-head']);
    expect(await q('glacier -climate')).toEqual(['r-body', 'r-head']);
  });

  it.each(['"unclosed', 'a & | ! (', "o'brien's", ':*', '', '   ', 'OR OR -', '<->'])(
    'GIVEN the user types %j THEN search answers without an error',
    async (topic) => {
      await expect(pg.pool().query(rankedArticleIds('$1', '$2'), [topic, 5])).resolves.toBeDefined();
    },
  );
});
