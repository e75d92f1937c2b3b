// Applies the numbered PostgreSQL migrations exactly once, however many instances start at the
// same moment: every migrator takes one advisory lock (per schema) before looking at
// schema_migrations, so the second one waits, then finds everything applied.
import type { PgPool } from './pool.ts';
import { pgMigrations, type PgMigration } from './migrations/index.ts';

export interface MigrateResult {
  /** Versions this call applied (empty when another instance had already done it). */
  applied: number[];
}

const LOCK = `hashtextextended('newsbrief:migrate:' || current_schema(), 0)`;

export async function migratePostgres(pool: PgPool, migrations: PgMigration[] = pgMigrations): Promise<MigrateResult> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
      );
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`PostgreSQL migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(m.version);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`).catch(() => {});
    }
  } finally {
    client.release();
  }
  return { applied };
}
