// 429s are counted where they arrive: the Discord REST client and the Slack Web API client.
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { silentLogger } from '../../src/logger.ts';
import { createPromMetrics } from '../../src/ops/prom-metrics.ts';
import { discordConfig, recordingApp } from '../fakes/discord/harness.ts';
import { startFakeDiscord } from '../fakes/discord/index.ts';
import { startAppHarness } from '../fakes/slack/harness.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const message = { visibility: 'public' as const, title: 'Digest', items: [] };

describe('429 metrics', () => {
  it('GIVEN Slack answers 429 twice before accepting a post THEN two 429s are counted and the post goes out', async () => {
    const metrics = createPromMetrics({ instanceId: 'i', defaultMetrics: false });
    const h = await startAppHarness(recordingApp(), { metrics, publisher: { sleep: async () => {} } });
    cleanups.push(() => h.close());
    h.api.fail('chat.postMessage', { kind: 'ratelimit', retryAfterSeconds: 0 }, 2);
    await expect(h.publisher.publish('C1', message)).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(await metrics.render()).toContain('newsbrief_rate_limited_total{platform="slack",instance_id="i"} 2');
  });

  it('GIVEN Discord answers 429 once THEN one 429 is counted and the post goes out', async () => {
    const metrics = createPromMetrics({ instanceId: 'i', defaultMetrics: false });
    const fake = await startFakeDiscord();
    const discord = await startDiscord({ config: discordConfig(fake), app: recordingApp(), logger: silentLogger, metrics });
    cleanups.push(() => fake.close(), () => discord.stop());
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    await expect(discord.publisher.publish(fake.identity.channelId, message)).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(await metrics.render()).toContain('newsbrief_rate_limited_total{platform="discord",instance_id="i"} 1');
  });
});
