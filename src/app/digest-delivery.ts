// Delivering one (subscription, slot): claim it in the database, build the digest from what is
// stored now, publish with bounded retries, record the outcome. Never half-happens silently:
// every outcome is written to digest_deliveries and logged.
//
// Exactly once, and what happens when a process dies:
// - The claim (INSERT ... ON CONFLICT DO NOTHING under BEGIN IMMEDIATE) makes one process the
//   owner of a slot, with a lease. Another process, or this one again, skips a slot that is
//   finished (sent / empty / failed) or claimed under a live lease.
// - The owner renews the lease before every attempt; attempts are bounded by a timeout, so a
//   live owner always finishes or renews before its lease runs out.
// - A claim whose lease expired unfinished belongs to a dead process. It is taken over and
//   delivered (no loss). Its status tells how sure we are that nothing was posted: 'claimed'
//   means the process died before publishing (re-sending cannot duplicate), so it is delivered;
//   'sending' means it died during a publish call, and the platform may or may not have posted.
//   The issue asks for at most once per slot, so by default that slot is recorded as failed
//   ("outcome unknown", shown in /digest status) and NOT re-sent; no story is lost, as the next
//   window starts at the last digest actually sent. policy.resendUnconfirmed = true re-sends it
//   instead (never a missing digest, rarely a duplicate one).
import { buildDigest } from '../core/digest.ts';
import type { Message } from '../core/message.ts';
import { windowStories } from './window-stories.ts';
import { DeliveryError } from './ports.ts';
import type { Clock, DeliveryKind, DeliveryOutcome, Logger, Publisher, Store, Subscription } from './ports.ts';

export const DAY_MS = 86_400_000;
/** How many stories a digest window reads (the digest shows the best DIGEST_LIMIT). */
export const WINDOW_FETCH_LIMIT = 100;

export interface DeliveryPolicy {
  leaseMs: number;
  maxAttempts: number;
  /** First backoff; doubles per attempt (capped at maxBackoffMs) unless the platform says how long. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  publishTimeoutMs: number;
  /**
   * A claim taken over in state 'sending' (its process died during the publish call): record it
   * as failed (false, the default: strictly at most once; its stories go in the next digest,
   * whose window starts at the last sent one) or re-send it (true: never a missing digest,
   * rarely a duplicate one).
   */
  resendUnconfirmed: boolean;
}

export const defaultPolicy: DeliveryPolicy = {
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
  baseBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  publishTimeoutMs: 30_000,
  resendUnconfirmed: false,
};

export interface DeliveryContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  owner: string;
  policy: DeliveryPolicy;
  publisherFor(platform: Subscription['platform']): Publisher | null;
  /** Runs a publish attempt within the fan-out's concurrency bound (not held during backoff). */
  limit<T>(fn: () => Promise<T>): Promise<T>;
  sleep(ms: number): Promise<void>;
  /** Called when a permanent failure paused the subscription. */
  onPaused(sub: Subscription, reason: string): void;
}

export type DeliveryResult =
  | { status: 'sent'; messageId: string; storyCount: number; message: Message }
  | { status: 'empty' }
  | { status: 'failed'; error: string; paused: boolean }
  | { status: 'skipped'; reason: string };

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeliveryError(`timed out after ${ms} ms`, { permanent: false })), ms);
    timer.unref?.();
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  // An unexpected error is treated as transient: retried, then recorded as failed.
  return new DeliveryError(reason || 'unknown error', { permanent: false, cause: err });
}

/** Delivers one slot of one subscription exactly once across processes (see the file comment). */
export async function deliverSlot(ctx: DeliveryContext, sub: Subscription, slot: Date, kind: DeliveryKind): Promise<DeliveryResult> {
  const { store, clock, policy, owner } = ctx;
  const slotIso = slot.toISOString();
  const log = ctx.logger.child({ subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot: slotIso, kind });
  const claim = await store.digests.claimDelivery({ subscriptionId: sub.id, slot: slotIso, kind, owner, now: clock.now(), leaseMs: policy.leaseMs });
  if (!claim.claimed) return { status: 'skipped', reason: `already ${claim.existing.status}` };
  if (claim.takenOver) {
    const was = claim.takenOver;
    const level = was.status === 'sending' ? 'warn' : 'info';
    log[level]({ previousOwner: was.owner, previousStatus: was.status, attempts: was.attempts },
      was.status === 'sending' ? 'took over a delivery whose process died while publishing (the platform may have posted it)' : 'took over a delivery whose process died before publishing');
  }
  const finish = async (outcome: DeliveryOutcome): Promise<void> => {
    if (!(await store.digests.finishDelivery(sub.id, slotIso, owner, outcome, clock.now()))) {
      log.error({ outcome: outcome.status }, 'delivery outcome not recorded: another process took the claim over (lease expired)');
    }
  };
  if (claim.takenOver?.status === 'sending' && !policy.resendUnconfirmed) {
    const error = 'outcome unknown: the process posting it stopped mid-request; not re-sent (its stories go in the next digest)';
    await finish({ status: 'failed', error, windowFrom: (await store.digests.windowStart(sub.id)) ?? new Date(slot.getTime() - DAY_MS).toISOString(), windowUntil: slotIso });
    log.warn(error);
    return { status: 'failed', error, paused: false };
  }

  // The window: since the last digest actually posted (first one: 24 h, or since the first
  // failed one), up to the slot.
  const lastUntil = await store.digests.windowStart(sub.id);
  const since = lastUntil ? new Date(lastUntil) : new Date(slot.getTime() - DAY_MS);
  let message: Message | null = null;
  let storyCount = 0;
  try {
    const { stories, total } =
      since.getTime() < slot.getTime()
        ? await windowStories(store, { topic: sub.topic, ingestedAfter: since.toISOString(), ingestedUntil: slotIso }, WINDOW_FETCH_LIMIT)
        : { stories: [], total: 0 };
    storyCount = total;
    message = buildDigest({ stories, total, slot, since, timezone: sub.timezone, topic: sub.topic, late: kind === 'late' });
  } catch (err) {
    const error = `could not build the digest: ${err instanceof Error ? err.message : String(err)}`;
    log.error({ err }, error);
    await finish({ status: 'failed', error, windowFrom: since.toISOString(), windowUntil: slotIso });
    return { status: 'failed', error, paused: false };
  }
  const window = { windowFrom: since.toISOString(), windowUntil: slotIso, storyCount };
  if (!message) {
    await finish({ status: 'empty', ...window });
    log.info('no new stories: nothing posted');
    return { status: 'empty' };
  }

  const publisher = ctx.publisherFor(sub.platform);
  if (!publisher) {
    const error = `no ${sub.platform} publisher is running (is ${sub.platform} configured?)`;
    await finish({ status: 'failed', error, ...window });
    log.error(error);
    return { status: 'failed', error, paused: false };
  }

  let lastError: DeliveryError | null = null;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    const toSend = message;
    let lost = false;
    try {
      const sentMessage = await ctx.limit(async () => {
        // 'sending' (and a fresh lease) only once a publish slot is ours and the call starts
        if (!(await store.digests.startAttempt(sub.id, slotIso, owner, clock.now(), policy.leaseMs))) {
          lost = true;
          return null;
        }
        return withTimeout(publisher.publish(sub.channelId, toSend, { workspaceId: sub.workspaceId }), policy.publishTimeoutMs);
      });
      if (lost || !sentMessage) {
        log.error({ attempt }, 'lost the claim before publishing (lease expired): leaving the slot to its new owner');
        return { status: 'skipped', reason: 'claim lost' };
      }
      const { messageId } = sentMessage;
      await finish({ status: 'sent', messageId, ...window });
      log.info({ messageId, stories: storyCount, attempt }, 'digest delivered');
      return { status: 'sent', messageId, storyCount, message };
    } catch (err) {
      lastError = asDeliveryError(err);
      if (lastError.permanent) {
        const reason = lastError.reason;
        await finish({ status: 'failed', error: `permanent: ${reason}`, ...window });
        await store.digests.pauseSubscription(sub.id, reason, clock.now());
        log.error({ err, attempt }, `permanent delivery failure: subscription paused (${reason})`);
        ctx.onPaused(sub, reason);
        return { status: 'failed', error: reason, paused: true };
      }
      if (attempt === policy.maxAttempts) break;
      // The platform's retry-after wins; never sleep past half the lease (the next attempt renews it).
      const wanted = lastError.retryAfterMs ?? Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempt - 1));
      const backoff = Math.min(wanted, Math.floor(policy.leaseMs / 2));
      log.warn({ err, attempt, retryInMs: backoff }, `transient delivery failure: retrying (${lastError.reason})`);
      await ctx.sleep(backoff);
    }
  }
  const error = `gave up after ${policy.maxAttempts} attempts: ${lastError?.reason ?? 'unknown error'}`;
  await finish({ status: 'failed', error, ...window });
  log.error({ err: lastError }, error);
  return { status: 'failed', error, paused: false };
}
