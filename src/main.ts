// Wiring only: config -> store -> seeds -> app -> adapters with credentials (console when none).
import type { Readable, Writable } from 'node:stream';
import type { Config } from './config.ts';
import { createApp } from './app/handle-command.ts';
import { createDigests, type Digests } from './app/digests.ts';
import { createConsolePublisher } from './adapters/console/publisher.ts';
import { ingestSources, type IngestReport } from './app/ingest.ts';
import { readSeeds } from './sources/seeds.ts';
import type { App, Clock, Logger, Platform, Publisher, Scheduler, Store } from './app/ports.ts';
import { systemClock } from './app/ports.ts';
import { createPoller, pollTickMs, type Poller } from './app/poll-sources.ts';
import { syncConfiguredSources } from './app/sources.ts';
import type { FeedListEntry } from './core/parse/feed-list.ts';
import { createScheduler } from './scheduler/node-cron-scheduler.ts';
import type { FetchResourceOptions } from './sources/fetch/fetch-resource.ts';
import { readFeedsFile } from './sources/feeds-file.ts';
import { createSourceFetcher } from './sources/source-fetcher.ts';
import { openStore, sharedRateBudget } from './store/index.ts';
import { rateLimited } from './app/rate-limited-publisher.ts';
import { createOperations } from './ops/operations.ts';
import { instrumentApp, instrumentStore } from './ops/instrument.ts';
import { withinGrace } from './ops/bounded.ts';
import { openInstallationStore } from './store/open-installations.ts';
import { pauseWorkspace, TOKENS_REVOKED_REASON, UNINSTALLED_REASON } from './app/pause-workspace.ts';

export interface BotOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Run the console adapter on these streams when no platform is configured (default: no console). */
  console?: { input: Readable; output: Writable; interactive?: boolean; historyFile?: string | null } | null;
  /** Start the console even when a platform is configured. */
  forceConsole?: boolean;
  /** Run the digest schedule (default true). */
  schedule?: boolean;
  /** The process's scheduler (default: node-cron); stopped with the bot. */
  scheduler?: Scheduler;
  /** Poll the sources (default true). */
  poll?: boolean;
  /** Tests: how the poller fetches (e.g. allowedAddresses for a local server, a short timeout). */
  sourceFetch?: Partial<Omit<FetchResourceOptions, 'validators' | 'accept'>>;
  /** Gap between two requests to one host (default 2 s). */
  hostGapMs?: number;
}

/** FEEDS then FEEDS_FILE, each URL once; a bad line of the file is logged, the rest kept. */
async function configuredFeeds(config: Config, logger: Logger): Promise<FeedListEntry[]> {
  const out: FeedListEntry[] = config.sources.feeds.map((url) => ({ url, label: null }));
  if (config.sources.feedsFile) {
    const list = await readFeedsFile(config.sources.feedsFile);
    for (const p of list.problems) logger.warn({ file: config.sources.feedsFile, line: p.line, text: p.text, reason: p.reason }, 'FEEDS_FILE: line skipped');
    for (const f of list.feeds) if (!out.some((o) => o.url === f.url)) out.push(f);
  }
  return out;
}

export interface RunningBot {
  store: Store;
  app: App;
  publishers: Map<Platform, Publisher>;
  /** Which adapters are running ('discord', 'slack', 'console'). */
  adapters: string[];
  seeds: IngestReport;
  digests: Digests;
  /** Resolves when the console ends (end of input); never for platform adapters. */
  done: Promise<void>;
  /** Ports actually bound (for port 0 in tests). */
  ports: { slack?: number | null; discordHttp?: number | null; metrics?: number | null };
  /** The feed poller (runs on the scheduler as 'feeds:poll'). */
  poller: Poller;
  /** INSTANCE_ID, or host-pid: the owner of this process's claims, in every log line. */
  instanceId: string;
  stop(): Promise<void>;
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const ops = createOperations(config.scale, opts.logger);
  const logger = opts.logger.child({ instance: ops.instanceId });
  const opened = await openStore(config.scale.databaseUrl ?? config.dbPath, { instanceId: ops.instanceId });
  const budget = config.scale.postsPerSecond ? sharedRateBudget(opened) : null;
  const store = instrumentStore(opened, ops.metrics);
  const scheduler = opts.scheduler ?? createScheduler({ logger });
  const stops: Array<() => Promise<void> | void> = [() => ops.close(), () => scheduler.stopAll()];
  ops.check('database', async () => (await store.countArticles(), true));
  try {
    const seeds = await ingestSources({ store, clock, logger }, readSeeds(config.seedsDir), { remember: true });
    const synced = await syncConfiguredSources(store, await configuredFeeds(config, logger), clock.now());
    if (synced.added.length) logger.info({ added: synced.added }, 'configured feeds added to the sources');
    if (synced.notInConfig.length) {
      logger.warn({ sources: synced.notInConfig }, 'feeds no longer in FEEDS / FEEDS_FILE are still followed; remove them with `newsbrief sources remove <url>`');
    }
    const fetcher = createSourceFetcher({
      fetch: { allowPrivate: config.sources.allowPrivate, ...opts.sourceFetch },
      ...(opts.hostGapMs !== undefined ? { minGapMs: opts.hostGapMs } : {}),
    });
    const intervalMs = config.sources.pollIntervalMs;
    const tickMs = pollTickMs(intervalMs);
    const poller = createPoller({ store, clock, logger: logger.child({ component: 'poller' }), fetcher, intervalMs, random: Math.random, dueWithinMs: tickMs });
    const publishers = new Map<Platform, Publisher>();
    const digests = createDigests({ store, clock, logger, defaults: config.digest, scheduler, instanceId: ops.instanceId });
    const app = instrumentApp(createApp({ store, clock, logger, digests: digests.commands }), ops.metrics);
    const adapters: string[] = [];
    const ports: RunningBot['ports'] = {};

    if (config.discord) {
      const { startDiscord } = await import('./adapters/discord/index.ts');
      const discord = await startDiscord({ config: config.discord, app, logger: logger.child({ adapter: 'discord' }), metrics: ops.metrics });
      publishers.set('discord', discord.publisher);
      ports.discordHttp = (discord as { httpPort?: number | null }).httpPort ?? null;
      stops.push(() => discord.stop());
      ops.check('discord', () => discord.connected());
      adapters.push('discord');
    }
    if (config.slack) {
      const { startSlack } = await import('./adapters/slack/index.ts');
      const installs = config.slack.oauth
        ? await openInstallationStore({ databaseUrl: config.scale.databaseUrl, dbPath: config.dbPath, instanceId: ops.instanceId })
        : null;
      if (installs) {
        stops.push(() => installs.store.close());
        ops.check('installations', installs.ping);
      }
      const slack = await startSlack({
        config: config.slack, app, logger: logger.child({ adapter: 'slack' }), clock, installations: installs?.store ?? null, metrics: ops.metrics,
        onWorkspaceGone: async (gone) => {
          const reason = gone.reason === 'uninstalled' ? UNINSTALLED_REASON : TOKENS_REVOKED_REASON;
          await pauseWorkspace({ store, clock, logger }, 'slack', gone.teamId, reason);
          digests.sync();
        },
      });
      publishers.set('slack', slack.publisher);
      ports.slack = slack.port;
      stops.push(() => slack.stop());
      ops.check('slack', () => true);
      adapters.push('slack');
    }

    let done: Promise<void> = new Promise(() => {});
    if (opts.console && (adapters.length === 0 || opts.forceConsole)) {
      const { runConsole } = await import('./adapters/console/index.ts');
      done = runConsole({ app, logger, ...opts.console });
      adapters.push('console');
    }
    // POSTS_PER_SECOND on PostgreSQL: every instance's digest posts draw on one budget per token
    const limit = budget && config.scale.postsPerSecond ? { perSecond: config.scale.postsPerSecond, burst: 1 } : null;
    for (const p of publishers.values()) digests.registerPublisher(limit ? rateLimited(p, budget!, limit, (ms) => new Promise((r) => setTimeout(r, ms))) : p);
    if (adapters.includes('console') && opts.console) digests.registerPublisher(createConsolePublisher({ out: opts.console.output }));
    if (opts.schedule !== false) {
      await digests.start();
      // SIGTERM: no new slots; deliveries in flight get the grace period, then this instance's
      // unfinished claims are given back (releaseClaims) for another instance to take over at once.
      stops.push(async () => {
        if ((await withinGrace(digests.stop(), config.scale.shutdownGraceMs)) === 'timed out') {
          logger.warn({ graceMs: config.scale.shutdownGraceMs }, 'digest deliveries still in flight at the end of the grace period: giving their claims back');
        }
        // another instance takes what is left over at its next sweep, not after the lease
        const released = await store.digests.releaseClaims(ops.instanceId, clock.now());
        if (released) logger.info({ released }, 'digest claims given back');
      });
    }
    if (opts.poll !== false) {
      scheduler.every('feeds:poll', tickMs, async () => { await poller.runNow(); });
      void poller.runNow().catch((err: unknown) => logger.error({ err }, 'feed poll failed'));
      stops.push(() => poller.idle());
    }
    ports.metrics = await ops.listen(config.slack?.host ?? '0.0.0.0');
    logger.info({ adapters, seeds: seeds.stored, articles: await store.countArticles() }, 'newsbrief started');

    let stopped = false;
    return {
      store, app, publishers, adapters, seeds, digests, done, ports, poller, instanceId: ops.instanceId,
      async stop() {
        if (stopped) return;
        stopped = true;
        ops.stopAccepting();
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
