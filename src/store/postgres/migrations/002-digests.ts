import type { PgMigration } from './migration.ts';

// Digest subscriptions and deliveries (src/store/migrations/002 in PostgreSQL's terms).
// Instants are timestamptz; the slot stays the ISO-8601 text the scheduler computed, since it
// is part of the key every instance derives the same way.
export const digestsSchema: PgMigration = {
  version: 2,
  name: 'digests',
  sql: `
CREATE TABLE digest_subscriptions (
  id            TEXT PRIMARY KEY,
  platform      TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  workspace_id  TEXT,
  schedule      TEXT NOT NULL,
  time_input    TEXT NOT NULL,
  timezone      TEXT NOT NULL,
  topic         TEXT,
  created_by    TEXT,
  created_at    TIMESTAMPTZ NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL,
  active_since  TIMESTAMPTZ NOT NULL,
  paused_reason TEXT,
  paused_at     TIMESTAMPTZ,
  CONSTRAINT digest_subscriptions_channel UNIQUE (platform, channel_id)
);
CREATE INDEX digest_subscriptions_workspace ON digest_subscriptions (platform, workspace_id);

-- One row per (subscription, slot): the claim that makes each slot delivered by one instance.
-- status: claimed -> sending -> sent | empty | failed
CREATE TABLE digest_deliveries (
  subscription_id TEXT NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
  slot            TEXT COLLATE "C" NOT NULL,
  kind            TEXT NOT NULL,
  status          TEXT NOT NULL,
  owner           TEXT NOT NULL,
  lease_until     TIMESTAMPTZ NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  window_from     TIMESTAMPTZ,
  window_until    TIMESTAMPTZ,
  story_count     INTEGER,
  message_id      TEXT,
  error           TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (subscription_id, slot)
);
CREATE INDEX digest_deliveries_open ON digest_deliveries (lease_until) WHERE status IN ('claimed', 'sending');
`,
};
