// The PostgreSQL store behind the async Store port (DATABASE_URL=postgres://…).
//
// Transactions: `transaction(fn)` checks one client out of the pool, runs BEGIN, hands fn a
// session bound to that client, and COMMITs, or ROLLs BACK when fn rejects. As the port says
// (and as on SQLite), calls on the Store itself wait while one of its transactions is open, so
// no use case in this process reads around another's half-done work; calls outside
// transactions run on the pool concurrently. Across instances PostgreSQL decides: unique keys
// with ON CONFLICT (articles, speakers, delivery claims) so concurrent writers never store twice.
import type { Store, StoreSession } from '../../app/ports.ts';
import { createPgArticleStore } from './articles.ts';
import { createPgDigestStore, type PgDigestStore } from './digests.ts';
import { migratePostgres } from './migrate.ts';
import { createPool, inTransaction, type PgClient, type PgPool } from './pool.ts';
import { createPgSourceStore } from './sources.ts';
import { createPgSpeakerStore } from './speakers.ts';
import { createPgStoryStore } from './stories.ts';
import type { Atomically, Sql } from './sql.ts';

export interface PgStore extends Store {
  digests: PgDigestStore;
  readonly pool: PgPool;
}

export interface PgStoreOptions {
  url: string;
  /** search_path (tests: a fresh schema per run); default the server's. */
  schema?: string | null;
  /** pg_stat_activity application name suffix. */
  instanceId?: string;
  max?: number;
}

const ownTransaction = (pool: PgPool): Atomically => (fn) => inTransaction(pool, fn);

function parts(db: Sql, atomically: Atomically) {
  return {
    ...createPgArticleStore(db, atomically),
    ...createPgSpeakerStore(db),
    ...createPgStoryStore(db),
    digests: createPgDigestStore(db, atomically),
    sources: createPgSourceStore(db),
  };
}

/** Wraps every method (and digests') so each call first waits for `gate`. */
function gated<T extends object>(target: T, gate: () => Promise<void>): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(target as Record<string, unknown>)) {
    if (typeof fn !== 'function') continue;
    out[name] = async (...args: unknown[]) => {
      await gate();
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
  }
  return out as T;
}

/** Connects, migrates (once across instances: advisory lock) and opens the store. */
export async function openPostgresStore(urlOrOptions: string | PgStoreOptions): Promise<PgStore> {
  const opts: PgStoreOptions = typeof urlOrOptions === 'string' ? { url: urlOrOptions } : urlOrOptions;
  const pool = createPool({ url: opts.url, schema: opts.schema ?? null, max: opts.max ?? 10, applicationName: `newsbrief ${opts.instanceId ?? ''}`.trim() });
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  let held: Promise<void> | null = null;
  let closed = false;
  const gate = async () => {
    while (held) await held;
    if (closed) throw new Error('store closed');
  };

  function sessionOn(client: PgClient, isOpen: () => boolean): StoreSession {
    const guard = async () => {
      if (!isOpen()) throw new Error('store transaction already finished');
    };
    const inner: Atomically = (fn) => fn(client); // already in the transaction
    const p = parts(client, inner);
    const tx: StoreSession = {
      ...gated(p, guard),
      digests: gated(p.digests, guard),
      sources: gated(p.sources, guard),
      transaction: (fn) => fn(tx), // a nested transaction joins this one
    };
    return tx;
  }

  async function transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T> {
    await gate();
    while (held) await held;
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    let open = true;
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        try {
          const out = await fn(sessionOn(client, () => open));
          await client.query('COMMIT');
          return out;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw err;
        }
      } finally {
        client.release();
      }
    } finally {
      open = false;
      held = null;
      release();
    }
  }

  const direct = parts(pool, ownTransaction(pool));
  return {
    ...gated(direct, gate),
    digests: gated(direct.digests, gate),
    sources: gated(direct.sources, gate),
    transaction,
    pool,
    async close() {
      while (held) await held;
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
