// Digests end to end through the REAL platform publishers: the digest service (temp-file SQLite,
// injected clock, no cron) posts with the real Slack WebClient and the real @discordjs/rest
// against the loopback fakes, and what the platform answered is what the database records.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPublisher, createRest } from '../../src/adapters/discord/publisher.ts';
import { createSlackPublisher } from '../../src/adapters/slack/publisher.ts';
import { createSlackClient } from '../../src/adapters/slack/web-client.ts';
import { ingestDocument } from '../../src/app/ingest.ts';
import type { Platform, Publisher, Store } from '../../src/app/ports.ts';
import type { Message } from '../../src/core/message.ts';
import { silentLogger } from '../../src/logger.ts';
import { textDocument } from '../../src/app/ingest-document.ts';
import { startFakeDiscord } from '../fakes/discord/index.ts';
import type { FakeDiscord, Injection } from '../fakes/discord/index.ts';
import { allText } from '../fakes/slack/payload-text.ts';
import { startFakeSlackApi } from '../fakes/slack/web-api.ts';
import type { Fault, FakeSlackApi } from '../fakes/slack/web-api.ts';
import { ingest, manager, open, tempDbPath, testClock, testDigests } from './digest-harness.ts';
import type { TestClock } from './digest-harness.ts';

const STORY = readFileSync(new URL('../fixtures/digest/harbour-story.txt', import.meta.url), 'utf8');
const HEADLINE = /Harbour council approves new flood barrier/;
const SLOT = '2026-11-30T08:00:00.000Z';
const SLACK_CHANNEL = 'C0DIGEST01';
const DISCORD_CHANNEL = '400000000000000777';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A store with one 08:00 UTC subscription and one story ingested at 07:00, the clock at 08:00. */
async function subscribedAt(platform: Platform, channelId: string, publisher: Publisher) {
  const store = await open(tempDbPath());
  stores.push(store);
  const clock: TestClock = testClock('2026-11-29T12:00:00Z');
  const digests = testDigests(store, clock, { instanceId: `test-${platform}` });
  digests.registerPublisher(publisher);
  await digests.commands.run('subscribe', { time: '08:00', timezone: 'UTC' }, manager(platform, channelId));
  clock.set('2026-11-30T07:00:00Z');
  const lines = await ingestDocument({ store, clock, logger: silentLogger }, textDocument('harbour-story.txt', { content: STORY, file: 'harbour-story.txt', url: null }));
  expect(lines.map((l) => l.status)).toEqual(['stored']);
  clock.set(SLOT);
  const sub = (await store.digests.getSubscription(platform, channelId))!;
  const status = async () => statusText(await digests.commands.run('status', {}, manager(platform, channelId)));
  return { store, clock, digests, sub, status };
}

function statusText(m: Message): string {
  return [...(m.sections ?? []).flatMap((s) => s.lines), m.notice?.text ?? ''].join('\n');
}

describe('GIVEN digests posted through the real Slack publisher and the fake Slack Web API', () => {
  let api: FakeSlackApi;
  beforeEach(async () => {
    api = await startFakeSlackApi();
  });
  afterEach(async () => {
    await api.close();
  });

  function slackPublisher(maxRateLimitWaits: number, waits: number[]) {
    const client = createSlackClient({ token: 'xoxb-digest-test', apiUrl: api.apiUrl, logger: silentLogger, retries: 0 });
    return createSlackPublisher({ client, logger: silentLogger, maxRateLimitWaits, sleep: async (ms) => void waits.push(ms) });
  }

  it.each([
    { who: 'the publisher waits it out in the same call', maxRateLimitWaits: 3, publisherWaits: [1000], serviceWaits: [], attempts: 1 },
    { who: 'the digest service retries after it', maxRateLimitWaits: 0, publisherWaits: [], serviceWaits: [1000], attempts: 2 },
  ])('WHEN Slack answers 429 with Retry-After: 1 once and $who THEN exactly one post, recorded as sent with its ts', async (c) => {
    const waits: number[] = [];
    const { store, digests, sub, status } = await subscribedAt('slack', SLACK_CHANNEL, slackPublisher(c.maxRateLimitWaits, waits));
    api.fail('chat.postMessage', { kind: 'ratelimit', retryAfterSeconds: 1 });

    const [report] = await digests.runDue();
    const calls = api.callsTo('chat.postMessage');
    const answered = calls.filter((call) => call.response?.['ok'] === true);
    expect(calls).toHaveLength(2);
    expect(answered).toHaveLength(1);
    expect(answered[0]!.params['channel']).toBe(SLACK_CHANNEL);
    expect(allText(answered[0]!.params)).toMatch(HEADLINE);
    expect(waits).toEqual(c.publisherWaits);
    expect(digests.sleeps).toEqual(c.serviceWaits);

    const ts = answered[0]!.response?.['ts'];
    expect(ts).toMatch(/^\d+\.\d+$/);
    expect(report?.result).toMatchObject({ status: 'sent', messageId: ts, storyCount: 1 });
    expect((await store.digests.getDelivery(sub.id, SLOT))).toMatchObject({ status: 'sent', messageId: ts, attempts: c.attempts, storyCount: 1, error: null });
    expect(await status()).toContain('Last delivery: Mon 30 Nov, 08:00 (UTC), 1 story');

    // the same slot again (a second sweep, another instance): nothing more reaches Slack
    await digests.runDue();
    await testDigests(store, testClock(SLOT), { instanceId: 'other' }).runDue();
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it.each<{ error: string }>([{ error: 'not_in_channel' }, { error: 'channel_not_found' }])(
    'WHEN Slack refuses with $error THEN the subscription is paused, status says why, and the next slot posts nothing',
    async ({ error }) => {
      const { store, clock, digests, sub, status } = await subscribedAt('slack', SLACK_CHANNEL, slackPublisher(3, []));
      api.fail('chat.postMessage', { kind: 'error', error } satisfies Fault);

      const [report] = await digests.runDue();
      expect(report?.result).toEqual({ status: 'failed', error, paused: true });
      expect((await store.digests.getSubscriptionById(sub.id))?.pausedReason).toBe(error);
      const text = await status();
      expect(text).toContain(`Paused since Mon 30 Nov, 08:00 (UTC): ${error}`);
      expect(text).toContain(`Last error: permanent: ${error}`);

      clock.set('2026-12-01T08:00:00Z');
      expect(await digests.runDue()).toEqual([]);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );
});

describe('GIVEN digests posted through the real Discord publisher and the fake Discord REST', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/v10/channels/${DISCORD_CHANNEL}/messages`);
  const discordPublisher = () => createDiscordPublisher(createRest({ token: 'fake-digest-token', apiUrl: fake.apiUrl, timeoutMs: 5_000 }), silentLogger);
  const inject = (i: Omit<Injection, 'path' | 'method'>) => fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, ...i });

  it.each([
    { name: '403 Missing Access (50001)', status: 403, body: { code: 50001, message: 'Missing Access' }, reason: /^Missing Access: the bot cannot see the channel/ },
    { name: '404 Unknown Channel (10003)', status: 404, body: { code: 10003, message: 'Unknown Channel' }, reason: /^Unknown Channel: the channel was deleted/ },
    { name: '403 Missing Permissions (50013)', status: 403, body: { code: 50013, message: 'Missing Permissions' }, reason: /^Missing Permissions: the bot needs Send Messages/ },
  ])('WHEN Discord answers $name THEN one request, the subscription is paused, /digest status shows why, and later slots are skipped', async (c) => {
    const { store, clock, digests, sub, status } = await subscribedAt('discord', DISCORD_CHANNEL, discordPublisher());
    inject({ status: c.status, body: c.body });

    const [report] = await digests.runDue();
    expect(report?.result).toMatchObject({ status: 'failed', paused: true });
    const paused = await store.digests.getSubscriptionById(sub.id);
    expect(paused?.pausedReason).toMatch(c.reason);
    expect((await store.digests.getDelivery(sub.id, SLOT))).toMatchObject({ status: 'failed', messageId: null, attempts: 1 });
    expect(posts().map((p) => p.status)).toEqual([c.status]);

    const shown = await digests.commands.run('status', {}, manager('discord', DISCORD_CHANNEL));
    expect(shown.notice?.tone).toBe('warning');
    const text = statusText(shown);
    expect(text).toContain(`Paused since Mon 30 Nov, 08:00 (UTC): ${paused?.pausedReason}. Subscribe again to resume.`);
    expect(text).toContain('Last delivery: none yet');
    expect(text).toMatch(/Last error: permanent: /);
    expect(await status()).not.toContain('Next run');

    clock.set('2026-12-01T08:00:00Z');
    expect(await digests.runDue()).toEqual([]);
    expect(posts()).toHaveLength(1);

    // subscribing again resumes: the next slot carries the story that was never posted
    await digests.commands.run('subscribe', {}, manager('discord', DISCORD_CHANNEL));
    clock.set('2026-12-02T08:00:00Z');
    const [resumed] = await digests.runDue();
    expect(resumed?.result).toMatchObject({ status: 'sent', storyCount: 1 });
    expect(JSON.stringify(posts().at(-1)?.body)).toMatch(HEADLINE);
  });

  it.each([
    { name: 'a route 429', global: false },
    { name: 'a global 429', global: true },
  ])('WHEN Discord answers $name with retry_after then succeeds THEN exactly one message, recorded as sent with its id', async (c) => {
    const { store, digests, sub, status } = await subscribedAt('discord', DISCORD_CHANNEL, discordPublisher());
    inject({ status: 429, retryAfter: 0.2, global: c.global });

    const [report] = await digests.runDue();
    expect(posts().map((p) => p.status)).toEqual([429, 200]);
    const created = posts()[1]!;
    const id = (created.response as { id?: string }).id;
    expect(id).toMatch(/^\d+$/);
    expect(JSON.stringify(created.body)).toMatch(HEADLINE);
    expect((created.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(report?.result).toMatchObject({ status: 'sent', messageId: id, storyCount: 1 });
    expect((await store.digests.getDelivery(sub.id, SLOT))).toMatchObject({ status: 'sent', messageId: id, attempts: 1 });
    expect(digests.sleeps).toEqual([]); // @discordjs/rest sat out the short wait itself
    expect(await status()).toContain('Last delivery: Mon 30 Nov, 08:00 (UTC), 1 story');

    await digests.runDue();
    expect(posts()).toHaveLength(2);
  });

  it('WHEN Discord fails with a 502 on every retry of the REST client THEN the service retries the slot later and posts it once', async () => {
    const { store, digests, sub } = await subscribedAt('discord', DISCORD_CHANNEL, discordPublisher());
    inject({ status: 502, times: 4 }); // @discordjs/rest retries a 5xx 3 times inside one call

    const [report] = await digests.runDue();
    expect(posts().map((p) => p.status)).toEqual([502, 502, 502, 502, 200]);
    expect(digests.sleeps).toEqual([1000]);
    const id = (posts()[4]!.response as { id?: string }).id;
    expect(report?.result).toMatchObject({ status: 'sent', messageId: id });
    expect((await store.digests.getDelivery(sub.id, SLOT))).toMatchObject({ status: 'sent', messageId: id, attempts: 2 });
  });

  describe('AND a digest too big for one Discord message (it is split in parts)', () => {
    const quote = (i: number) => `We will not accept budget ${i} if it ignores the harbour, the schools and the roads, and we will say so at every meeting. `.repeat(5);
    async function bigDigest() {
      const ctx = await subscribedAt('discord', DISCORD_CHANNEL, discordPublisher());
      for (let i = 0; i < 9; i++) {
        await ingest(ctx.store, `Story ${i} on the long running council budget negotiations in the harbour town`, `2026-11-30T07:0${i}:00Z`, { quote: quote(i), body: `Budget item ${i}.` }); // nine stories, not copies of one
      }
      return ctx;
    }
    const okBodies = () => posts().filter((p) => p.status === 200).map((p) => JSON.stringify(p.body));

    it('WHEN it is delivered THEN each part is posted once and the first part\'s id is recorded', async () => {
      const { store, digests, sub } = await bigDigest();
      const [report] = await digests.runDue();
      expect(okBodies().length).toBeGreaterThan(1);
      expect(new Set(okBodies()).size).toBe(okBodies().length);
      expect(report?.result).toMatchObject({ status: 'sent', storyCount: 10 });
      expect((await store.digests.getDelivery(sub.id, SLOT))?.messageId).toBe((posts()[0]!.response as { id?: string }).id);
    });

    // publish() throws a transient DeliveryError when a later part fails after the first was
    // posted; the publisher remembers the posted parts, so the service's retry posts only the rest.
    it('WHEN a later part fails transiently THEN the retry does not post the first part again', async () => {
      const { digests } = await bigDigest();
      inject({ delayMs: 1 }); // the first part goes through
      inject({ status: 500, times: 4 }); // the second part outlasts the REST client's own retries
      const [report] = await digests.runDue();
      expect(report?.result.status).toBe('sent');
      expect(new Set(okBodies()).size).toBe(okBodies().length);
    });
  });
});
