// The contract of the digest part of the Store port: subscriptions, claims, leases, deliveries.
import { describe, expect, it } from 'vitest';
import type { Store, SubscriptionInput } from '../../../src/app/ports.ts';
import { at } from './fixtures.ts';

export function describeDigestContract(store: () => Promise<Store>, reopen: (s: Store) => Promise<Store>): void {
  const input = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({
    id: 'sub-1', platform: 'slack', channelId: 'C1', workspaceId: 'T1', schedule: '0 8 * * *', timeInput: '08:00',
    timezone: 'UTC', topic: null, createdBy: 'U1', ...over,
  });
  const SLOT = '2026-11-30T08:00:00.000Z';
  const claim = (s: Store, owner: string, now: string, leaseMs = 60_000) =>
    s.digests.claimDelivery({ subscriptionId: 'sub-1', slot: SLOT, kind: 'scheduled', owner, now: at(now), leaseMs });

  describe('digest store', () => {
    it('GIVEN a channel subscribing twice THEN there is one subscription, updated, keeping its id and resuming it', async () => {
      const s = await store();
      await s.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      await s.digests.pauseSubscription('sub-1', 'Missing Access', at('2026-11-02T00:00:00Z'));
      const updated = await s.digests.upsertSubscription(input({ id: 'ignored-new-id', schedule: '30 7 * * *', timeInput: '07:30', topic: 'ukraine' }), at('2026-11-03T00:00:00Z'));
      expect(updated).toMatchObject({ id: 'sub-1', schedule: '30 7 * * *', topic: 'ukraine', pausedReason: null, createdAt: '2026-11-01T00:00:00.000Z', activeSince: '2026-11-03T00:00:00.000Z' });
      expect(await s.digests.listSubscriptions()).toHaveLength(1);
    });

    it('GIVEN two connections claiming the same slot THEN exactly one gets it, and the other sees who has it', async () => {
      const a = await store();
      const b = await reopen(a);
      await a.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      expect(await claim(a, 'A', '2026-11-30T08:00:00Z')).toEqual({ claimed: true, takenOver: null });
      const second = await claim(b, 'B', '2026-11-30T08:00:01Z');
      expect(second.claimed).toBe(false);
      expect(second.claimed ? null : second.existing).toMatchObject({ owner: 'A', status: 'claimed' });
    });

    it.each([
      ['claimed', false, '2026-11-30T08:00:30Z', false],
      ['claimed', false, '2026-11-30T08:02:00Z', true],
      ['sending', true, '2026-11-30T08:02:00Z', true],
    ] as const)('GIVEN a %s claim (attempt started: %s) seen at %s THEN another owner takes it over: %s', async (_status, started, now, takesOver) => {
      const s = await store();
      await s.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      await claim(s, 'dead', '2026-11-30T08:00:00Z', 60_000);
      if (started) await s.digests.startAttempt('sub-1', SLOT, 'dead', at('2026-11-30T08:00:00Z'), 60_000);
      const r = await claim(s, 'alive', now);
      expect(r.claimed).toBe(takesOver);
      // the old owner can no longer record an outcome once it was taken over
      expect(await s.digests.finishDelivery('sub-1', SLOT, 'dead', { status: 'sent', messageId: 'm1' }, at(now))).toBe(!takesOver);
    });

    it.each(['sent', 'empty', 'failed'] as const)('GIVEN a %s slot with an old lease THEN nobody claims it again', async (status) => {
      const s = await store();
      await s.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      await claim(s, 'A', '2026-11-30T08:00:00Z');
      await s.digests.finishDelivery('sub-1', SLOT, 'A', { status, messageId: status === 'sent' ? 'm1' : null }, at('2026-11-30T08:00:01Z'));
      expect((await claim(s, 'B', '2026-12-30T08:00:00Z')).claimed).toBe(false);
      expect(await s.digests.expiredClaims(at('2026-12-30T08:00:00Z'))).toEqual([]);
    });

    it('GIVEN deliveries THEN the next window starts at the end of the last sent one, or at the first failed one when none was sent', async () => {
      const s = await store();
      await s.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      const run = async (slot: string, status: 'sent' | 'empty' | 'failed', from: string) => {
        await s.digests.claimDelivery({ subscriptionId: 'sub-1', slot, kind: 'scheduled', owner: 'A', now: at(slot), leaseMs: 60_000 });
        await s.digests.finishDelivery('sub-1', slot, 'A', { status, windowFrom: from, windowUntil: slot }, at(slot));
      };
      expect(await s.digests.windowStart('sub-1')).toBeNull();
      await run('2026-11-28T08:00:00.000Z', 'failed', '2026-11-27T08:00:00.000Z');
      await run('2026-11-29T08:00:00.000Z', 'failed', '2026-11-28T08:00:00.000Z');
      expect(await s.digests.windowStart('sub-1')).toBe('2026-11-27T08:00:00.000Z');
      await run('2026-11-30T08:00:00.000Z', 'sent', '2026-11-27T08:00:00.000Z');
      await run('2026-12-01T08:00:00.000Z', 'empty', '2026-11-30T08:00:00.000Z');
      expect(await s.digests.windowStart('sub-1')).toBe('2026-11-30T08:00:00.000Z');
      expect((await s.digests.lastFinished('sub-1'))?.status).toBe('empty');
    });

    it('GIVEN an instance stopping with a claim unfinished THEN it gives it back and another takes it over at once', async () => {
      const a = await store();
      const b = await reopen(a);
      await a.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      await claim(a, 'leaving', '2026-11-30T08:00:00Z', 600_000);
      expect(await claim(b, 'B', '2026-11-30T08:00:05Z')).toMatchObject({ claimed: false });
      expect(await b.digests.releaseClaims('someone-else', at('2026-11-30T08:00:06Z'))).toBe(0);
      expect(await a.digests.releaseClaims('leaving', at('2026-11-30T08:00:06Z'))).toBe(1);
      expect(await claim(b, 'B', '2026-11-30T08:00:07Z')).toMatchObject({ claimed: true, takenOver: { owner: 'leaving' } });
      // a finished delivery is never given back
      await b.digests.finishDelivery('sub-1', SLOT, 'B', { status: 'sent' }, at('2026-11-30T08:00:08Z'));
      expect(await b.digests.releaseClaims('B', at('2026-11-30T08:00:09Z'))).toBe(0);
    });

    it('GIVEN an unsubscribe THEN the subscription and its deliveries are gone', async () => {
      const s = await store();
      await s.digests.upsertSubscription(input(), at('2026-11-01T00:00:00Z'));
      await claim(s, 'A', '2026-11-30T08:00:00Z');
      expect(await s.digests.deleteSubscription('slack', 'C1')).toBe(true);
      expect(await s.digests.deleteSubscription('slack', 'C1')).toBe(false);
      expect(await s.digests.getDelivery('sub-1', SLOT)).toBeNull();
      expect(await s.digests.getSubscription('slack', 'C1')).toBeNull();
    });
  });
}
