import type { PgMigration } from './migration.ts';

// Live sources (issue 12) on PostgreSQL: SQLite migration 003 in PostgreSQL's terms. Instants
// are ISO-8601 UTC text in the "C" collation, so they compare as on SQLite.
export const sourcesSchema: PgMigration = {
  version: 7,
  name: 'sources',
  sql: `
CREATE TABLE sources (
  url               TEXT PRIMARY KEY,
  label             TEXT,
  origin            TEXT NOT NULL,
  added_by          TEXT NOT NULL,
  added_at          TEXT COLLATE "C" NOT NULL,
  in_config         BOOLEAN NOT NULL DEFAULT FALSE,
  full_text         BOOLEAN NOT NULL DEFAULT TRUE,
  etag              TEXT,
  last_modified     TEXT,
  next_poll_at      TEXT COLLATE "C" NOT NULL,
  failures          INTEGER NOT NULL DEFAULT 0,
  failing           BOOLEAN NOT NULL DEFAULT FALSE,
  last_error        TEXT,
  last_reason       TEXT,
  last_polled_at    TEXT COLLATE "C",
  last_result       TEXT,
  last_new_at       TEXT COLLATE "C",
  last_new_headline TEXT
);
CREATE INDEX sources_due ON sources (next_poll_at);
ALTER TABLE articles ADD COLUMN updated_at TEXT;
ALTER TABLE articles ADD COLUMN item_hash TEXT;
`,
};
