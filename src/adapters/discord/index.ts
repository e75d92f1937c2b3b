// The Discord adapter: gateway client, optional HTTP interactions endpoint, digest publisher.
import { once } from 'node:events';
import { Events, RESTEvents, type REST } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import type { App, Logger, Publisher } from '../../app/ports.ts';
import type { Metrics } from '../../app/ports/metrics.ts';
import { attachInteractionHandler, createDiscordClient } from './gateway.ts';
import { startHttpEndpoint, type HttpEndpoint } from './http-endpoint.ts';
import { createDiscordPublisher, createRest } from './publisher.ts';

export interface StartDiscordOptions {
  config: DiscordConfig;
  app: App;
  logger: Logger;
  /** Answer directly when ready within this many ms, else defer (default 1500). */
  deferAfterMs?: number;
  /** Interface the HTTP endpoint binds to (default 0.0.0.0; tests use 127.0.0.1). */
  httpHost?: string;
  /** How long to wait for the gateway's READY and guilds (default 30 s). */
  readyTimeoutMs?: number;
  /** Counts the 429s Discord answers (replies and digests). */
  metrics?: Metrics;
}

function count429s(rest: REST, metrics: Metrics | undefined): void {
  if (!metrics) return;
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status === 429) metrics.rateLimited('discord');
  });
}

export interface RunningDiscord {
  publisher: Publisher;
  /** The port the HTTP interactions endpoint is bound to, or null when it is off. */
  httpPort: number | null;
  /** The bot's user id, from READY. */
  botUserId: string | null;
  /** True while every shard of this instance is connected to the gateway (readiness). */
  connected(): boolean;
  stop(): Promise<void>;
}

export async function startDiscord(opts: StartDiscordOptions): Promise<RunningDiscord> {
  const { config, app, logger } = opts;
  const client = createDiscordClient(config.apiUrl, config.shards ?? null);
  attachInteractionHandler(client, { app, logger, deferAfterMs: opts.deferAfterMs });
  count429s(client.rest, opts.metrics);
  let http: HttpEndpoint | null = null;
  try {
    const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;
    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(readyTimeoutMs) }).catch(() => {
      throw new Error(`Discord: the gateway did not become ready within ${readyTimeoutMs / 1000} s`);
    });
    ready.catch(() => {}); // awaited below; never an unhandled rejection if login fails first
    await client.login(config.token);
    await ready;
    logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: config.shards ?? null }, 'discord gateway ready');
    if (config.publicKey) {
      http = await startHttpEndpoint({
        publicKey: config.publicKey,
        port: config.httpPort,
        host: opts.httpHost,
        app,
        rest: client.rest,
        logger,
        deferAfterMs: opts.deferAfterMs,
      });
    }
  } catch (err) {
    await client.destroy().catch(() => {});
    throw err;
  }
  // One REST client for digests, with its own rate-limit buckets and the publisher's settings.
  const rest = createRest({ token: config.token, apiUrl: config.apiUrl });
  count429s(rest, opts.metrics);
  const publisher = createDiscordPublisher(rest, logger);
  return {
    publisher,
    httpPort: http?.port ?? null,
    botUserId: client.user?.id ?? null,
    connected: () => client.isReady(),
    async stop() {
      await http?.close();
      await client.destroy();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

export { createDiscordPublisher, createRest, toDeliveryError } from './publisher.ts';
export { verifyDiscordSignature, publicKeyFromHex } from './verify-signature.ts';
