// The store wrapped for metrics: new articles and finished deliveries are counted, by what
// actually happened (a duplicate is not an article, a lost claim is not a delivery).
import { describe, expect, it } from 'vitest';
import { createPromMetrics } from '../../src/ops/prom-metrics.ts';
import { instrumentStore } from '../../src/ops/instrument.ts';
import { ingest, useStores } from '../app/digest-harness.ts';

const stores = useStores();

describe('store metrics', () => {
  it('GIVEN two new articles and a duplicate THEN two articles are counted', async () => {
    const metrics = createPromMetrics({ instanceId: 'i', defaultMetrics: false });
    const store = instrumentStore(await stores(), metrics);
    await ingest(store, 'Rates rise', '2026-12-01T08:00:00Z');
    await ingest(store, 'Rates rise', '2026-12-01T08:00:00Z');
    await ingest(store, 'Snow falls', '2026-12-01T09:00:00Z');
    expect(await metrics.render()).toContain('newsbrief_articles_ingested_total{instance_id="i"} 2');
  });

  it('GIVEN a sent delivery and a finish by an owner who lost the claim THEN one delivery is counted, under its platform', async () => {
    const metrics = createPromMetrics({ instanceId: 'i', defaultMetrics: false });
    const store = instrumentStore(await stores(), metrics);
    const at = new Date('2026-12-01T08:00:00Z');
    await store.digests.upsertSubscription({ id: 's1', platform: 'discord', channelId: 'C1', workspaceId: 'G1', schedule: '0 8 * * *', timeInput: '08:00', timezone: 'UTC', topic: null, createdBy: null }, at);
    const slot = '2026-12-01T08:00:00.000Z';
    await store.digests.claimDelivery({ subscriptionId: 's1', slot, kind: 'scheduled', owner: 'A', now: at, leaseMs: 60_000 });
    expect(await store.digests.finishDelivery('s1', slot, 'B', { status: 'sent' }, at)).toBe(false);
    expect(await store.digests.finishDelivery('s1', slot, 'A', { status: 'sent', messageId: 'm' }, at)).toBe(true);
    const text = await metrics.render();
    expect(text).toContain('newsbrief_deliveries_total{platform="discord",status="sent",instance_id="i"} 1');
    expect(text).not.toContain('status="failed"');
  });

  it('GIVEN an article stored in a transaction that rolls back THEN it is not counted', async () => {
    const metrics = createPromMetrics({ instanceId: 'i', defaultMetrics: false });
    const store = instrumentStore(await stores(), metrics);
    await ingest(store, 'Kept story', '2026-12-01T08:00:00Z');
    await expect(store.transaction(async (tx) => {
      await ingest(tx as typeof store, 'Rolled back story', '2026-12-01T08:05:00Z');
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await store.countArticles()).toBe(1);
    expect(await metrics.render()).toContain('newsbrief_articles_ingested_total{instance_id="i"} 1');
  });
});
