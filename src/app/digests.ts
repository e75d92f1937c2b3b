// The digest service the lead wires in main.ts: /digest commands, one cron job per subscription,
// catch-up at start, a minute sweep (jobs in step with the database, expired claims, slots cron
// did not fire), and bounded fan-out. The database is the source of truth; cron only wakes us.
import { randomUUID } from 'node:crypto';
import { buildDigest } from '../core/digest.ts';
import { noticeMessage } from '../core/message.ts';
import type { Message } from '../core/message.ts';
import { latestRun, nextRun } from '../scheduler/next-run.ts';
import { createDigestCommands } from './digest-commands.ts';
import { windowStories } from './window-stories.ts';
import { DAY_MS, defaultPolicy, deliverSlot, WINDOW_FETCH_LIMIT } from './digest-delivery.ts';
import type { DeliveryContext, DeliveryPolicy, DeliveryResult } from './digest-delivery.ts';
import type { Clock, DeliveryKind, DigestCommands, Logger, Platform, Publisher, Scheduler, Store, Subscription } from './ports.ts';

export interface DigestsOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** From the configuration: DIGEST_TIME and DIGEST_TIMEZONE. */
  defaults: { time: string; timezone: string };
  newId?: () => string;
  /** Identifies this process in delivery claims (default: a random id). */
  instanceId?: string;
  /**
   * The process's scheduler (main.ts owns it); its jobs named `digest:…` are the service's. None
   * (null or absent) runs no jobs: tests and one-shot commands drive runDue themselves.
   */
  scheduler?: Scheduler | null;
  /** Publish attempts in flight at once across all channels (default 16). */
  concurrency?: number;
  policy?: Partial<DeliveryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  /** A slot delivered more than this after its time is marked late (default 5 min). */
  lateAfterMs?: number;
}

export interface SlotReport {
  subscriptionId: string;
  platform: Platform;
  channelId: string;
  slot: string;
  result: DeliveryResult;
}

export interface Digests {
  commands: DigestCommands;
  registerPublisher(p: Publisher): void;
  /** Builds the jobs from the persisted subscriptions and delivers missed slots (last 24 h) once. */
  start(): Promise<void>;
  /** Removes the service's jobs and waits for deliveries in flight. */
  stop(): Promise<void>;
  /** The digest of the last 24 hours, posted nowhere (`newsbrief digest preview`). */
  preview(opts?: { topic?: string | null; timezone?: string }): Promise<Message>;
  /** Delivers every slot due now (and expired claims): what catch-up and the sweep run. */
  runDue(): Promise<SlotReport[]>;
  /** Brings the cron jobs in line with the database. */
  sync(): Promise<void>;
}

// Job names in the shared scheduler: this service owns every name with the prefix.
const JOB_PREFIX = 'digest:';
const SWEEP_KEY = `${JOB_PREFIX}sweep`;
const jobKey = (id: string) => `${JOB_PREFIX}sub:${id}`;

/** At most `n` calls of fn in flight; a finished call hands its place to the next waiter. */
export function createLimiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (active < n) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async (fn) => {
    await acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };
}

export function createDigests(opts: DigestsOptions): Digests {
  const { store, clock } = opts;
  const logger = opts.logger.child({ component: 'digests' });
  const newId = opts.newId ?? randomUUID;
  const owner = opts.instanceId ?? `${process.pid}-${randomUUID()}`;
  const scheduler = opts.scheduler ?? null;
  const lateAfterMs = opts.lateAfterMs ?? 5 * 60_000;
  const publishers = new Map<Platform, Publisher>();
  const inFlight = new Set<Promise<unknown>>();
  let running = false;

  const ctx: DeliveryContext = {
    store,
    clock,
    logger,
    owner,
    policy: { ...defaultPolicy, ...opts.policy },
    publisherFor: (platform) => publishers.get(platform) ?? null,
    limit: createLimiter(Math.max(1, opts.concurrency ?? 16)),
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onPaused: (sub) => scheduler?.remove(jobKey(sub.id)),
  };

  // The minute sweep looks at every subscription: remember when each is next due, so most are
  // skipped without cron arithmetic or a query. Keyed by what the slot depends on.
  const notBefore = new Map<string, { sig: string; at: number }>();
  const signature = (sub: Subscription) => `${sub.schedule}|${sub.timezone}|${sub.activeSince}|${sub.pausedReason ?? ''}`;

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  // Slots this process is delivering right now. A claim of ours waiting in a long fan-out queue
  // may outlive its lease: the sweep must not take it over from ourselves and post it twice.
  const active = new Set<string>();

  async function report(sub: Subscription, slot: Date, kind: DeliveryKind): Promise<SlotReport> {
    const key = `${sub.id}|${slot.toISOString()}`;
    const base = { subscriptionId: sub.id, platform: sub.platform, channelId: sub.channelId, slot: slot.toISOString() };
    if (active.has(key)) return { ...base, result: { status: 'skipped', reason: 'already being delivered by this process' } };
    active.add(key);
    let result: DeliveryResult;
    try {
      result = await track(deliverSlot(ctx, sub, slot, kind));
    } catch (err) {
      // A store error (disk full, database locked past busy_timeout): logged, retried by the sweep.
      logger.error({ err, subscription: sub.id, slot: slot.toISOString() }, 'digest delivery crashed');
      notBefore.delete(sub.id); // let the next sweep try this slot again
      result = { status: 'failed', error: err instanceof Error ? err.message : String(err), paused: false };
    } finally {
      active.delete(key);
    }
    return { ...base, result };
  }

  /** The due slot of a subscription at `at`: the latest within 24 h and after it was (re)subscribed. */
  function dueSlot(sub: Subscription, at: Date): Date | null {
    if (sub.pausedReason) return null;
    const slot = latestRun(sub.schedule, sub.timezone, at, DAY_MS);
    if (!slot || slot.getTime() < Date.parse(sub.activeSince)) return null;
    return slot;
  }


  async function runSubscription(sub: Subscription, at: Date): Promise<SlotReport | null> {
    const sig = signature(sub);
    const known = notBefore.get(sub.id);
    if (known && known.sig === sig && at.getTime() < known.at) return null;
    const slot = dueSlot(sub, at);
    const upcoming = nextRun(sub.schedule, sub.timezone, slot ?? at);
    notBefore.set(sub.id, { sig, at: upcoming ? upcoming.getTime() : Number.POSITIVE_INFINITY });
    if (!slot) return null;
    const existing = await store.digests.getDelivery(sub.id, slot.toISOString());
    if (existing && !['claimed', 'sending'].includes(existing.status)) return null; // done: cheap skip
    const kind: DeliveryKind = clock.now().getTime() - slot.getTime() > lateAfterMs ? 'late' : 'scheduled';
    return report(sub, slot, kind);
  }

  /** An unfinished claim more than 24 h old is not sent any more: recorded as failed, its stories go in the next digest. */
  async function abandon(sub: Subscription, slot: string, now: Date): Promise<void> {
    const claim = await store.digests.claimDelivery({ subscriptionId: sub.id, slot, kind: 'late', owner, now, leaseMs: ctx.policy.leaseMs });
    if (!claim.claimed) return;
    const error = 'abandoned: the process delivering it stopped, and the slot is more than 24 hours old';
    const windowFrom = (await store.digests.windowStart(sub.id)) ?? new Date(Date.parse(slot) - DAY_MS).toISOString();
    await store.digests.finishDelivery(sub.id, slot, owner, { status: 'failed', error, windowFrom, windowUntil: slot }, now);
    logger.warn({ subscription: sub.id, slot, previousOwner: claim.takenOver?.owner }, error);
  }

  async function recoverExpired(): Promise<SlotReport[]> {
    const now = clock.now();
    const jobs: Promise<SlotReport>[] = [];
    for (const d of await store.digests.expiredClaims(now)) {
      const sub = await store.digests.getSubscriptionById(d.subscriptionId);
      if (!sub || sub.pausedReason) continue;
      const slot = new Date(d.slot);
      if (now.getTime() - slot.getTime() > DAY_MS) {
        await abandon(sub, d.slot, now);
        continue;
      }
      const kind: DeliveryKind = d.kind === 'manual' ? 'manual' : now.getTime() - slot.getTime() > lateAfterMs ? 'late' : d.kind;
      jobs.push(report(sub, slot, kind));
    }
    return Promise.all(jobs);
  }

  async function runDue(): Promise<SlotReport[]> {
    const recovered = await recoverExpired();
    const now = clock.now();
    const due = await Promise.all((await store.digests.listSubscriptions()).map((sub) => runSubscription(sub, now)));
    return [...recovered, ...due.filter((r): r is SlotReport => r !== null)];
  }

  function fire(id: string): (scheduledAt: Date) => Promise<void> {
    return async (scheduledAt) => {
      if (!running) return;
      const sub = await store.digests.getSubscriptionById(id);
      if (!sub || sub.pausedReason) return sync();
      // cron's own slot time guards against a timer firing a hair early
      const now = clock.now();
      await runSubscription(sub, scheduledAt.getTime() > now.getTime() ? scheduledAt : now);
    };
  }

  async function sync(): Promise<void> {
    if (!scheduler || !running) return;
    const wanted = new Map<string, Subscription>();
    for (const sub of await store.digests.listSubscriptions()) if (!sub.pausedReason) wanted.set(jobKey(sub.id), sub);
    for (const key of scheduler.jobs().keys()) if (key.startsWith(JOB_PREFIX) && key !== SWEEP_KEY && !wanted.has(key)) scheduler.remove(key);
    for (const [key, sub] of wanted) {
      try {
        scheduler.set(key, { expression: sub.schedule, timezone: sub.timezone }, fire(sub.id));
      } catch (err) {
        // one bad row must not stop the others; the minute sweep still delivers its slots
        logger.error({ err, subscription: sub.id, schedule: sub.schedule, timezone: sub.timezone }, 'could not schedule a digest job');
      }
    }
  }

  async function preview(p: { topic?: string | null; timezone?: string } = {}): Promise<Message> {
    const now = clock.now();
    const since = new Date(now.getTime() - DAY_MS);
    const topic = p.topic?.trim() || null;
    const timezone = p.timezone ?? opts.defaults.timezone;
    const { stories, total } = await windowStories(store, { topic, ingestedAfter: since.toISOString(), ingestedUntil: now.toISOString() }, WINDOW_FETCH_LIMIT);
    return (
      buildDigest({ stories, total, slot: now, since, timezone, topic }) ??
      noticeMessage({ tone: 'info', text: `No new stories${topic ? ` about “${topic}”` : ''} in the last 24 hours.` }, 'public')
    );
  }

  const commands = createDigestCommands({
    store,
    clock,
    defaults: opts.defaults,
    newId,
    sync,
    nextRun: (sub) => nextRun(sub.schedule, sub.timezone, clock.now()),
    deliverNow: async (sub) => (await report(sub, clock.now(), 'manual')).result,
    preview,
  });

  return {
    commands,
    registerPublisher(p) {
      publishers.set(p.platform, p);
    },
    async start() {
      running = true;
      await sync();
      scheduler?.set(SWEEP_KEY, { expression: '* * * * *', timezone: 'UTC' }, async () => {
        if (!running) return;
        await sync();
        await runDue();
      });
      const caughtUp = await runDue();
      const late = caughtUp.filter((r) => r.result.status === 'sent');
      logger.info({ subscriptions: (await store.digests.listSubscriptions()).length, delivered: late.length }, 'digests started');
    },
    async stop() {
      running = false;
      if (scheduler) for (const key of scheduler.jobs().keys()) if (key.startsWith(JOB_PREFIX)) scheduler.remove(key);
      await Promise.allSettled([...inFlight]);
    },
    preview,
    runDue,
    sync,
  };
}
