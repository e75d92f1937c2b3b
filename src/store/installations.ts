// Slack installations in the SQLite file, on a connection of their own (WAL lets it share the
// file with the main store). The table is created here, idempotently.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { InstallationStore, SlackInstallation } from '../app/ports/installations.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS slack_installations (
  team_id        TEXT NOT NULL,
  enterprise_id  TEXT NOT NULL DEFAULT '',
  team_name      TEXT,
  bot_user_id    TEXT,
  bot_token      TEXT NOT NULL,
  installation   TEXT NOT NULL,
  installed_at   TEXT NOT NULL,
  revoked_at     TEXT,
  revoked_reason TEXT,
  PRIMARY KEY (team_id, enterprise_id)
)`;

interface Row {
  team_id: string;
  enterprise_id: string;
  team_name: string | null;
  bot_user_id: string | null;
  bot_token: string;
  installation: string;
  installed_at: string;
}

export function toInstallation(r: Omit<Row, 'installation' | 'installed_at'> & { installation: unknown; installed_at: string | Date }): SlackInstallation {
  return {
    teamId: r.team_id,
    enterpriseId: r.enterprise_id || null,
    teamName: r.team_name,
    botUserId: r.bot_user_id,
    botToken: r.bot_token,
    installation: typeof r.installation === 'string' ? JSON.parse(r.installation) : r.installation,
    installedAt: r.installed_at instanceof Date ? r.installed_at.toISOString() : r.installed_at,
  };
}

export function createSqliteInstallationStore(path: string): InstallationStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const upsert = db.prepare(`INSERT INTO slack_installations (team_id, enterprise_id, team_name, bot_user_id, bot_token, installation, installed_at)
    VALUES (@teamId, @enterpriseId, @teamName, @botUserId, @botToken, @installation, @at)
    ON CONFLICT (team_id, enterprise_id) DO UPDATE SET team_name = excluded.team_name, bot_user_id = excluded.bot_user_id,
      bot_token = excluded.bot_token, installation = excluded.installation, installed_at = excluded.installed_at,
      revoked_at = NULL, revoked_reason = NULL`);
  const get = db.prepare<[string, string], Row>(
    `SELECT * FROM slack_installations WHERE team_id = ? AND enterprise_id = ? AND revoked_at IS NULL`);
  const revoke = db.prepare(`UPDATE slack_installations SET bot_token = '', installation = '{}', revoked_at = ?, revoked_reason = ?
    WHERE team_id = ? AND enterprise_id = ? AND revoked_at IS NULL`);
  return {
    async save(i, at) {
      upsert.run({ ...i, enterpriseId: i.enterpriseId ?? '', installation: JSON.stringify(i.installation), at: at.toISOString() });
    },
    async find(teamId, enterpriseId = null) {
      const r = get.get(teamId, enterpriseId ?? '');
      return r ? toInstallation(r) : null;
    },
    async revoke(teamId, enterpriseId, reason, at) {
      return revoke.run(at.toISOString(), reason, teamId, enterpriseId ?? '').changes === 1;
    },
    async close() {
      db.close();
    },
  };
}
