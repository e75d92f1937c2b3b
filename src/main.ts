// Wiring only: config -> store -> seeds -> app -> adapters with credentials (console when none).
import type { Readable, Writable } from 'node:stream';
import type { Config } from './config.ts';
import { createApp } from './app/handle-command.ts';
import { createDigests, type Digests } from './app/digests.ts';
import { createConsolePublisher } from './adapters/console/publisher.ts';
import { ingestSeeds, type SeedReport } from './app/ingest-seeds.ts';
import type { App, Clock, Logger, Platform, Publisher, Scheduler, Store } from './app/ports.ts';
import { systemClock } from './app/ports.ts';
import { createScheduler } from './scheduler/node-cron-scheduler.ts';
import { openStore } from './store/index.ts';

export interface BotOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Run the console adapter on these streams when no platform is configured (default: no console). */
  console?: { input: Readable; output: Writable; interactive?: boolean } | null;
  /** Start the console even when a platform is configured. */
  forceConsole?: boolean;
  /** Run the digest schedule (default true). */
  schedule?: boolean;
  /** The process's scheduler (default: node-cron); stopped with the bot. */
  scheduler?: Scheduler;
}

export interface RunningBot {
  store: Store;
  app: App;
  publishers: Map<Platform, Publisher>;
  /** Which adapters are running ('discord', 'slack', 'console'). */
  adapters: string[];
  seeds: SeedReport;
  digests: Digests;
  /** Resolves when the console ends (end of input); never for platform adapters. */
  done: Promise<void>;
  /** Ports actually bound (for port 0 in tests). */
  ports: { slack?: number | null; discordHttp?: number | null };
  stop(): Promise<void>;
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const store = await openStore(config.dbPath);
  const scheduler = opts.scheduler ?? createScheduler({ logger });
  const stops: Array<() => Promise<void> | void> = [() => scheduler.stopAll()];
  try {
    const seeds = await ingestSeeds({ store, clock, logger }, config.seedsDir);
    const publishers = new Map<Platform, Publisher>();
    const digests = createDigests({ store, clock, logger, defaults: config.digest, scheduler });
    const app = createApp({ store, clock, logger, digests: digests.commands });
    const adapters: string[] = [];
    const ports: RunningBot['ports'] = {};

    if (config.discord) {
      const { startDiscord } = await import('./adapters/discord/index.ts');
      const discord = await startDiscord({ config: config.discord, app, logger: logger.child({ adapter: 'discord' }) });
      publishers.set('discord', discord.publisher);
      ports.discordHttp = (discord as { httpPort?: number | null }).httpPort ?? null;
      stops.push(() => discord.stop());
      adapters.push('discord');
    }
    if (config.slack) {
      const { startSlack } = await import('./adapters/slack/index.ts');
      const slack = await startSlack({ config: config.slack, app, logger: logger.child({ adapter: 'slack' }) });
      publishers.set('slack', slack.publisher);
      ports.slack = slack.port;
      stops.push(() => slack.stop());
      adapters.push('slack');
    }

    let done: Promise<void> = new Promise(() => {});
    if (opts.console && (adapters.length === 0 || opts.forceConsole)) {
      const { runConsole } = await import('./adapters/console/index.ts');
      done = runConsole({ app, logger, ...opts.console });
      adapters.push('console');
    }
    for (const p of publishers.values()) digests.registerPublisher(p);
    if (adapters.includes('console') && opts.console) digests.registerPublisher(createConsolePublisher({ out: opts.console.output }));
    if (opts.schedule !== false) {
      await digests.start();
      stops.push(() => digests.stop());
    }
    logger.info({ adapters, seeds: seeds.stored, articles: await store.countArticles() }, 'newsbrief started');

    let stopped = false;
    return {
      store, app, publishers, adapters, seeds, digests, done, ports,
      async stop() {
        if (stopped) return;
        stopped = true;
        for (const s of stops.reverse()) {
          try { await s(); } catch (err) { logger.warn({ err }, 'error while stopping'); }
        }
        await store.close();
      },
    };
  } catch (err) {
    for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => {});
    await store.close();
    throw err;
  }
}
