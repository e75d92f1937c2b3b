// The PostgreSQL side of the store as far as phase 1 goes: pool, migrations, the digest and
// installation stores. Phase 2 adds the article/speaker store behind the async Store port.
import { createPgDigestStore, type PgDigestStore } from './digests.ts';
import { createPgInstallationStore } from './installations.ts';
import { migratePostgres } from './migrate.ts';
import { createPool, pingDatabase, type PgPool } from './pool.ts';
import type { InstallationStore } from '../../app/ports/installations.ts';

export interface PostgresStores {
  pool: PgPool;
  digests: PgDigestStore;
  installations: InstallationStore;
  /** Readiness: the server answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, applies the migrations once (advisory lock), opens the stores. */
export async function openPostgres(opts: { url: string; schema?: string | null; instanceId: string; max?: number }): Promise<PostgresStores> {
  const pool = createPool({ url: opts.url, schema: opts.schema ?? null, max: opts.max ?? 10, applicationName: `newsbrief ${opts.instanceId}` });
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return {
    pool,
    digests: createPgDigestStore(pool),
    installations: createPgInstallationStore(pool),
    ping: () => pingDatabase(pool),
    close: () => pool.end(),
  };
}

export { createPool, migratePostgres };
/** The full Store on PostgreSQL (what openStore opens for a postgres:// URL; bench/stores.ts looks for it here). */
export { openPostgresStore, type PgStore } from './open-postgres-store.ts';
