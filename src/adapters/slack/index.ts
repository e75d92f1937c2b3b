// startSlack: the Bolt app over HTTP (/slack/events) or Socket Mode, plus the digest publisher.
import { App as BoltApp, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { SlackConfig } from '../../config.ts';
import type { App, Clock, Logger, Publisher } from '../../app/ports.ts';
import { systemClock } from '../../app/ports.ts';
import type { InstallationStore } from '../../app/ports/installations.ts';
import type { Metrics } from '../../app/ports/metrics.ts';
import { oauthReceiverOptions, tokenInstallation, toBoltInstallationStore } from './oauth.ts';
import { registerUninstallListeners, type OnWorkspaceGone } from './uninstall-listeners.ts';
import { createWorkspacePoster } from './workspace-poster.ts';
import { toSlackLogger } from './bolt-logger.ts';
import { registerListeners } from './listeners.ts';
import { createSlackPublisher, toDeliveryError } from './publisher.ts';
import type { SlackPublisherOptions } from './publisher.ts';
import { createSlackClient, normalizeApiUrl } from './web-client.ts';
import { SLACK_EVENTS_PATH } from './paths.ts';

export interface StartSlackOptions {
  config: SlackConfig;
  app: App;
  logger: Logger;
  /** Tuning for tests: publisher retry waits, 5xx retries. */
  publisher?: Pick<SlackPublisherOptions, 'maxRateLimitWaits' | 'maxRateLimitWaitMs' | 'sleep'>;
  clientRetries?: number;
  /** Slack installs (config.oauth): where workspaces' tokens are kept. */
  installations?: InstallationStore | null;
  /** A workspace uninstalled the app or revoked its token (its token is already forgotten). */
  onWorkspaceGone?: OnWorkspaceGone;
  clock?: Clock;
  /** Counts the 429s Slack answers. */
  metrics?: Metrics;
}

export interface SlackHandle {
  publisher: Publisher;
  /** The bound HTTP port (HTTP mode), null in Socket Mode. */
  port: number | null;
  stop(): Promise<void>;
}

export { SLACK_EVENTS_PATH };

export async function startSlack(opts: StartSlackOptions): Promise<SlackHandle> {
  const { config } = opts;
  const log = opts.logger.child({ component: 'slack' });
  const boltLogger = toSlackLogger(opts.logger, 'bolt');
  const apiUrl = config.apiUrl ? normalizeApiUrl(config.apiUrl) : null;
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl } : {};
  // Bolt's own client only runs auth.test at start: fail in seconds, not after 30 minutes of retries.
  const boltClientOptions = { ...clientOptions, timeout: 10_000, retryConfig: { retries: 2, factor: 3, minTimeout: 500 } };
  const socketMode = config.appToken !== null;
  const clock = opts.clock ?? systemClock;
  const installations = config.oauth && opts.installations ? opts.installations : null;
  if (config.oauth && !installations) throw new Error('Slack installs (SLACK_CLIENT_ID) need an installation store');
  if (!installations && !config.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID/SECRET/STATE_SECRET for installs');
  const boltInstallations = installations ? toBoltInstallationStore(installations, clock, log) : null;

  if (!socketMode && !config.signingSecret) {
    throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.appToken as string,
        logger: boltLogger,
        // the Socket Mode client opens its connection through the same Web API base
        installerOptions: { clientOptions },
      })
    : new HTTPReceiver({
        signingSecret: config.signingSecret as string,
        endpoints: [SLACK_EVENTS_PATH],
        port: config.port,
        logger: boltLogger,
        ...(config.oauth && boltInstallations ? oauthReceiverOptions(config.oauth, boltInstallations, clientOptions) : {}),
      });

  const bolt = new BoltApp({
    // with installs, Bolt authorizes each request from the installation store instead
    ...(installations ? {} : { token: config.botToken ?? undefined }),
    receiver,
    logger: boltLogger,
    clientOptions: boltClientOptions,
    // auth.test runs once in init() below, so a bad token fails at start, not at the first command.
    deferInitialization: true,
  });
  try {
    await bolt.init();
    if (installations && config.botToken) {
      // SLACK_BOT_TOKEN next to installs: its workspace is one more installation
      const auth = await createSlackClient({ token: config.botToken, apiUrl, logger: opts.logger, retries: 2 }).auth.test();
      if (auth.team_id) {
        const installation = tokenInstallation(config.botToken, auth);
        await installations.save({ teamId: auth.team_id, enterpriseId: null, teamName: auth.team ?? null, botUserId: auth.user_id ?? null, botToken: config.botToken, installation }, clock.now());
      }
    }
  } catch (e) {
    const err = toDeliveryError(e);
    const where = apiUrl ?? 'https://slack.com/api/';
    throw new Error(
      err.permanent
        ? `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${err.reason})`
        : `Could not reach the Slack Web API at ${where} to check SLACK_BOT_TOKEN (auth.test: ${err.reason})`,
      { cause: e },
    );
  }

  const retries = opts.clientRetries !== undefined ? { clientRetries: opts.clientRetries } : {};
  const onRateLimited = opts.metrics ? () => opts.metrics?.rateLimited('slack') : undefined;
  const poster = installations
    ? createWorkspacePoster({ installations, fallbackToken: config.botToken, apiUrl, logger: opts.logger, onRateLimited, ...retries, ...(opts.publisher ? { publisher: opts.publisher } : {}) })
    : createSlackPublisher({
        client: createSlackClient({ token: config.botToken as string, apiUrl, logger: opts.logger, onRateLimited, ...(opts.clientRetries !== undefined ? { retries: opts.clientRetries } : {}) }),
        logger: opts.logger,
        ...opts.publisher,
      });
  registerListeners(bolt, { app: opts.app, poster, logger: opts.logger });
  registerUninstallListeners(bolt, {
    logger: log,
    onGone: async (gone) => {
      if (installations) await installations.revoke(gone.teamId, gone.enterpriseId, gone.reason, clock.now());
      log.warn({ team: gone.teamId, reason: gone.reason }, 'slack: workspace removed the app');
      await opts.onWorkspaceGone?.(gone);
    },
  });
  bolt.error(async (error) => {
    log.error({ err: error.message, code: error.code }, 'slack: unhandled error in a listener');
  });

  let port: number | null = null;
  if (receiver instanceof HTTPReceiver) {
    const server = await receiver.start({ port: config.port, host: config.host }).catch((e: unknown) => {
      throw new Error(`Slack: cannot listen on ${config.host}:${config.port} (PORT/HOST): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
    port = (server.address() as AddressInfo).port;
    log.info({ port, host: config.host, path: SLACK_EVENTS_PATH }, 'slack: listening for slash commands over HTTP');
  } else {
    await receiver.start();
    log.info('slack: connected in Socket Mode');
  }

  let stopped = false;
  return {
    publisher: poster,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await receiver.stop();
    },
  };
}
