// A workspace removed the app (Slack app_uninstalled / tokens_revoked): its digests stop, and
// /digest status says why. Subscribing again (after a reinstall) resumes them.
import type { Clock, Logger, Platform, Store } from './ports.ts';

export const UNINSTALLED_REASON = 'the app was uninstalled from this workspace (reinstall it, then subscribe again)';
export const TOKENS_REVOKED_REASON = "the workspace revoked the app's token (reinstall it, then subscribe again)";

export async function pauseWorkspace(
  deps: { store: Pick<Store, 'digests'>; clock: Clock; logger: Logger },
  platform: Platform,
  workspaceId: string,
  reason: string,
): Promise<number> {
  const now = deps.clock.now();
  const subs = (await deps.store.digests.listSubscriptions()).filter(
    (s) => s.platform === platform && s.workspaceId === workspaceId && !s.pausedReason,
  );
  for (const s of subs) await deps.store.digests.pauseSubscription(s.id, reason, now);
  deps.logger.warn({ platform, workspace: workspaceId, paused: subs.length, reason }, 'workspace gone: its digests are paused');
  return subs.length;
}
