// startSlack: the Bolt app over HTTP (/slack/events) or Socket Mode, plus the digest publisher.
import { App as BoltApp, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { SlackConfig } from '../../config.ts';
import type { App, Logger, Publisher } from '../../app/ports.ts';
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
      });

  const bolt = new BoltApp({
    token: config.botToken ?? undefined,
    receiver,
    logger: boltLogger,
    clientOptions: boltClientOptions,
    // auth.test runs once in init() below, so a bad token fails at start, not at the first command.
    deferInitialization: true,
  });
  try {
    await bolt.init();
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

  const poster = createSlackPublisher({
    client: createSlackClient({ token: config.botToken ?? "", apiUrl, logger: opts.logger, ...(opts.clientRetries !== undefined ? { retries: opts.clientRetries } : {}) }),
    logger: opts.logger,
    ...opts.publisher,
  });
  registerListeners(bolt, { app: opts.app, poster, logger: opts.logger });
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
