// The digest publisher: real @discordjs/rest against the fake Discord's REST routes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/app/ports.ts';
import type { Message } from '../../../src/core/message.ts';
import { createDiscordPublisher, createRest } from '../../../src/adapters/discord/publisher.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.ts';

const CHANNEL = '400000000000000001';
const digest: Message = {
  visibility: 'public',
  title: 'Your daily digest',
  items: [
    { type: 'story', articleId: 1, headline: 'Talks resume @everyone', url: 'https://example.com/a', keyPoints: ['Both sides met'], quote: { text: 'We want peace', speaker: 'Vladimir Putin' }, source: 'Example', date: '2025-01-01' },
  ],
};

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

const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/v10/channels/${CHANNEL}/messages`);

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }
  throw new Error('expected a DeliveryError');
}

describe('discord publisher', () => {
  it('GIVEN a digest WHEN published THEN it is posted to the channel with the bot token, mentions disabled, and the message id returned', async () => {
    const publisher = createDiscordPublisher(createRest({ token: 'fake-bot-token', apiUrl: fake.apiUrl }), silentLogger);
    const { messageId } = await publisher.publish(CHANNEL, digest);
    expect(messageId).toMatch(/^\d+$/);
    const [post] = posts();
    expect(post?.authorization).toBe('Bot fake-bot-token');
    const body = post?.body as { allowed_mentions: unknown; flags?: number };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect((body.flags ?? 0) & 64).toBe(0);
    expect(JSON.stringify(body)).toContain('Talks resume');
  });

  it('GIVEN a 429 with retry_after WHEN publishing THEN the post is retried after the wait and succeeds', async () => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl }), silentLogger);
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3 });
    const { messageId } = await publisher.publish(CHANNEL, digest);
    expect(messageId).toMatch(/^\d+$/);
    const [limited, retried] = posts();
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // Not before retry_after (a lower bound, not a speed assertion).
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(290);
  });

  it('GIVEN a global 429 THEN the post waits it out and succeeds', async () => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl }), silentLogger);
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.2, global: true });
    await publisher.publish(CHANNEL, digest);
    const [limited, retried] = posts();
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(190);
  });

  it('GIVEN a 429 asking for a long wait THEN a transient DeliveryError carries retryAfterMs instead of blocking', async () => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl }), silentLogger);
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 120 });
    const err = await failure(publisher.publish(CHANNEL, digest));
    expect(err.permanent).toBe(false);
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(120_000);
  });

  it.each([
    { name: 'GIVEN 404 Unknown Channel (10003)', status: 404, body: { code: 10003, message: 'Unknown Channel' }, reason: /Unknown Channel/ },
    { name: 'GIVEN 403 Missing Access (50001)', status: 403, body: { code: 50001, message: 'Missing Access' }, reason: /Missing Access/ },
    { name: 'GIVEN 403 Missing Permissions (50013)', status: 403, body: { code: 50013, message: 'Missing Permissions' }, reason: /Missing Permissions/ },
    { name: 'GIVEN a bare 403', status: 403, body: { code: 0, message: 'Forbidden' }, reason: /403/ },
    { name: 'GIVEN a bare 404', status: 404, body: { code: 0, message: 'Not Found' }, reason: /404/ },
  ])('$name THEN the failure is permanent and not retried', async ({ status, body, reason }) => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl }), silentLogger);
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, status, body });
    const err = await failure(publisher.publish(CHANNEL, digest));
    expect(err.permanent).toBe(true);
    expect(err.reason).toMatch(reason);
    expect(posts()).toHaveLength(1);
  });

  it.each([
    { name: 'GIVEN 500s that outlast the retries', injection: { status: 500 }, reason: /500/ },
    { name: 'GIVEN 503s that outlast the retries', injection: { status: 503 }, reason: /503/ },
    { name: 'GIVEN a server that does not answer in time', injection: { delayMs: 400 }, reason: /in time/ },
  ])('$name THEN the failure is transient', async ({ injection, reason }) => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl, timeoutMs: 100 }), silentLogger);
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, times: 10, ...injection });
    const err = await failure(publisher.publish(CHANNEL, digest));
    expect(err.permanent).toBe(false);
    expect(err.reason).toMatch(reason);
  });

  it('GIVEN a 500 once THEN the post is retried and delivered', async () => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl }), silentLogger);
    fake.inject({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 502 });
    const { messageId } = await publisher.publish(CHANNEL, digest);
    expect(messageId).toMatch(/^\d+$/);
    expect(posts().map((p) => p.status)).toEqual([502, 200]);
  });

  it('GIVEN a channel id that is not a snowflake THEN a permanent error without a request', async () => {
    const publisher = createDiscordPublisher(createRest({ token: 't', apiUrl: fake.apiUrl }), silentLogger);
    const err = await failure(publisher.publish('general', digest));
    expect(err.permanent).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });
});
