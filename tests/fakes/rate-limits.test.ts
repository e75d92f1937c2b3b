// The loopback fakes enforce the platforms' published rate limits when asked (the digest fan-out
// benchmark relies on them). A settable clock stands in for time: no sleeps, no timing.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, defaultIdentity, DISCORD_RATE_LIMITS } from './discord/index.ts';
import type { FakeDiscord } from './discord/index.ts';
import { startFakeSlackApi, SLACK_RATE_LIMITS } from './slack/web-api.ts';
import type { FakeSlackApi } from './slack/web-api.ts';

let t = 0;
const now = () => t;
const open: Array<FakeDiscord | FakeSlackApi> = [];
afterEach(async () => {
  for (const f of open.splice(0)) await f.close();
  t = 0;
});

async function discord() {
  const fake = await startFakeDiscord(defaultIdentity, { rateLimits: DISCORD_RATE_LIMITS, now });
  open.push(fake);
  const post = async (channel: string) => {
    const res = await fetch(`${fake.apiUrl}/v10/channels/${channel}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bot x' },
      body: JSON.stringify({ content: 'hello' }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };
  return { fake, post };
}

async function slack() {
  const api = await startFakeSlackApi({ rateLimits: SLACK_RATE_LIMITS, now });
  open.push(api);
  const post = async (channel: string) => {
    const res = await fetch(`${api.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-x' },
      body: JSON.stringify({ channel, text: 'hello' }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after') };
  };
  return { api, post };
}

const channel = (i: number) => String(500000000000000000n + BigInt(i));

describe('GIVEN the fake Discord with its published limits enforced', () => {
  it('WHEN 51 messages go to 51 channels at one instant THEN the 51st gets a global 429 with retry_after, and passes once that time has gone by', async () => {
    const { fake, post } = await discord();
    for (let i = 0; i < 50; i++) expect((await post(channel(i))).status).toBe(200);
    const limited = await post(channel(50));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ global: true, retry_after: 0.02 });
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    t += 20;
    expect((await post(channel(50))).status).toBe(200);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('WHEN a sixth message goes to one channel at the same instant THEN a per-route 429 (not global), with the bucket headers counting down before it', async () => {
    const { post } = await discord();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await post(channel(1));
      expect(r.status).toBe(200);
      remaining.push(r.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await post(channel(1));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ global: false, retry_after: 1 });
    expect((await post(channel(2))).status).toBe(200);
  });

  it('WHEN no limits are asked for THEN nothing is refused (the default for the other tests)', async () => {
    const fake = await startFakeDiscord();
    open.push(fake);
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${fake.apiUrl}/v10/channels/${channel(1)}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":"x"}' });
      expect(res.status).toBe(200);
    }
  });
});

describe('GIVEN the fake Slack Web API with its rate limits enforced', () => {
  it('WHEN a channel gets a second message within a second THEN 429 with Retry-After: 1, and the message passes a second later', async () => {
    const { api, post } = await slack();
    expect((await post('C1')).status).toBe(200);
    expect(await post('C1')).toEqual({ status: 429, retryAfter: '1' });
    t += 1000;
    expect((await post('C1')).status).toBe(200);
    expect(api.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 429, 200]);
  });

  it('WHEN 11 channels get a message at one instant THEN the workspace limit refuses the 11th; 200 ms later one more passes', async () => {
    const { post } = await slack();
    for (let i = 0; i < 10; i++) expect((await post(`C${i}`)).status).toBe(200);
    expect(await post('C10')).toEqual({ status: 429, retryAfter: '1' });
    t += 200;
    expect((await post('C10')).status).toBe(200);
    expect((await post('C11')).status).toBe(429);
  });
});
