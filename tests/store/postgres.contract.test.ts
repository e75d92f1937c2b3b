// The Store contract on the PostgreSQL backend, each test in a fresh schema (dropped after).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { describeStoreContract } from './contract/store-contract.ts';
import { describePg, TEST_DATABASE_URL } from '../helpers/postgres.ts';

const schemas: string[] = [];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  for (const s of schemas) await admin(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => {});
});

describePg('PostgreSQL store', () => {
  describeStoreContract('PostgreSQL', {
    create: async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      await admin(`CREATE SCHEMA ${schema}`);
      return schema;
    },
    open: (schema) => openPostgresStore({ url: TEST_DATABASE_URL, schema, max: 4 }),
  });
});
