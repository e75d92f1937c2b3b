// Opens the Slack installation store where the rest of the data lives: PostgreSQL when
// DATABASE_URL is set (migrated under the advisory lock), else the SQLite file.
import type { InstallationStore } from '../app/ports/installations.ts';
import { createSqliteInstallationStore } from './installations.ts';
import { migratePostgres } from './postgres/migrate.ts';
import { createPgInstallationStore } from './postgres/installations.ts';
import { createPool, pingDatabase } from './postgres/pool.ts';

export interface OpenedInstallations {
  store: InstallationStore;
  /** Readiness: the database answers. */
  ping(): Promise<boolean>;
}

export async function openInstallationStore(opts: { databaseUrl: string | null; dbPath: string; instanceId: string }): Promise<OpenedInstallations> {
  if (!opts.databaseUrl) {
    const store = createSqliteInstallationStore(opts.dbPath);
    return { store, ping: async () => (await store.find('-'), true) };
  }
  const pool = createPool({ url: opts.databaseUrl, max: 4, applicationName: `newsbrief ${opts.instanceId}` });
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return { store: createPgInstallationStore(pool, { closePool: true }), ping: () => pingDatabase(pool) };
}
