// The digest store on PostgreSQL, behind the DigestStore port.
//
// Claims: INSERT ... ON CONFLICT DO NOTHING (the first claimer of a (subscription, slot) wins
// atomically: the primary key decides), then, only when the row exists, a row-locked look at
// it (SELECT ... FOR UPDATE) and an UPDATE when its lease has expired unfinished. Every
// instance derives the same slot key from the schedule, so there is no queue of pending rows
// to SKIP LOCKED over: the row is created by the claim itself. The same SQL runs on SQLite,
// so both stores keep one meaning for the contract suite.
import type {
  ClaimResult,
  Delivery,
  DeliveryKind,
  DeliveryStatus,
  DigestStore,
  Platform,
  Subscription,
} from '../../app/ports.ts';
import { inTransaction, type PgPool } from './pool.ts';
import type { Atomically, Sql } from './sql.ts';

/** The port's DigestStore (releaseClaims is part of it now). */
export type PgDigestStore = DigestStore;

type Instant = Date | null;

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
  created_at: Date;
  updated_at: Date;
  active_since: Date;
  paused_reason: string | null;
  paused_at: Instant;
}

interface DeliveryRecord {
  subscription_id: string;
  slot: string;
  kind: string;
  status: string;
  owner: string;
  lease_until: Date;
  attempts: number;
  window_from: Instant;
  window_until: Instant;
  story_count: number | null;
  message_id: string | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (d: Instant): string | null => (d ? d.toISOString() : null);

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
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    activeSince: r.active_since.toISOString(),
    pausedReason: r.paused_reason,
    pausedAt: iso(r.paused_at),
  };
}

function toDelivery(r: DeliveryRecord): Delivery {
  return {
    subscriptionId: r.subscription_id,
    slot: r.slot,
    kind: r.kind as DeliveryKind,
    status: r.status as DeliveryStatus,
    owner: r.owner,
    leaseUntil: r.lease_until.toISOString(),
    attempts: r.attempts,
    windowFrom: iso(r.window_from),
    windowUntil: iso(r.window_until),
    storyCount: r.story_count,
    messageId: r.message_id,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const OPEN = `status IN ('claimed', 'sending')`;
const FINISHED = `('sent', 'empty', 'failed')`;

/**
 * The digest store on `pool`; inside a Store transaction on its client (`db`), with `atomically`
 * running a claim's look-and-update in the caller's transaction.
 */
export function createPgDigestStore(db: PgPool | Sql, atomically?: Atomically): PgDigestStore {
  const pool: Sql = db;
  const atomic: Atomically = atomically ?? ((fn) => inTransaction(db as PgPool, fn));
  const one = async <T extends object>(sql: string, params: unknown[]): Promise<T | null> =>
    (await pool.query<T>(sql, params)).rows[0] ?? null;
  const lastWith = async (id: string, statuses: string) => {
    const r = await one<DeliveryRecord>(
      `SELECT * FROM digest_deliveries WHERE subscription_id = $1 AND status IN ${statuses} ORDER BY updated_at DESC, slot DESC LIMIT 1`,
      [id],
    );
    return r ? toDelivery(r) : null;
  };

  return {
    async upsertSubscription(input, at) {
      const row = await one<SubscriptionRecord>(
        `INSERT INTO digest_subscriptions (id, platform, channel_id, workspace_id, schedule, time_input, timezone, topic,
           created_by, created_at, updated_at, active_since)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           workspace_id = excluded.workspace_id, schedule = excluded.schedule, time_input = excluded.time_input,
           timezone = excluded.timezone, topic = excluded.topic, updated_at = excluded.updated_at,
           active_since = excluded.active_since, paused_reason = NULL, paused_at = NULL
         RETURNING *`,
        [input.id, input.platform, input.channelId, input.workspaceId, input.schedule, input.timeInput, input.timezone,
          input.topic, input.createdBy, at],
      );
      if (!row) throw new Error('digest subscription not stored');
      return toSubscription(row);
    },
    async getSubscription(platform, channelId) {
      const r = await one<SubscriptionRecord>('SELECT * FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
      return r ? toSubscription(r) : null;
    },
    async getSubscriptionById(id) {
      const r = await one<SubscriptionRecord>('SELECT * FROM digest_subscriptions WHERE id = $1', [id]);
      return r ? toSubscription(r) : null;
    },
    async listSubscriptions() {
      const r = await pool.query<SubscriptionRecord>('SELECT * FROM digest_subscriptions ORDER BY platform, channel_id');
      return r.rows.map(toSubscription);
    },
    async deleteSubscription(platform, channelId) {
      // deliveries go with it (ON DELETE CASCADE)
      const r = await pool.query('DELETE FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
      return (r.rowCount ?? 0) > 0;
    },
    async pauseSubscription(id, reason, at) {
      await pool.query('UPDATE digest_subscriptions SET paused_reason = $1, paused_at = $2, updated_at = $2 WHERE id = $3', [reason, at, id]);
    },
    async claimDelivery(c): Promise<ClaimResult> {
      const leaseUntil = new Date(c.now.getTime() + c.leaseMs);
      const inserted = await pool.query(
        `INSERT INTO digest_deliveries (subscription_id, slot, kind, status, owner, lease_until, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, 'claimed', $4, $5, 0, $6, $6)
         ON CONFLICT (subscription_id, slot) DO NOTHING`,
        [c.subscriptionId, c.slot, c.kind, c.owner, leaseUntil, c.now],
      );
      if (inserted.rowCount === 1) return { claimed: true, takenOver: null };
      return atomic(async (tx) => {
        const before = (await tx.query<DeliveryRecord>(
          'SELECT * FROM digest_deliveries WHERE subscription_id = $1 AND slot = $2 FOR UPDATE',
          [c.subscriptionId, c.slot],
        )).rows[0];
        if (!before) throw new Error('digest delivery row vanished during its claim');
        const open = before.status === 'claimed' || before.status === 'sending';
        if (!open || before.lease_until.getTime() >= c.now.getTime()) return { claimed: false, existing: toDelivery(before) };
        await tx.query(
          `UPDATE digest_deliveries SET owner = $3, lease_until = $4, status = 'claimed', kind = $5, updated_at = $6
           WHERE subscription_id = $1 AND slot = $2`,
          [c.subscriptionId, c.slot, c.owner, leaseUntil, c.kind, c.now],
        );
        return { claimed: true, takenOver: toDelivery(before) };
      });
    },
    async startAttempt(subscriptionId, slot, owner, now, leaseMs) {
      const r = await pool.query(
        `UPDATE digest_deliveries SET status = 'sending', attempts = attempts + 1, lease_until = $1, updated_at = $2
         WHERE subscription_id = $3 AND slot = $4 AND owner = $5 AND ${OPEN}`,
        [new Date(now.getTime() + leaseMs), now, subscriptionId, slot, owner],
      );
      return r.rowCount === 1;
    },
    async finishDelivery(subscriptionId, slot, owner, o, at) {
      const r = await pool.query(
        `UPDATE digest_deliveries SET status = $1, message_id = $2, error = $3, window_from = $4, window_until = $5,
           story_count = $6, updated_at = $7
         WHERE subscription_id = $8 AND slot = $9 AND owner = $10 AND ${OPEN}`,
        [o.status, o.messageId ?? null, o.error ?? null, o.windowFrom ?? null, o.windowUntil ?? null, o.storyCount ?? null, at,
          subscriptionId, slot, owner],
      );
      return r.rowCount === 1;
    },
    async getDelivery(subscriptionId, slot) {
      const r = await one<DeliveryRecord>('SELECT * FROM digest_deliveries WHERE subscription_id = $1 AND slot = $2', [subscriptionId, slot]);
      return r ? toDelivery(r) : null;
    },
    async windowStart(id) {
      const r = await one<{ until: Instant; since: Instant }>(
        `SELECT (SELECT max(window_until) FROM digest_deliveries WHERE subscription_id = $1 AND status = 'sent') AS until,
                (SELECT min(window_from) FROM digest_deliveries WHERE subscription_id = $1 AND status = 'failed') AS since`,
        [id],
      );
      return iso(r?.until ?? null) ?? iso(r?.since ?? null);
    },
    lastFinished: (id) => lastWith(id, FINISHED),
    lastSent: (id) => lastWith(id, `('sent')`),
    lastFailed: (id) => lastWith(id, `('failed')`),
    async expiredClaims(now) {
      const r = await pool.query<DeliveryRecord>(`SELECT * FROM digest_deliveries WHERE ${OPEN} AND lease_until < $1 ORDER BY slot`, [now]);
      return r.rows.map(toDelivery);
    },
    async releaseClaims(owner, now) {
      const r = await pool.query(
        `UPDATE digest_deliveries SET lease_until = $2, updated_at = $2 WHERE owner = $1 AND ${OPEN} AND lease_until > $2`,
        [owner, new Date(now.getTime() - 1)],
      );
      return r.rowCount ?? 0;
    },
  };
}
