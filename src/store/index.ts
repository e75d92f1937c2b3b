// Opens the store a location names: a postgres:// (postgresql://) URL, DATABASE_URL, for the
// PostgreSQL store shared by instances; else a SQLite file path (or ':memory:'). Backends import the port (app/ports/), never the other way round.
import type { RateBudget, Store } from '../app/ports.ts';
import { openPostgresStore, type PgStore } from './postgres/open-postgres-store.ts';
import { createPgRateBudget } from './postgres/rate-budget.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';

export async function openStore(locationOrUrl: string, opts: { instanceId?: string } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(locationOrUrl)) return openPostgresStore({ url: locationOrUrl, instanceId: opts.instanceId });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(locationOrUrl) && !/^file:\/\//i.test(locationOrUrl)) {
    throw new Error(`unsupported store location: ${locationOrUrl.replace(/\/\/[^@/]*@/, '//…@')} (a SQLite file path or a postgres:// URL)`);
  }
  return openSqliteStore(locationOrUrl.replace(/^file:\/\//i, ''));
}

/** The request budget all instances share: on PostgreSQL a token bucket row per key; none on SQLite (one process). */
export function sharedRateBudget(store: Store): RateBudget | null {
  const pool = (store as Partial<PgStore>).pool;
  return pool ? createPgRateBudget(pool) : null;
}
