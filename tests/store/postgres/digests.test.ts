// The digest store on a real PostgreSQL: the SQLite store's behaviour, and claims that stay
// exactly-once when several instances (connections) race for the same slots.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describePg, usePostgres } from '../../helpers/postgres.ts';
import { migratePostgres } from '../../../src/store/postgres/migrate.ts';
import { createPgDigestStore, type PgDigestStore } from '../../../src/store/postgres/digests.ts';
import type { SubscriptionInput } from '../../../src/app/ports.ts';

const pg = usePostgres();
const at = (iso: string) => new Date(iso);
const SLOT = '2026-11-30T08:00:00.000Z';

let store: PgDigestStore;

/** A fresh subscription (own id and channel) so the tests of this file never share rows. */
async function subscribe(over: Partial<SubscriptionInput> = {}) {
  const id = over.id ?? `sub-${randomUUID()}`;
  return store.upsertSubscription({
    id, platform: 'slack', channelId: `C-${id}`, workspaceId: 'T1', schedule: '0 8 * * *', timeInput: '08:00',
    timezone: 'UTC', topic: null, createdBy: 'U1', ...over,
  }, at('2026-11-01T00:00:00Z'));
}
const claim = (s: PgDigestStore, subscriptionId: string, owner: string, now: string, leaseMs = 60_000, slot = SLOT) =>
  s.claimDelivery({ subscriptionId, slot, kind: 'scheduled', owner, now: at(now), leaseMs });

describePg('digest store on PostgreSQL', () => {
  beforeAll(async () => {
    await migratePostgres(pg.pool());
    store = createPgDigestStore(pg.pool());
  });

  it('GIVEN a channel subscribing twice THEN there is one subscription, updated, keeping its id and resuming it', async () => {
    const first = await subscribe({ channelId: 'C-twice' });
    await store.pauseSubscription(first.id, 'Missing Access', at('2026-11-02T00:00:00Z'));
    expect((await store.getSubscriptionById(first.id))?.pausedReason).toBe('Missing Access');
    const updated = await store.upsertSubscription({ ...first, id: 'ignored-new-id', schedule: '30 7 * * *', timeInput: '07:30', topic: 'ukraine' }, at('2026-11-03T00:00:00Z'));
    expect(updated).toMatchObject({ id: first.id, schedule: '30 7 * * *', topic: 'ukraine', pausedReason: null, pausedAt: null, createdAt: '2026-11-01T00:00:00.000Z', activeSince: '2026-11-03T00:00:00.000Z' });
    expect((await store.listSubscriptions()).filter((s) => s.channelId === 'C-twice')).toHaveLength(1);
  });

  it('GIVEN two instances claiming the same slot THEN exactly one gets it, and the other sees who has it', async () => {
    const sub = await subscribe();
    const other = createPgDigestStore(pg.newPool(2));
    expect(await claim(store, sub.id, 'A', '2026-11-30T08:00:00Z')).toEqual({ claimed: true, takenOver: null });
    const second = await claim(other, sub.id, 'B', '2026-11-30T08:00:01Z');
    expect(second.claimed).toBe(false);
    expect(second.claimed ? null : second.existing).toMatchObject({ owner: 'A', status: 'claimed', slot: SLOT, leaseUntil: '2026-11-30T08:01:00.000Z' });
  });

  it.each([
    ['claimed', false, '2026-11-30T08:00:30Z', false],
    ['claimed', false, '2026-11-30T08:02:00Z', true],
    ['sending', true, '2026-11-30T08:02:00Z', true],
  ] as const)('GIVEN a %s claim (attempt started: %s) seen at %s THEN another owner takes it over: %s', async (status, started, now, takesOver) => {
    const sub = await subscribe();
    await claim(store, sub.id, 'dead', '2026-11-30T08:00:00Z');
    if (started) expect(await store.startAttempt(sub.id, SLOT, 'dead', at('2026-11-30T08:00:00Z'), 60_000)).toBe(true);
    const r = await claim(store, sub.id, 'alive', now);
    expect(r.claimed).toBe(takesOver);
    if (r.claimed) expect(r.takenOver).toMatchObject({ owner: 'dead', status, attempts: started ? 1 : 0 });
    // the old owner can no longer record an outcome once it was taken over
    expect(await store.finishDelivery(sub.id, SLOT, 'dead', { status: 'sent', messageId: 'm1' }, at(now))).toBe(!takesOver);
  });

  it.each(['sent', 'empty', 'failed'] as const)('GIVEN a %s slot with an old lease THEN nobody claims it again', async (status) => {
    const sub = await subscribe();
    await claim(store, sub.id, 'A', '2026-11-30T08:00:00Z');
    await store.finishDelivery(sub.id, SLOT, 'A', { status, messageId: status === 'sent' ? 'm1' : null }, at('2026-11-30T08:00:01Z'));
    expect((await claim(store, sub.id, 'B', '2026-12-30T08:00:00Z')).claimed).toBe(false);
    expect((await store.expiredClaims(at('2026-12-30T08:00:00Z'))).filter((d) => d.subscriptionId === sub.id)).toEqual([]);
  });

  it('GIVEN deliveries THEN the next window starts at the end of the last sent one, or at the first failed one when none was sent', async () => {
    const sub = await subscribe();
    const run = async (slot: string, status: 'sent' | 'empty' | 'failed', from: string) => {
      await store.claimDelivery({ subscriptionId: sub.id, slot, kind: 'scheduled', owner: 'A', now: at(slot), leaseMs: 60_000 });
      await store.finishDelivery(sub.id, slot, 'A', { status, windowFrom: from, windowUntil: slot, storyCount: 2 }, at(slot));
    };
    expect(await store.windowStart(sub.id)).toBeNull();
    await run('2026-11-28T08:00:00.000Z', 'failed', '2026-11-27T08:00:00.000Z');
    await run('2026-11-29T08:00:00.000Z', 'failed', '2026-11-28T08:00:00.000Z');
    expect(await store.windowStart(sub.id)).toBe('2026-11-27T08:00:00.000Z');
    expect((await store.lastFailed(sub.id))?.slot).toBe('2026-11-29T08:00:00.000Z');
    await run('2026-11-30T08:00:00.000Z', 'sent', '2026-11-27T08:00:00.000Z');
    await run('2026-12-01T08:00:00.000Z', 'empty', '2026-11-30T08:00:00.000Z');
    expect(await store.windowStart(sub.id)).toBe('2026-11-30T08:00:00.000Z');
    expect(await store.lastFinished(sub.id)).toMatchObject({ status: 'empty', storyCount: 2, windowUntil: '2026-12-01T08:00:00.000Z' });
    expect((await store.lastSent(sub.id))?.slot).toBe('2026-11-30T08:00:00.000Z');
  });

  it('GIVEN an unsubscribe THEN the subscription and its deliveries are gone', async () => {
    const sub = await subscribe();
    await claim(store, sub.id, 'A', '2026-11-30T08:00:00Z');
    expect(await store.deleteSubscription('slack', sub.channelId)).toBe(true);
    expect(await store.deleteSubscription('slack', sub.channelId)).toBe(false);
    expect(await store.getDelivery(sub.id, SLOT)).toBeNull();
    expect(await store.getSubscription('slack', sub.channelId)).toBeNull();
  });

  it('GIVEN an instance stopping with claims in flight WHEN it releases them THEN another instance takes them over at once', async () => {
    const sub = await subscribe();
    await claim(store, sub.id, 'leaving', '2026-11-30T08:00:00Z', 600_000);
    expect((await claim(store, sub.id, 'staying', '2026-11-30T08:00:05Z')).claimed).toBe(false);
    expect(await store.releaseClaims('leaving', at('2026-11-30T08:00:06Z'))).toBe(1);
    const r = await claim(store, sub.id, 'staying', '2026-11-30T08:00:06Z');
    expect(r).toMatchObject({ claimed: true, takenOver: { owner: 'leaving' } });
  });

  it('GIVEN 8 instances claiming the same 200 slots at once THEN each slot is claimed exactly once', async () => {
    const subs = await Promise.all(Array.from({ length: 200 }, () => subscribe()));
    const instances = Array.from({ length: 8 }, (_, i) => ({ owner: `instance-${i}`, s: createPgDigestStore(pg.newPool(2)) }));
    const results = await Promise.all(instances.map(async ({ owner, s }) => {
      // each instance walks the slots in its own order, as schedulers on different hosts would
      const order = [...subs].sort((a, b) => ((a.id + owner) < (b.id + owner) ? -1 : 1));
      const won: string[] = [];
      await Promise.all(order.map(async (sub) => {
        const r = await claim(s, sub.id, owner, '2026-11-30T08:00:00Z');
        if (r.claimed) won.push(sub.id);
      }));
      return won;
    }));
    const all = results.flat();
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    const owners = await pg.pool().query<{ n: number }>(
      `SELECT count(DISTINCT subscription_id)::int AS n FROM digest_deliveries WHERE slot = $1 AND subscription_id = ANY($2)`,
      [SLOT, subs.map((s) => s.id)]);
    expect(owners.rows[0]!.n).toBe(200);
  });

  it('GIVEN 200 expired claims of a dead instance WHEN 8 instances take over at once THEN each is taken over exactly once', async () => {
    const slot = '2026-12-01T08:00:00.000Z';
    const subs = await Promise.all(Array.from({ length: 200 }, () => subscribe()));
    await Promise.all(subs.map((sub) => claim(store, sub.id, 'dead', '2026-12-01T08:00:00Z', 60_000, slot)));
    const instances = Array.from({ length: 8 }, (_, i) => ({ owner: `heir-${i}`, s: createPgDigestStore(pg.newPool(2)) }));
    const taken = await Promise.all(instances.map(async ({ owner, s }) => {
      const won: string[] = [];
      await Promise.all(subs.map(async (sub) => {
        const r = await claim(s, sub.id, owner, '2026-12-01T08:05:00Z', 60_000, slot);
        if (r.claimed) {
          expect(r.takenOver?.owner).toBe('dead');
          won.push(sub.id);
        }
      }));
      return won;
    }));
    const all = taken.flat();
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
  });
});
