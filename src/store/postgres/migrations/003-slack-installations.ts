import type { PgMigration } from './migration.ts';

// Slack workspaces that installed the app ("Add to Slack"); see store/installations-sql.ts.
export const slackInstallationsSchema: PgMigration = {
  version: 3,
  name: 'slack installations',
  sql: `
CREATE TABLE slack_installations (
  team_id       TEXT NOT NULL,
  enterprise_id TEXT NOT NULL DEFAULT '',
  team_name     TEXT,
  bot_user_id   TEXT,
  bot_token     TEXT NOT NULL,
  installation  JSONB NOT NULL,
  installed_at  TIMESTAMPTZ NOT NULL,
  revoked_at    TIMESTAMPTZ,
  revoked_reason TEXT,
  PRIMARY KEY (team_id, enterprise_id)
);
`,
};
