// Migrations on a real PostgreSQL: once, however many instances start together.
import { expect, it } from 'vitest';
import { describePg, usePostgres } from '../../helpers/postgres.ts';
import { migratePostgres } from '../../../src/store/postgres/migrate.ts';
import { pgMigrations } from '../../../src/store/postgres/migrations/index.ts';

const pg = usePostgres();

describePg('PostgreSQL migrations', () => {
  it('GIVEN six instances migrating one fresh schema at the same moment THEN each migration is applied exactly once', async () => {
    const pools = Array.from({ length: 6 }, () => pg.newPool(2));
    const results = await Promise.all(pools.map((p) => migratePostgres(p)));
    const all = results.flatMap((r) => r.applied).sort((a, b) => a - b);
    expect(all).toEqual(pgMigrations.map((m) => m.version).sort((a, b) => a - b));
    const rows = await pg.pool().query<{ version: number; n: number }>('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version');
    expect(rows.rows).toEqual(pgMigrations.map((m) => ({ version: m.version, n: 1 })));
  });

  it('GIVEN a migrated schema WHEN an instance starts again THEN nothing is applied and the tables are there', async () => {
    const again = await migratePostgres(pg.pool());
    expect(again.applied).toEqual([]);
    const tables = await pg.pool().query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`);
    expect(tables.rows.map((r) => r.t)).toEqual(expect.arrayContaining([
      'articles', 'digest_deliveries', 'digest_subscriptions', 'quotes', 'schema_migrations', 'slack_installations',
      'source_files', 'speaker_aliases', 'speaker_keys', 'speakers',
    ]));
  });

  it('GIVEN a migration that fails THEN it is not recorded and the error names it', async () => {
    const bad = { version: 99, name: 'broken', sql: 'CREATE TABLE articles (id int)' };
    await expect(migratePostgres(pg.pool(), [...pgMigrations, bad])).rejects.toThrow(/migration 99 \(broken\)/);
    const r = await pg.pool().query('SELECT 1 FROM schema_migrations WHERE version = 99');
    expect(r.rowCount).toBe(0);
  });
});
