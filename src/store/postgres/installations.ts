// Slack installations in PostgreSQL (migration 003), shared by every instance.
import type { InstallationStore } from '../../app/ports/installations.ts';
import { toInstallation } from '../installations.ts';
import type { PgPool } from './pool.ts';

export function createPgInstallationStore(pool: PgPool, opts: { closePool?: boolean } = {}): InstallationStore {
  return {
    async save(i, at) {
      await pool.query(
        `INSERT INTO slack_installations (team_id, enterprise_id, team_name, bot_user_id, bot_token, installation, installed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (team_id, enterprise_id) DO UPDATE SET team_name = excluded.team_name, bot_user_id = excluded.bot_user_id,
           bot_token = excluded.bot_token, installation = excluded.installation, installed_at = excluded.installed_at,
           revoked_at = NULL, revoked_reason = NULL`,
        [i.teamId, i.enterpriseId ?? '', i.teamName, i.botUserId, i.botToken, JSON.stringify(i.installation), at],
      );
    },
    async find(teamId, enterpriseId = null) {
      const r = await pool.query(
        'SELECT * FROM slack_installations WHERE team_id = $1 AND enterprise_id = $2 AND revoked_at IS NULL',
        [teamId, enterpriseId ?? ''],
      );
      return r.rows[0] ? toInstallation(r.rows[0]) : null;
    },
    async revoke(teamId, enterpriseId, reason, at) {
      const r = await pool.query(
        `UPDATE slack_installations SET bot_token = '', installation = '{}'::jsonb, revoked_at = $3, revoked_reason = $4
         WHERE team_id = $1 AND enterprise_id = $2 AND revoked_at IS NULL`,
        [teamId, enterpriseId ?? '', at, reason],
      );
      return r.rowCount === 1;
    },
    async close() {
      if (opts.closePool) await pool.end();
    },
  };
}
