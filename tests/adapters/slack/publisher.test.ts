// The Slack Publisher (digests) against the fake Web API: chat.postMessage, Retry-After,
// and every failure mapped to a permanent or transient DeliveryError.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/app/ports.ts';
import type { Message } from '../../../src/core/message.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createSlackPublisher } from '../../../src/adapters/slack/publisher.ts';
import type { SlackPublisherOptions } from '../../../src/adapters/slack/publisher.ts';
import { createSlackClient } from '../../../src/adapters/slack/web-client.ts';
import { allText } from '../../fakes/slack/payload-text.ts';
import { startFakeSlackApi } from '../../fakes/slack/web-api.ts';
import type { FakeSlackApi } from '../../fakes/slack/web-api.ts';

const digest: Message = {
  visibility: 'public',
  title: 'Your morning digest',
  items: [
    {
      type: 'story',
      articleId: 1,
      headline: 'Putin and Xi put on united front against West after talks',
      url: 'https://example.com/story',
      keyPoints: ['Chinese President Xi Jinping visited Russia this week.'],
      quote: { text: 'Truly unlimited possibilities', speaker: 'Vladimir Putin' },
      source: 'Example News',
      date: '2023-03-22',
    },
  ],
  shareable: true,
};

let api: FakeSlackApi;
beforeEach(async () => {
  api = await startFakeSlackApi();
});
afterEach(async () => {
  await api.close();
});

function publisher(opts: Partial<SlackPublisherOptions> = {}) {
  const client = createSlackClient({ token: 'xoxb-test-publisher', apiUrl: api.apiUrl, logger: silentLogger, retries: 0 });
  return createSlackPublisher({ client, logger: silentLogger, ...opts });
}

async function publishError(p: ReturnType<typeof publisher>): Promise<DeliveryError> {
  const err = await p.publish('C0DIGEST1', digest).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('GIVEN a digest to post', () => {
  it('THEN it is posted with chat.postMessage (text fallback and blocks, no unfurls, no Share button) and the ts is returned', async () => {
    const { messageId } = await publisher().publish('C0DIGEST1', digest);
    const [call] = api.callsTo('chat.postMessage');
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(call!.params['channel']).toBe('C0DIGEST1');
    expect(call!.token).toBe('xoxb-test-publisher');
    expect(typeof call!.params['text']).toBe('string');
    expect(Array.isArray(call!.params['blocks'])).toBe(true);
    expect(allText(call!.params)).toContain('morning digest');
    expect(String(call!.params['unfurl_links'])).toBe('false');
    expect(JSON.stringify(call!.params)).not.toContain('newsbrief_share');
  });

  it('WHEN Slack answers 429 with Retry-After: 1 once THEN the post is retried after it and succeeds', async () => {
    api.fail('chat.postMessage', { kind: 'ratelimit', retryAfterSeconds: 1 });
    const waits: number[] = [];
    const p = publisher({ sleep: async (ms) => void waits.push(ms) });
    const { messageId } = await p.publish('C0DIGEST1', digest);
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it('WHEN the Retry-After is longer than the publisher waits THEN a transient DeliveryError carries it for the scheduler', async () => {
    api.fail('chat.postMessage', { kind: 'ratelimit', retryAfterSeconds: 120 });
    const err = await publishError(publisher({ maxRateLimitWaitMs: 60_000 }));
    expect(err).toMatchObject({ permanent: false, retryAfterMs: 120_000, reason: 'ratelimited' });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('WHEN Slack keeps answering 429 THEN it gives up after the allowed waits with a transient error', async () => {
    api.fail('chat.postMessage', { kind: 'ratelimit', retryAfterSeconds: 1 }, 5);
    const err = await publishError(publisher({ maxRateLimitWaits: 2, sleep: async () => {} }));
    expect(err).toMatchObject({ permanent: false, retryAfterMs: 1000 });
    expect(api.callsTo('chat.postMessage')).toHaveLength(3);
  });
});

describe('GIVEN Slack refuses the post', () => {
  it.each([
    'not_in_channel',
    'channel_not_found',
    'is_archived',
    'account_inactive',
    'invalid_auth',
    'token_revoked',
    'missing_scope',
  ])('WHEN it says %s THEN the DeliveryError is permanent and names the reason', async (error) => {
    api.fail('chat.postMessage', { kind: 'error', error });
    const err = await publishError(publisher());
    expect(err).toMatchObject({ permanent: true, reason: error, retryAfterMs: null });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    { name: 'an HTTP 500', fault: { kind: 'http', status: 500 } as const, reason: 'http_500' },
    { name: 'an HTTP 503', fault: { kind: 'http', status: 503 } as const, reason: 'http_503' },
    { name: 'internal_error', fault: { kind: 'error', error: 'internal_error' } as const, reason: 'internal_error' },
    { name: 'service_unavailable', fault: { kind: 'error', error: 'service_unavailable' } as const, reason: 'service_unavailable' },
  ])('WHEN it fails with $name THEN the DeliveryError is transient', async ({ fault, reason }) => {
    api.fail('chat.postMessage', fault);
    const err = await publishError(publisher());
    expect(err).toMatchObject({ permanent: false, reason });
  });

  it('WHEN the API cannot be reached THEN the DeliveryError is transient', async () => {
    await api.close();
    const client = createSlackClient({ token: 'xoxb-test', apiUrl: 'http://127.0.0.1:9/api/', logger: silentLogger, retries: 0 });
    const err = await createSlackPublisher({ client, logger: silentLogger }).publish('C1', digest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ permanent: false, reason: 'request_failed' });
    api = await startFakeSlackApi();
  });

  it('WHEN a 5xx happens once THEN the client retries and the post succeeds', async () => {
    api.fail('chat.postMessage', { kind: 'http', status: 502 });
    const client = createSlackClient({ token: 'xoxb-test', apiUrl: api.apiUrl, logger: silentLogger, retries: 1, minRetryDelayMs: 10 });
    const { messageId } = await createSlackPublisher({ client, logger: silentLogger }).publish('C1', digest);
    expect(messageId).toBeTruthy();
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
