// Digest subscriptions and deliveries in SQLite. Claims run in an IMMEDIATE transaction (SQLite's
// write lock; a savepoint inside a Store transaction) with portable SQL: INSERT ... ON CONFLICT
// DO NOTHING, then a conditional UPDATE for an expired lease, which a PostgreSQL store can run as is.
import type Database from 'better-sqlite3';
import type {
  ClaimRequest, ClaimResult, Delivery, DeliveryKind, DeliveryStatus, DigestStore, Platform, Subscription,
} from '../../app/ports.ts';
import type { Sync } from './sync.ts';

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

export function createDigestStore(db: Database.Database): Sync<DigestStore> {
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
  const release = db.prepare<[string, string, string, string]>(
    `UPDATE digest_deliveries SET lease_until = ?, updated_at = ?
     WHERE owner = ? AND status IN ('claimed', 'sending') AND lease_until > ?`);
  const expired = db.prepare<[string], DeliveryRecord>(
    `SELECT * FROM digest_deliveries WHERE status IN ('claimed', 'sending') AND lease_until < ? ORDER BY slot`);

  const claim = db.transaction((c: ClaimRequest): ClaimResult => {
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
    releaseClaims: (owner, now) => {
      const past = new Date(now.getTime() - 1).toISOString();
      return release.run(past, past, owner, past).changes;
    },
  };
}
