// Digest subscriptions and deliveries. Portable SQL (SQLite and PostgreSQL): text ids and
// ISO-8601 UTC instants (which sort as text), no AUTOINCREMENT, no SQLite-only functions.
import type { Migration } from './migration.ts';

export const digestsSchema: Migration = {
  version: 2,
  name: 'digests',
  sql: `
CREATE TABLE digest_subscriptions (
  id            TEXT PRIMARY KEY,
  platform      TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  workspace_id  TEXT,
  schedule      TEXT NOT NULL,          -- cron expression (5 or 6 fields)
  time_input    TEXT NOT NULL,          -- what the user typed ("08:00" or the cron expression)
  timezone      TEXT NOT NULL,          -- IANA name
  topic         TEXT,
  created_by    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  active_since  TEXT NOT NULL,          -- last (re)subscribe: no slot before it is delivered
  paused_reason TEXT,                   -- set by a permanent delivery failure
  paused_at     TEXT,
  UNIQUE (platform, channel_id)
);

-- One row per (subscription, slot): the claim that makes each slot delivered at most once.
-- status: claimed -> sending -> sent | empty | failed
CREATE TABLE digest_deliveries (
  subscription_id TEXT NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
  slot            TEXT NOT NULL,        -- the scheduled instant (ISO-8601 UTC); "now" digests use the request time
  kind            TEXT NOT NULL,        -- scheduled | late | manual
  status          TEXT NOT NULL,
  owner           TEXT NOT NULL,        -- the process (service instance) holding the claim
  lease_until     TEXT NOT NULL,        -- a claim not finished by then may be taken over
  attempts        INTEGER NOT NULL DEFAULT 0,
  window_from     TEXT,
  window_until    TEXT,
  story_count     INTEGER,
  message_id      TEXT,
  error           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (subscription_id, slot)
);

CREATE INDEX digest_deliveries_open ON digest_deliveries (status, lease_until);
`,
};
