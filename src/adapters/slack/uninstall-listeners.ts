// app_uninstalled / tokens_revoked: the workspace's token is forgotten and the app is told, so
// it pauses that workspace's digests (and says why in /digest status). Bolt delivers these two
// events without authorizing them (the token is already gone).
import type { App as BoltApp } from '@slack/bolt';
import type { Logger } from '../../app/ports.ts';

export type WorkspaceGoneReason = 'uninstalled' | 'tokens_revoked';

export type OnWorkspaceGone = (gone: { teamId: string; enterpriseId: string | null; reason: WorkspaceGoneReason }) => Promise<void>;

interface EventEnvelope {
  team_id?: string;
  enterprise_id?: string;
  authorizations?: { team_id?: string | null; enterprise_id?: string | null }[];
}

function teamOf(body: EventEnvelope): { teamId: string | null; enterpriseId: string | null } {
  const auth = body.authorizations?.[0];
  return { teamId: body.team_id ?? auth?.team_id ?? null, enterpriseId: body.enterprise_id ?? auth?.enterprise_id ?? null };
}

export function registerUninstallListeners(bolt: BoltApp, deps: { onGone: OnWorkspaceGone; logger: Logger }): void {
  const gone = async (body: EventEnvelope, reason: WorkspaceGoneReason) => {
    const { teamId, enterpriseId } = teamOf(body);
    if (!teamId) {
      deps.logger.warn({ reason }, 'slack: uninstall event without a team id: ignored');
      return;
    }
    await deps.onGone({ teamId, enterpriseId, reason });
  };
  bolt.event('app_uninstalled', async ({ body }) => gone(body as EventEnvelope, 'uninstalled'));
  bolt.event('tokens_revoked', async ({ event, body }) => {
    // only the bot token matters to us; user tokens are not used
    if ((event.tokens.bot ?? []).length > 0) await gone(body as EventEnvelope, 'tokens_revoked');
  });
}
