// The digest part of the Store contract (tests/store/contract) on the PostgreSQL digest store,
// each test in a fresh schema. Phase 2 runs the whole contract once the article store exists.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { Store } from '../../../src/app/ports.ts';
import { createPgDigestStore } from '../../../src/store/postgres/digests.ts';
import { migratePostgres } from '../../../src/store/postgres/migrate.ts';
import { createPool, type PgPool } from '../../../src/store/postgres/pool.ts';
import { describeDigestContract } from '../contract/digests-contract.ts';
import { describePg, TEST_DATABASE_URL } from '../../helpers/postgres.ts';

const schemaOf = new WeakMap<Store, string>();
const schemas: string[] = [];
const pools: PgPool[] = [];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A Store whose digest part is the PostgreSQL store (all the digest contract uses). */
function digestOnlyStore(schema: string): Store {
  const pool = createPool({ url: TEST_DATABASE_URL, schema, max: 4 });
  pools.push(pool);
  const store = { digests: createPgDigestStore(pool), close: async () => {} } as unknown as Store;
  schemaOf.set(store, schema);
  return store;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end().catch(() => {})));
  for (const s of schemas) await admin(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => {});
});

describePg('Store contract (digests) on PostgreSQL', () => {
  describeDigestContract(
    async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      await admin(`CREATE SCHEMA ${schema}`);
      const store = digestOnlyStore(schema);
      const pool = createPool({ url: TEST_DATABASE_URL, schema, max: 1 });
      await migratePostgres(pool);
      await pool.end();
      return store;
    },
    async (s) => digestOnlyStore(schemaOf.get(s)!),
  );
});
