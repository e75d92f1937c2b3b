// Live sources (issue 12): the feeds the poller follows, with their poll state; and when an
// article was last edited. Portable SQL (SQLite and PostgreSQL): text keys, ISO-8601 UTC instants
// (which sort as text), integers for flags.
import type { Migration } from './migration.ts';

export const sourcesSchema: Migration = {
  version: 3,
  name: 'sources',
  sql: `
CREATE TABLE sources (
  url              TEXT PRIMARY KEY,     -- checked http(s) URL (core/source-url.ts)
  label            TEXT,
  origin           TEXT NOT NULL,        -- config | chat | cli
  added_by         TEXT NOT NULL,        -- "config", "cli", or "<platform>:<user id>"
  added_at         TEXT NOT NULL,
  in_config        INTEGER NOT NULL DEFAULT 0, -- listed in FEEDS / FEEDS_FILE at the last start
  full_text        INTEGER NOT NULL DEFAULT 1, -- fetch the page of teaser-only items
  etag             TEXT,
  last_modified    TEXT,
  next_poll_at     TEXT NOT NULL,
  failures         INTEGER NOT NULL DEFAULT 0,
  failing          INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  last_reason      TEXT,
  last_polled_at   TEXT,
  last_result      TEXT,                 -- plain words: "3 new, 1 updated", "not modified", the error
  last_new_at      TEXT,                 -- when the poller last stored a new story from it
  last_new_headline TEXT
);
CREATE INDEX sources_due ON sources (next_poll_at);
ALTER TABLE articles ADD COLUMN updated_at TEXT;   -- last edit (same guid or link, new text)
ALTER TABLE articles ADD COLUMN item_hash TEXT;    -- content hash of the feed item as the feed gave it (before full text)
`,
};
