// What the PostgreSQL store parts run their statements on: the pool (each statement on its own)
// or one checked-out client (inside a Store transaction). Both have node-postgres' `query`.
import type pg from 'pg';

export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Runs `fn` atomically on `Sql`: a transaction of its own on the pool, or the caller's on a client. */
export type Atomically = <T>(fn: (db: Sql) => Promise<T>) => Promise<T>;
