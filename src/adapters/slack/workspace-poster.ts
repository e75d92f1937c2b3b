// With Slack installs, every workspace has its own bot token: this poster picks the token of
// the target's workspace from the installation store (falling back to SLACK_BOT_TOKEN, the
// single-workspace setup) and posts with a per-token publisher. Tokens are never logged.
import type { Message } from '../../core/message.ts';
import { DeliveryError } from '../../app/ports.ts';
import type { Logger, PublishTarget } from '../../app/ports.ts';
import type { InstallationStore } from '../../app/ports/installations.ts';
import { createSlackPublisher, type SlackPoster, type SlackPublisherOptions } from './publisher.ts';
import { renderSlack, type SlackMessagePayload } from './render.ts';
import { createSlackClient } from './web-client.ts';

export interface WorkspacePosterOptions {
  installations: InstallationStore;
  /** SLACK_BOT_TOKEN, for channels of a workspace with no installation (or no workspace given). */
  fallbackToken: string | null;
  apiUrl: string | null;
  logger: Logger;
  clientRetries?: number;
  onRateLimited?: () => void;
  publisher?: Pick<SlackPublisherOptions, 'maxRateLimitWaits' | 'maxRateLimitWaitMs' | 'sleep'>;
}

export function createWorkspacePoster(opts: WorkspacePosterOptions): SlackPoster {
  const byToken = new Map<string, SlackPoster>();
  const posterFor = (token: string): SlackPoster => {
    let p = byToken.get(token);
    if (!p) {
      const client = createSlackClient({ token, apiUrl: opts.apiUrl, logger: opts.logger, onRateLimited: opts.onRateLimited, ...(opts.clientRetries !== undefined ? { retries: opts.clientRetries } : {}) });
      p = createSlackPublisher({ client, logger: opts.logger, ...opts.publisher });
      byToken.set(token, p);
    }
    return p;
  };
  async function tokenFor(target: PublishTarget | undefined): Promise<string> {
    const team = target?.workspaceId ?? null;
    const installed = team ? await opts.installations.find(team) : null;
    if (installed?.botToken) return installed.botToken;
    if (opts.fallbackToken) return opts.fallbackToken;
    throw new DeliveryError(team ? `the app is not installed in workspace ${team}` : 'no Slack workspace to post in', { permanent: true });
  }
  async function postPayload(channelId: string, payload: SlackMessagePayload, target?: PublishTarget) {
    return posterFor(await tokenFor(target)).postPayload(channelId, payload);
  }
  return {
    platform: 'slack',
    postPayload,
    publish(channelId: string, message: Message, target?: PublishTarget) {
      return postPayload(channelId, renderSlack({ ...message, visibility: 'public', shareable: false }), target);
    },
  };
}
