// The HTTP interactions endpoint (DISCORD_PUBLIC_KEY set): signatures checked before parsing,
// PING -> PONG, commands and autocomplete through the same handlers as the gateway.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/core/message.ts';
import { recordingApp, startHarness, type Harness } from '../../fakes/discord/harness.ts';
import { componentPayload, interactionPayload, str } from '../../fakes/discord/interactions.ts';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const other = generateKeyPairSync('ed25519').privateKey;

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const answer: Message = { visibility: 'public', title: 'Vladimir Putin said', items: [] };

function signed(body: string, key: KeyObject = privateKey, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-timestamp': timestamp,
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), key).toString('hex'),
  };
}

async function post(body: string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${h!.discord.httpPort}/interactions`, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

describe('discord HTTP interactions endpoint', () => {
  const ping = JSON.stringify({ id: '1', application_id: '200000000000000001', type: 1, token: 't', version: 1 });

  it.each([
    { name: 'GIVEN no signature headers', headers: () => ({ 'content-type': 'application/json' }), body: ping },
    { name: 'GIVEN a signature by another key', headers: () => signed(ping, other), body: ping },
    { name: 'GIVEN a body changed after signing', headers: () => signed(ping), body: ping.replace('"type":1', '"type":2') },
    { name: 'GIVEN a signature over another timestamp', headers: () => ({ ...signed(ping), 'x-signature-timestamp': '1' }), body: ping },
    { name: 'GIVEN a signature that is not hex', headers: () => ({ ...signed(ping), 'x-signature-ed25519': 'zz' }), body: ping },
    { name: 'GIVEN a body that is not JSON and a wrong signature', headers: () => signed('{nope', other), body: '{nope' },
  ])('$name THEN 401 and the app is never called', async ({ headers, body }) => {
    const app = recordingApp(() => answer);
    h = await startHarness(app, { config: { publicKey: publicHex } });
    const res = await post(body, headers());
    expect(res.status).toBe(401);
    expect(app.calls).toHaveLength(0);
  });

  it('GIVEN a signed PING THEN PONG', async () => {
    h = await startHarness(recordingApp(), { config: { publicKey: publicHex } });
    expect(await post(ping, signed(ping))).toEqual({ status: 200, json: { type: 1 } });
  });

  it('GIVEN a signed body that is not JSON THEN 400', async () => {
    h = await startHarness(recordingApp(), { config: { publicKey: publicHex } });
    expect((await post('{nope', signed('{nope'))).status).toBe(400);
  });

  it('GIVEN a signed /quote who:Putin THEN the answer is the response, with mentions disabled', async () => {
    const app = recordingApp(() => answer);
    h = await startHarness(app, { config: { publicKey: publicHex } });
    const body = JSON.stringify(interactionPayload(h.fake.identity, { command: 'quote', options: [str('who', 'Putin')] }));
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    expect(JSON.stringify(res.json)).toContain('Vladimir Putin said');
    expect(app.calls[0]?.inv).toEqual({ command: 'quote', subcommand: null, options: { who: 'Putin' } });
    expect(app.calls[0]?.ctx.workspaceId).toBe(h.fake.identity.guildId);
  });

  it('GIVEN a slow signed command THEN a deferred response, then the original edited through the webhook', async () => {
    const app = recordingApp(async () => {
      await new Promise((r) => setTimeout(r, 150));
      return answer;
    });
    h = await startHarness(app, { config: { publicKey: publicHex }, deferAfterMs: 20 });
    const payload = interactionPayload(h.fake.identity, { command: 'brief' });
    h.fake.acknowledge(payload.token); // Discord got our HTTP response (type 5)
    const body = JSON.stringify(payload);
    const res = await post(body, signed(body));
    expect(res.json).toEqual({ type: 5, data: {} });
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${payload.application_id as string}/${payload.token}/messages/@original`);
    expect(JSON.stringify(edit.body)).toContain('Vladimir Putin said');
    expect(edit.authorization).toBeNull();
    expect(edit.status).toBe(200);
  });

  it('GIVEN a signed autocomplete for "pu" THEN choices', async () => {
    const app = recordingApp(undefined, [{ name: 'Vladimir Putin', value: 'Vladimir Putin' }]);
    h = await startHarness(app, { config: { publicKey: publicHex } });
    const body = JSON.stringify(interactionPayload(h.fake.identity, { command: 'quote', type: 4, options: [str('who', 'pu', true)] }));
    const res = await post(body, signed(body));
    expect(res.json).toEqual({ type: 8, data: { choices: [{ name: 'Vladimir Putin', value: 'Vladimir Putin' }] } });
    expect(app.completions).toEqual([['quote', 'who', 'pu']]);
  });

  it('GIVEN another path or method THEN 404 / 405', async () => {
    h = await startHarness(recordingApp(), { config: { publicKey: publicHex } });
    expect((await fetch(`http://127.0.0.1:${h.discord.httpPort}/other`, { method: 'POST', body: ping, headers: signed(ping) })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${h.discord.httpPort}/interactions`)).status).toBe(405);
  });

  it('GIVEN no public key THEN no endpoint is started', async () => {
    h = await startHarness(recordingApp());
    expect(h.discord.httpPort).toBeNull();
  });

  it('GIVEN a signed More button press THEN the next page is the ephemeral answer, re-run as the presser\'s command', async () => {
    const app = recordingApp(() => answer);
    h = await startHarness(app, { config: { publicKey: publicHex } });
    const body = JSON.stringify(componentPayload(h.fake.identity, { customId: 'more:/quote who:Putin page:2', userId: '500000000000000042' }));
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(app.calls.map((c) => [c.inv, c.ctx.userId])).toEqual([[{ command: 'quote', subcommand: null, options: { who: 'Putin', page: 2 } }, '500000000000000042']]);
  });

  it('GIVEN a signed press of a button that is not ours THEN a friendly ephemeral notice and the app is not called', async () => {
    const app = recordingApp(() => answer);
    h = await startHarness(app, { config: { publicKey: publicHex } });
    const body = JSON.stringify(componentPayload(h.fake.identity, { customId: 'more:/help' }));
    const res = await post(body, signed(body));
    expect(res.json).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('Only /brief, /quote answers can be used here.') } });
    expect(app.calls).toHaveLength(0);
  });
});
