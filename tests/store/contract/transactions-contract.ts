// The contract of Store.transaction: commit, rollback, joining, and other callers waiting.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/app/ports.ts';
import { at } from './fixtures.ts';

export function describeTransactionContract(store: () => Promise<Store>): void {
  describe('transactions', () => {
    it('GIVEN a transaction that resolves THEN its writes are kept and its value returned', async () => {
      const s = await store();
      const value = await s.transaction(async (tx) => {
        await tx.recordSourceFile('a.txt', 'h', at('2024-01-01T00:00:00Z'));
        const id = await tx.insertSpeaker({ name: 'Ann Lee', norm: 'ann lee', role: null, kind: 'person' });
        expect(await tx.hasSourceFile('a.txt', 'h')).toBe(true); // the transaction reads its own writes
        return id;
      });
      expect(await s.speakerByNorm('ann lee')).toMatchObject({ speakerId: value });
      expect(await s.hasSourceFile('a.txt', 'h')).toBe(true);
    });

    it('GIVEN a transaction that rejects THEN none of its writes is left, and the rejection is passed on', async () => {
      const s = await store();
      const boom = new Error('decided against it');
      await expect(
        s.transaction(async (tx) => {
          await tx.recordSourceFile('a.txt', 'h', at('2024-01-01T00:00:00Z'));
          await tx.insertSpeaker({ name: 'Ann Lee', norm: 'ann lee', role: null, kind: 'person' });
          await tx.digests.upsertSubscription(
            { id: 'sub-1', platform: 'slack', channelId: 'C1', workspaceId: null, schedule: '0 8 * * *', timeInput: '08:00', timezone: 'UTC', topic: null, createdBy: null },
            at('2024-01-01T00:00:00Z'),
          );
          await tx.digests.claimDelivery({ subscriptionId: 'sub-1', slot: '2024-01-01T08:00:00.000Z', kind: 'scheduled', owner: 'A', now: at('2024-01-01T08:00:00Z'), leaseMs: 60_000 });
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await s.hasSourceFile('a.txt', 'h')).toBe(false);
      expect(await s.speakerByNorm('ann lee')).toBeNull();
      expect(await s.digests.listSubscriptions()).toEqual([]);
      expect(await s.digests.getDelivery('sub-1', '2024-01-01T08:00:00.000Z')).toBeNull();
    });

    it('GIVEN a transaction inside a transaction THEN it joins the outer one and rolls back with it', async () => {
      const s = await store();
      await expect(
        s.transaction(async (tx) => {
          await tx.transaction(async (inner) => inner.recordSourceFile('inner.txt', 'h', at('2024-01-01T00:00:00Z')));
          throw new Error('outer fails');
        }),
      ).rejects.toThrow('outer fails');
      expect(await s.hasSourceFile('inner.txt', 'h')).toBe(false);
    });

    it('GIVEN calls on the store while a transaction is open THEN they wait for it, and see only what it committed', async () => {
      const s = await store();
      const order: string[] = [];
      let letGo!: () => void;
      const gate = new Promise<void>((resolve) => (letGo = resolve));
      const tx = s.transaction(async (t) => {
        await t.recordSourceFile('a.txt', 'h', at('2024-01-01T00:00:00Z'));
        order.push('written');
        await gate;
        order.push('commit');
      });
      await Promise.resolve();
      const read = s.hasSourceFile('a.txt', 'h').then((seen) => {
        order.push(`read ${seen}`);
      });
      const second = s.transaction(async (t) => {
        order.push(`second sees ${await t.hasSourceFile('a.txt', 'h')}`);
      });
      // a networked backend takes round trips to write: wait for the write, then give the waiting
      // callers turns of the event loop in which they must not get through
      while (!order.includes('written')) await new Promise((r) => setImmediate(r));
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      expect(order).toEqual(['written']);
      letGo();
      await Promise.all([tx, read, second]);
      expect(order.slice(0, 2)).toEqual(['written', 'commit']);
      expect(order.slice(2).sort()).toEqual(['read true', 'second sees true']);
    });

    it('GIVEN a finished transaction THEN its session can no longer be used', async () => {
      const s = await store();
      let leaked: Parameters<Parameters<Store['transaction']>[0]>[0] | null = null;
      await s.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.countArticles()).rejects.toThrow();
      expect(await s.countArticles()).toBe(0);
    });
  });
}
