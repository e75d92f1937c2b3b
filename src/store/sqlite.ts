// The embedded store: better-sqlite3 with WAL, migrations and FTS5, behind the Store port.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../app/ports.ts';
import { createArticleStore } from './articles.ts';
import { createDigestStore } from './digests.ts';
import { migrations } from './migrations/index.ts';

export type Db = Database.Database;

/** Opens (creating if needed) the database at `path` and brings its schema up to date. */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const articles = createArticleStore(db);
  return {
    ...articles,
    digests: createDigestStore(db),
    close: () => db.close(),
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
