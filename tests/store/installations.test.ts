// The Slack installation store, on SQLite and on PostgreSQL: save, reinstall, revoke.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstallationStore } from '../../src/app/ports/installations.ts';
import { createSqliteInstallationStore } from '../../src/store/installations.ts';
import { createPgInstallationStore } from '../../src/store/postgres/installations.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { describePg, usePostgres } from '../helpers/postgres.ts';

const pg = usePostgres();
const at = (iso: string) => new Date(iso);
const input = (teamId: string, token: string) => ({
  teamId, enterpriseId: null, teamName: `Team ${teamId}`, botUserId: 'UBOT', botToken: token,
  installation: { team: { id: teamId }, bot: { token, userId: 'UBOT', id: 'BBOT' }, authVersion: 'v2' },
});

function contract(name: string, open: () => Promise<InstallationStore>) {
  describe(`installation store (${name})`, () => {
    let store: InstallationStore;
    beforeAll(async () => {
      store = await open();
    });

    it('GIVEN an install THEN the workspace has its token and the installation as Bolt gave it', async () => {
      await store.save(input('TA', 'xoxb-a'), at('2026-12-01T00:00:00Z'));
      expect(await store.find('TA')).toEqual({ ...input('TA', 'xoxb-a'), installedAt: '2026-12-01T00:00:00.000Z' });
      expect(await store.find('T-never')).toBeNull();
    });

    it('GIVEN a reinstall THEN the new token replaces the old one', async () => {
      await store.save(input('TB', 'xoxb-b1'), at('2026-12-01T00:00:00Z'));
      await store.save(input('TB', 'xoxb-b2'), at('2026-12-02T00:00:00Z'));
      expect((await store.find('TB'))?.botToken).toBe('xoxb-b2');
    });

    it('GIVEN an uninstall THEN the token is gone, a second revoke is a no-op, and a reinstall brings it back', async () => {
      await store.save(input('TC', 'xoxb-c'), at('2026-12-01T00:00:00Z'));
      expect(await store.revoke('TC', null, 'uninstalled', at('2026-12-03T00:00:00Z'))).toBe(true);
      expect(await store.find('TC')).toBeNull();
      expect(await store.revoke('TC', null, 'uninstalled', at('2026-12-03T00:00:00Z'))).toBe(false);
      await store.save(input('TC', 'xoxb-c2'), at('2026-12-04T00:00:00Z'));
      expect((await store.find('TC'))?.botToken).toBe('xoxb-c2');
    });
  });
}

contract('sqlite', async () => createSqliteInstallationStore(join(mkdtempSync(join(tmpdir(), 'nb-inst-')), 'x.db')));

describePg('installation store on PostgreSQL', () => {
  contract('postgres', async () => {
    await migratePostgres(pg.pool());
    return createPgInstallationStore(pg.pool());
  });

  it('GIVEN a revoked installation THEN no token is left in the table', async () => {
    const store = createPgInstallationStore(pg.pool());
    await store.save(input('TZ', 'xoxb-secret'), at('2026-12-01T00:00:00Z'));
    await store.revoke('TZ', null, 'tokens_revoked', at('2026-12-02T00:00:00Z'));
    const raw = await pg.pool().query(`SELECT bot_token, installation::text AS inst, revoked_reason FROM slack_installations WHERE team_id = 'TZ'`);
    expect(raw.rows[0]).toEqual({ bot_token: '', inst: '{}', revoked_reason: 'tokens_revoked' });
  });
});
