// Digest subscriptions and the deliveries table that makes each slot delivered at most once.
// Claims run in an IMMEDIATE transaction (SQLite's write lock) with portable SQL:
// INSERT ... ON CONFLICT DO NOTHING, then a conditional UPDATE for an expired lease, which a
// PostgreSQL store can run as is.
import type Database from 'better-sqlite3';
import type { Platform } from '../app/ports.ts';

export interface Subscription {
  id: string;
  platform: Platform;
  channelId: string;
  workspaceId: string | null;
  /** Cron expression, 5 or 6 fields. */
  schedule: string;
  /** What the user typed: "08:00" or the cron expression. */
  timeInput: string;
  timezone: string;
  topic: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Last (re)subscribe: slots before it are never delivered. */
  activeSince: string;
  pausedReason: string | null;
  pausedAt: string | null;
}

export type DeliveryStatus = 'claimed' | 'sending' | 'sent' | 'empty' | 'failed';
export type DeliveryKind = 'scheduled' | 'late' | 'manual';

export interface Delivery {
  subscriptionId: string;
  slot: string;
  kind: DeliveryKind;
  status: DeliveryStatus;
  owner: string;
  leaseUntil: string;
  attempts: number;
  windowFrom: string | null;
  windowUntil: string | null;
  storyCount: number | null;
  messageId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a subscribe writes; the rest of a Subscription is kept or derived by the store. */
export type SubscriptionInput = Pick<
  Subscription,
  'id' | 'platform' | 'channelId' | 'workspaceId' | 'schedule' | 'timeInput' | 'timezone' | 'topic' | 'createdBy'
>;

export type ClaimResult =
  | { claimed: true; takenOver: Delivery | null }
  | { claimed: false; existing: Delivery };

export interface DeliveryOutcome {
  status: 'sent' | 'empty' | 'failed';
  messageId?: string | null;
  error?: string | null;
  windowFrom?: string | null;
  windowUntil?: string | null;
  storyCount?: number | null;
}

export interface DigestStore {
  /** Creates the channel's subscription, or updates it (keeping its id and history) and resumes it. */
  upsertSubscription(input: SubscriptionInput, at: Date): Subscription;
  getSubscription(platform: Platform, channelId: string): Subscription | null;
  getSubscriptionById(id: string): Subscription | null;
  listSubscriptions(): Subscription[];
  /** Deletes the subscription and its deliveries; false when there was none. */
  deleteSubscription(platform: Platform, channelId: string): boolean;
  pauseSubscription(id: string, reason: string, at: Date): void;
  /** Claims (subscription, slot) for `owner`, or takes over a claim whose lease expired unfinished. */
  claimDelivery(c: { subscriptionId: string; slot: string; kind: DeliveryKind; owner: string; now: Date; leaseMs: number }): ClaimResult;
  /** Marks an attempt as started and renews the lease; false when `owner` no longer holds the claim. */
  startAttempt(subscriptionId: string, slot: string, owner: string, now: Date, leaseMs: number): boolean;
  /** Finishes a claim held by `owner`; false when it was taken over meanwhile. */
  finishDelivery(subscriptionId: string, slot: string, owner: string, outcome: DeliveryOutcome, at: Date): boolean;
  getDelivery(subscriptionId: string, slot: string): Delivery | null;
  /**
   * Where the next digest's window starts: the end of the last digest actually posted; if none
   * was ever posted, the start of the earliest failed one (so nothing is lost); else null.
   */
  windowStart(subscriptionId: string): string | null;
  /** The most recent finished delivery (sent, empty or failed). */
  lastFinished(subscriptionId: string): Delivery | null;
  lastSent(subscriptionId: string): Delivery | null;
  lastFailed(subscriptionId: string): Delivery | null;
  /** Unfinished claims whose lease expired before `now` (their process died or hung). */
  expiredClaims(now: Date): Delivery[];
}

interface SubscriptionRecord {
  id: string;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  schedule: string;
  time_input: string;
  timezone: string;
  topic: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  active_since: string;
  paused_reason: string | null;
  paused_at: string | null;
}

interface DeliveryRecord {
  subscription_id: string;
  slot: string;
  kind: string;
  status: string;
  owner: string;
  lease_until: string;
  attempts: number;
  window_from: string | null;
  window_until: string | null;
  story_count: number | null;
  message_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

function toSubscription(r: SubscriptionRecord): Subscription {
  return {
    id: r.id,
    platform: r.platform as Platform,
    channelId: r.channel_id,
    workspaceId: r.workspace_id,
    schedule: r.schedule,
    timeInput: r.time_input,
    timezone: r.timezone,
    topic: r.topic,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    activeSince: r.active_since,
    pausedReason: r.paused_reason,
    pausedAt: r.paused_at,
  };
}

function toDelivery(r: DeliveryRecord): Delivery {
  return {
    subscriptionId: r.subscription_id,
    slot: r.slot,
    kind: r.kind as DeliveryKind,
    status: r.status as DeliveryStatus,
    owner: r.owner,
    leaseUntil: r.lease_until,
    attempts: r.attempts,
    windowFrom: r.window_from,
    windowUntil: r.window_until,
    storyCount: r.story_count,
    messageId: r.message_id,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function createDigestStore(db: Database.Database): DigestStore {
  const subBy = db.prepare<[string, string], SubscriptionRecord>('SELECT * FROM digest_subscriptions WHERE platform = ? AND channel_id = ?');
  const subById = db.prepare<[string], SubscriptionRecord>('SELECT * FROM digest_subscriptions WHERE id = ?');
  const allSubs = db.prepare<[], SubscriptionRecord>('SELECT * FROM digest_subscriptions ORDER BY platform, channel_id');
  const upsert = db.prepare(`
    INSERT INTO digest_subscriptions (id, platform, channel_id, workspace_id, schedule, time_input, timezone, topic,
      created_by, created_at, updated_at, active_since, paused_reason, paused_at)
    VALUES (@id, @platform, @channelId, @workspaceId, @schedule, @timeInput, @timezone, @topic,
      @createdBy, @at, @at, @at, NULL, NULL)
    ON CONFLICT (platform, channel_id) DO UPDATE SET
      workspace_id = excluded.workspace_id, schedule = excluded.schedule, time_input = excluded.time_input,
      timezone = excluded.timezone, topic = excluded.topic, updated_at = excluded.updated_at,
      active_since = excluded.active_since, paused_reason = NULL, paused_at = NULL`);
  const delSub = db.prepare('DELETE FROM digest_subscriptions WHERE id = ?');
  const delDeliveries = db.prepare('DELETE FROM digest_deliveries WHERE subscription_id = ?');
  const pause = db.prepare('UPDATE digest_subscriptions SET paused_reason = ?, paused_at = ?, updated_at = ? WHERE id = ?');
  const getDel = db.prepare<[string, string], DeliveryRecord>('SELECT * FROM digest_deliveries WHERE subscription_id = ? AND slot = ?');
  const insertClaim = db.prepare(`
    INSERT INTO digest_deliveries (subscription_id, slot, kind, status, owner, lease_until, attempts, created_at, updated_at)
    VALUES (@subscriptionId, @slot, @kind, 'claimed', @owner, @leaseUntil, 0, @now, @now)
    ON CONFLICT (subscription_id, slot) DO NOTHING`);
  const takeOver = db.prepare(`
    UPDATE digest_deliveries SET owner = @owner, lease_until = @leaseUntil, status = 'claimed', kind = @kind, updated_at = @now
    WHERE subscription_id = @subscriptionId AND slot = @slot AND status IN ('claimed', 'sending') AND lease_until < @now`);
  const attempt = db.prepare(`
    UPDATE digest_deliveries SET status = 'sending', attempts = attempts + 1, lease_until = ?, updated_at = ?
    WHERE subscription_id = ? AND slot = ? AND owner = ? AND status IN ('claimed', 'sending')`);
  const finish = db.prepare(`
    UPDATE digest_deliveries SET status = @status, message_id = @messageId, error = @error, window_from = @windowFrom,
      window_until = @windowUntil, story_count = @storyCount, updated_at = @at
    WHERE subscription_id = @subscriptionId AND slot = @slot AND owner = @owner AND status IN ('claimed', 'sending')`);
  const lastUntil = db.prepare<[string], { until: string | null }>(
    `SELECT MAX(window_until) AS until FROM digest_deliveries WHERE subscription_id = ? AND status = 'sent'`);
  const firstFailedFrom = db.prepare<[string], { since: string | null }>(
    `SELECT MIN(window_from) AS since FROM digest_deliveries WHERE subscription_id = ? AND status = 'failed'`);
  const lastWith = (statuses: string) =>
    db.prepare<[string], DeliveryRecord>(
      `SELECT * FROM digest_deliveries WHERE subscription_id = ? AND status IN (${statuses}) ORDER BY updated_at DESC, slot DESC LIMIT 1`);
  const lastFinishedQ = lastWith(`'sent', 'empty', 'failed'`);
  const lastSentQ = lastWith(`'sent'`);
  const lastFailedQ = lastWith(`'failed'`);
  const expired = db.prepare<[string], DeliveryRecord>(
    `SELECT * FROM digest_deliveries WHERE status IN ('claimed', 'sending') AND lease_until < ? ORDER BY slot`);

  const claim = db.transaction((c: { subscriptionId: string; slot: string; kind: DeliveryKind; owner: string; now: Date; leaseMs: number }): ClaimResult => {
    const params = {
      subscriptionId: c.subscriptionId,
      slot: c.slot,
      kind: c.kind,
      owner: c.owner,
      now: c.now.toISOString(),
      leaseUntil: new Date(c.now.getTime() + c.leaseMs).toISOString(),
    };
    if (insertClaim.run(params).changes === 1) return { claimed: true, takenOver: null };
    const before = getDel.get(c.subscriptionId, c.slot);
    if (!before) throw new Error('digest delivery row vanished during its claim');
    if (takeOver.run(params).changes === 1) return { claimed: true, takenOver: toDelivery(before) };
    return { claimed: false, existing: toDelivery(before) };
  });

  const removeSub = db.transaction((id: string) => {
    delDeliveries.run(id);
    delSub.run(id);
  });

  return {
    upsertSubscription(input, at) {
      upsert.run({ ...input, at: at.toISOString() });
      const row = subBy.get(input.platform, input.channelId);
      if (!row) throw new Error('digest subscription not stored');
      return toSubscription(row);
    },
    getSubscription(platform, channelId) {
      const row = subBy.get(platform, channelId);
      return row ? toSubscription(row) : null;
    },
    getSubscriptionById(id) {
      const row = subById.get(id);
      return row ? toSubscription(row) : null;
    },
    listSubscriptions: () => allSubs.all().map(toSubscription),
    deleteSubscription(platform, channelId) {
      const row = subBy.get(platform, channelId);
      if (!row) return false;
      removeSub.immediate(row.id);
      return true;
    },
    pauseSubscription(id, reason, at) {
      pause.run(reason, at.toISOString(), at.toISOString(), id);
    },
    claimDelivery: (c) => claim.immediate(c),
    startAttempt(subscriptionId, slot, owner, now, leaseMs) {
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      return attempt.run(leaseUntil, now.toISOString(), subscriptionId, slot, owner).changes === 1;
    },
    finishDelivery(subscriptionId, slot, owner, o, at) {
      return (
        finish.run({
          subscriptionId,
          slot,
          owner,
          status: o.status,
          messageId: o.messageId ?? null,
          error: o.error ?? null,
          windowFrom: o.windowFrom ?? null,
          windowUntil: o.windowUntil ?? null,
          storyCount: o.storyCount ?? null,
          at: at.toISOString(),
        }).changes === 1
      );
    },
    getDelivery(subscriptionId, slot) {
      const row = getDel.get(subscriptionId, slot);
      return row ? toDelivery(row) : null;
    },
    windowStart: (id) => lastUntil.get(id)?.until ?? firstFailedFrom.get(id)?.since ?? null,
    lastFinished: (id) => {
      const r = lastFinishedQ.get(id);
      return r ? toDelivery(r) : null;
    },
    lastSent: (id) => {
      const r = lastSentQ.get(id);
      return r ? toDelivery(r) : null;
    },
    lastFailed: (id) => {
      const r = lastFailedQ.get(id);
      return r ? toDelivery(r) : null;
    },
    expiredClaims: (now) => expired.all(now.toISOString()).map(toDelivery),
  };
}
