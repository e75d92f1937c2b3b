// "Add to Slack": the options that make Bolt's HTTP receiver serve /slack/install and
// /slack/oauth_redirect through @slack/oauth, with our installation store behind Bolt's
// InstallationStore interface. Tokens pass through here; they are never logged.
import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';
import type { Clock, Logger } from '../../app/ports.ts';
import type { InstallationStore } from '../../app/ports/installations.ts';
import type { SlackOAuthConfig } from '../../config-scale.ts';
import { SLACK_BOT_SCOPES } from './manifest.ts';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

function keyOf(q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean }): { teamId: string; enterpriseId: string | null } {
  const enterpriseId = q.enterpriseId ?? null;
  const teamId = q.isEnterpriseInstall ? enterpriseId : (q.teamId ?? null);
  if (!teamId) throw new Error('slack installation without a team or enterprise id');
  return { teamId, enterpriseId };
}

export function toBoltInstallationStore(store: InstallationStore, clock: Clock, logger: Logger): BoltInstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      const botToken = installation.bot?.token;
      if (!botToken) throw new Error('the installation carries no bot token (was the bot scope granted?)');
      await store.save({
        ...key,
        teamName: installation.team?.name ?? installation.enterprise?.name ?? null,
        botUserId: installation.bot?.userId ?? null,
        botToken,
        installation,
      }, clock.now());
      logger.info({ team: key.teamId, enterprise: key.enterpriseId, name: installation.team?.name }, 'slack: app installed in a workspace');
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      const found = await store.find(key.teamId, key.enterpriseId);
      if (!found) throw new Error(`no Slack installation for ${key.teamId}`);
      return found.installation as Installation<'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      await store.revoke(key.teamId, key.enterpriseId, 'deleted', clock.now());
    },
  };
}

/** HTTPReceiver options for the OAuth flow. */
export function oauthReceiverOptions(oauth: SlackOAuthConfig, store: BoltInstallationStore, clientOptions: { slackApiUrl?: string }) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: store,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      // Bolt's own "Add to Slack" page and the state cookie that ties the redirect to it
      directInstall: false,
      stateVerification: true,
      clientOptions,
    },
  };
}

/** The installation a single-workspace SLACK_BOT_TOKEN stands for (saved at start in OAuth mode). */
export function tokenInstallation(token: string, auth: { team_id?: string; team?: string; user_id?: string; bot_id?: string; enterprise_id?: string }): Installation<'v2', false> {
  return {
    team: { id: auth.team_id ?? '', name: auth.team },
    enterprise: auth.enterprise_id ? { id: auth.enterprise_id } : undefined,
    user: { token: undefined, scopes: undefined, id: auth.user_id ?? '' },
    bot: { token, scopes: [...SLACK_BOT_SCOPES], id: auth.bot_id ?? '', userId: auth.user_id ?? '' },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}
