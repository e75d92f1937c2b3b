// The PostgreSQL connection pool (node-postgres). BIGINT counts and ids come back as numbers
// (they stay far below 2^53); timestamptz as Date. `schema` pins search_path (tests use one
// fresh schema per file; production uses the database's default, public).
import pg from 'pg';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

export interface PgPoolOptions {
  /** postgres://user:pass@host:port/db (DATABASE_URL). */
  url: string;
  /** Schema to run in (search_path); default: the server's default. */
  schema?: string | null;
  /** Connections in the pool (default 10). */
  max?: number;
  /** Application name shown in pg_stat_activity (the instance id). */
  applicationName?: string;
}

const INT8 = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name we generated or configured, checked: anything unusual is refused. */
export function checkSchema(schema: string): string {
  if (!identifier.test(schema)) throw new Error(`invalid schema name "${schema}" (lowercase letters, digits, _)`);
  return schema;
}

export function createPool(opts: PgPoolOptions): PgPool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    types,
    application_name: opts.applicationName ?? 'newsbrief',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...(opts.schema ? { options: `-c search_path=${checkSchema(opts.schema)}` } : {}),
  });
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

/** Runs `fn` in one transaction on one pooled connection; rolls back on any error. */
export async function inTransaction<T>(pool: PgPool, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** True when the server answers `SELECT 1` (readiness). */
export async function pingDatabase(pool: PgPool): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
