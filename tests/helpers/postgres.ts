// PostgreSQL for tests: each test file gets its own fresh schema, dropped after.
//
//   const pg = usePostgres();            // at the top of a test file
//   describePg('...', () => { ... pg.pool() ... });
//
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) must answer. When it does not:
// with CI=true the run FAILS (a test says why); otherwise the PostgreSQL tests are skipped and
// the skip is named in the output, so nobody mistakes a skip for a pass.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPool, type PgPool } from '../../src/store/postgres/pool.ts';

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL tests cannot run here, or null when the server answers (probed once per file). */
export const unavailable: string | null = await probe(TEST_DATABASE_URL);

/**
 * `describe` for tests that need PostgreSQL. Unreachable: under CI a failing test names the
 * reason; elsewhere a skipped block whose title says it was skipped and why.
 */
export function describePg(name: string, fn: () => void): void {
  if (unavailable === null) {
    describe(name, fn);
    return;
  }
  if (inCi) {
    describe(name, () => {
      it('needs PostgreSQL (CI=true: required)', () => {
        throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable: ${unavailable}`);
      });
    });
    return;
  }
  describe.skip(`${name} [SKIPPED: no PostgreSQL at ${TEST_DATABASE_URL} (${unavailable}); set DATABASE_URL or start the server]`, fn);
  console.warn(`newsbrief tests: skipped PostgreSQL tests "${name}": ${unavailable}`);
}

export interface TestPostgres {
  /** The fresh schema of this file. */
  schema(): string;
  /** A pool on this file's schema (created once). */
  pool(): PgPool;
  /** Another pool on the same schema (a second instance). Closed after the file. */
  newPool(max?: number): PgPool;
  /** The connection string with this file's schema, for child processes (search_path option). */
  url(): string;
}

/** Creates a fresh schema before the file's tests and drops it (and closes the pools) after. */
export function usePostgres(): TestPostgres {
  let schema = '';
  let main: PgPool | null = null;
  const pools: PgPool[] = [];
  beforeAll(async () => {
    if (unavailable !== null) return;
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await admin.end();
    }
  });
  afterAll(async () => {
    if (unavailable !== null || !schema) return;
    await Promise.all(pools.map((p) => p.end().catch(() => {})));
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end();
    }
  });
  const api: TestPostgres = {
    schema: () => {
      if (!schema) throw new Error('usePostgres: no schema (PostgreSQL unavailable or used outside a test)');
      return schema;
    },
    newPool(max = 10) {
      const p = createPool({ url: TEST_DATABASE_URL, schema: api.schema(), max });
      pools.push(p);
      return p;
    },
    pool() {
      main ??= api.newPool();
      return main;
    },
    url() {
      const u = new URL(TEST_DATABASE_URL);
      u.searchParams.set('options', `-c search_path=${api.schema()}`);
      return u.toString();
    },
  };
  return api;
}
