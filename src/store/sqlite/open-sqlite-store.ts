// The embedded store: better-sqlite3 with WAL, migrations and FTS5, behind the async Store port.
//
// Transactions and the mutex: better-sqlite3 is synchronous and this store has one connection,
// so a statement run while a transaction is open would join it. `transaction(fn)` therefore
// takes an in-process mutex, runs BEGIN IMMEDIATE (SQLite's write lock, so other processes on
// the same file wait up to busy_timeout), awaits fn(session), and COMMITs, or ROLLs BACK when fn
// rejects. Every call on the store itself while the mutex is held waits until the transaction
// ends; calls on the session run at once, and reject once their transaction is over. With no
// transaction open a call runs its statement(s) synchronously at once and returns a settled
// promise: no queueing and no per-call overhead on the hot path beyond the promise itself.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleStore, DigestStore, SpeakerStore, Store, StoreSession, StoryStore } from '../../app/ports.ts';
import { createArticleStore } from './articles.ts';
import { createDigestStore } from './digests.ts';
import { migrations } from './migrations/index.ts';
import { createSpeakerStore } from './speakers.ts';
import { createStoryStore } from './stories.ts';
import type { Db, Sync } from './sync.ts';

type Call = <R>(fn: () => R) => Promise<R>;

function settle<R>(fn: () => R): Promise<R> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(err);
  }
}

/** The async face of a Sync<T> part: every method goes through `call`. */
function wrap<T extends object>(sync: Sync<T>, call: Call): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(sync as Record<string, (...args: unknown[]) => unknown>)) {
    out[name] = (...args: unknown[]) => call(() => fn(...args));
  }
  return out as T;
}

/** Opens (creating if needed) the SQLite database at `path` and brings its schema up to date. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const parts = { articles: createArticleStore(db), speakers: createSpeakerStore(db), digests: createDigestStore(db), stories: createStoryStore(db) };

  // The mutex: set while a transaction holds the connection; resolves when it ends.
  let held: Promise<void> | null = null;
  let closed = false;

  const direct: Call = (fn) => {
    if (held) return held.then(() => direct(fn));
    return settle(fn);
  };

  function session(call: Call, transaction: StoreSession['transaction']): StoreSession {
    return {
      ...wrap<ArticleStore>(parts.articles, call),
      ...wrap<SpeakerStore>(parts.speakers, call),
      ...wrap<StoryStore>(parts.stories, call),
      digests: wrap<DigestStore>(parts.digests, call),
      transaction,
    };
  }

  async function transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T> {
    while (held) await held;
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    let open = true;
    const inTx: Call = (f) => (open ? settle(f) : Promise.reject(new Error('store transaction already finished')));
    const tx: StoreSession = session(inTx, (inner) => inner(tx)); // a nested transaction joins this one
    try {
      begin.run();
      try {
        const result = await fn(tx);
        commit.run();
        return result;
      } catch (err) {
        if (db.inTransaction) rollback.run();
        throw err;
      }
    } finally {
      open = false;
      held = null;
      release();
    }
  }

  return {
    ...session(direct, transaction),
    async close() {
      while (held) await held;
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Applies every migration not yet recorded, each in its own IMMEDIATE transaction. */
export function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const run = db.transaction(() => {
      // re-check inside the write lock: another process may have migrated meanwhile
      if (applied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    });
    if (!applied.get(m.version)) run.immediate();
  }
}
