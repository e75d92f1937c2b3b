// The real discord.js client, started as in production (startDiscord), against the fake Discord.
import { afterEach, describe, expect, it } from 'vitest';
import { BriefingError } from '../../../src/core/errors.ts';
import type { Message } from '../../../src/core/message.ts';
import { discordConfig, recordingApp, startHarness, type Harness } from '../../fakes/discord/harness.ts';
import { int, perms, str } from '../../fakes/discord/interactions.ts';
import { startFakeDiscord, type RecordedRequest } from '../../fakes/discord/index.ts';
import { startDiscord } from '../../../src/adapters/discord/index.ts';
import { renderDiscord } from '../../../src/adapters/discord/render.ts';
import { silentLogger } from '../../../src/logger.ts';

const EPHEMERAL = 64;
let h: Harness | null = null;
afterEach(async () => {
  // Everything the bot sent was accepted by the fake (limits, acknowledgement order).
  const refused = h?.fake.requests.filter((r) => r.status >= 400) ?? [];
  await h?.stop();
  h = null;
  expect(refused.map((r) => `${r.method} ${r.path} -> ${r.status}`)).toEqual([]);
});

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/v10/interactions/${id}/`);
const originalOf = (token: string, method: string) => (r: RecordedRequest) => r.method === method && r.path.endsWith(`/${token}/messages/@original`);
const followUpOf = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith(`/webhooks/200000000000000001/${token}`);
type Body = { type: number; data?: { content?: string; flags?: number; allowed_mentions?: { parse: unknown[] }; choices?: { name: string; value: string }[] } };

const putinAnswer: Message = {
  visibility: 'public',
  title: 'Vladimir Putin said',
  items: [
    { type: 'quote', text: 'We are ready for talks @everyone', speaker: 'Vladimir Putin', kind: 'direct', articleId: 1, headline: 'Peace talks', url: null, source: 'Seed', date: '2025-01-01' },
  ],
};

describe('discord gateway adapter', () => {
  it('GIVEN the client is started WHEN it connects THEN it identifies with the Guilds intent only, JSON and no compression', async () => {
    h = await startHarness(recordingApp());
    expect(h.fake.gateway.stats.identifies).toHaveLength(1);
    expect(h.fake.gateway.stats.identifies[0]).toMatchObject({ token: 'fake-bot-token', intents: 1, compress: false });
    expect(h.fake.gateway.connectQueries[0]).toEqual({ v: '10', encoding: 'json' });
    expect(h.discord.botUserId).toBe(h.fake.identity.botUserId);
  });

  it('GIVEN Discord rejects the token THEN startDiscord fails with a clear error', async () => {
    const fake = await startFakeDiscord();
    try {
      fake.inject({ method: 'GET', path: '/v10/gateway/bot', status: 401, body: { message: '401: Unauthorized', code: 0 } });
      await expect(startDiscord({ config: discordConfig(fake), app: recordingApp(), logger: silentLogger })).rejects.toThrow(/token/i);
      expect(fake.gateway.stats.connections).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('GIVEN /quote who:Putin WHEN the answer is quick THEN it is the interaction reply, public, with mentions disabled', async () => {
    const app = recordingApp(() => putinAnswer);
    h = await startHarness(app);
    const { id } = h.interact({ command: 'quote', options: [str('who', 'Putin'), int('count', 3)] });
    const cb = await h.fake.waitForRequest(callbackOf(id));
    const body = cb.body as Body;
    expect(body.type).toBe(4);
    expect(JSON.stringify(body.data)).toContain('Vladimir Putin');
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(cb.authorization).toBeNull();
    expect(app.calls).toHaveLength(1);
    expect(app.calls[0]?.inv).toEqual({ command: 'quote', subcommand: null, options: { who: 'Putin', count: 3 } });
    expect(app.calls[0]?.ctx).toEqual({
      platform: 'discord',
      channelId: h.fake.identity.channelId,
      userId: '500000000000000001',
      workspaceId: h.fake.identity.guildId,
      canManageChannel: false,
      canManageServer: false,
    });
  });

  it.each([
    { name: 'GIVEN a member without Manage Channels THEN canManageChannel is false', permissions: perms.member, expected: false },
    { name: 'GIVEN a member with Manage Channels THEN canManageChannel is true', permissions: perms.manager, expected: true },
    { name: 'GIVEN an administrator THEN canManageChannel is true', permissions: String(8n | 1024n), expected: true },
  ])('/digest subscribe: $name', async ({ permissions, expected }) => {
    const app = recordingApp((inv, ctx) => ({ visibility: 'ephemeral', items: [], notice: { tone: ctx.canManageChannel ? 'success' : 'error', text: ctx.canManageChannel ? 'Subscribed' : 'You need Manage Channels' } }));
    h = await startHarness(app);
    const { id } = h.interact({ command: 'digest', subcommand: 'subscribe', options: [str('time', '08:00')], permissions });
    const cb = await h.fake.waitForRequest(callbackOf(id));
    expect(app.calls[0]?.inv).toEqual({ command: 'digest', subcommand: 'subscribe', options: { time: '08:00' } });
    expect(app.calls[0]?.ctx.canManageChannel).toBe(expected);
    expect(((cb.body as Body).data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('GIVEN "pu" typed in /quote who THEN autocomplete answers at most 25 choices within Discord limits', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `Putin ${i} ${'x'.repeat(i === 0 ? 150 : 0)}`, value: `Putin ${i}` }));
    const app = recordingApp(undefined, many);
    h = await startHarness(app);
    const { id } = h.interact({ command: 'quote', type: 4, options: [str('who', 'pu', true)] });
    const cb = await h.fake.waitForRequest(callbackOf(id));
    const body = cb.body as Body;
    expect(body.type).toBe(8);
    expect(app.completions).toEqual([['quote', 'who', 'pu']]);
    expect(body.data?.choices).toHaveLength(25);
    for (const c of body.data?.choices ?? []) {
      expect([...c.name].length).toBeGreaterThan(0);
      expect([...c.name].length).toBeLessThanOrEqual(100);
      expect([...c.value].length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN an answer that is not ready in time THEN the interaction is deferred first and the original edited with the answer', async () => {
    let fakeRef: Harness['fake'] | null = null;
    const app = recordingApp(async () => {
      // The answer only becomes ready once Discord has seen the defer: no defer, no answer.
      await fakeRef!.waitForRequest((r) => r.path.includes('/callback') && (r.body as Body).type === 5);
      return putinAnswer;
    });
    h = await startHarness(app);
    fakeRef = h.fake;
    const { id, token } = h.interact({ command: 'quote', options: [str('who', 'Putin')] });
    const defer = await h.fake.waitForRequest(callbackOf(id));
    expect((defer.body as Body).type).toBe(5);
    expect(((defer.body as Body).data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const edit = await h.fake.waitForRequest(originalOf(token, 'PATCH'));
    expect(JSON.stringify(edit.body)).toContain('Vladimir Putin');
    expect((edit.body as Body['data'])?.allowed_mentions).toEqual({ parse: [] });
    expect(edit.at).toBeGreaterThan(defer.at);
  });

  it('GIVEN a slow /digest THEN it is deferred ephemerally', async () => {
    const app = recordingApp(async () => {
      await new Promise((r) => setTimeout(r, 150));
      return { visibility: 'ephemeral', items: [], notice: { tone: 'info', text: 'No digest here yet.' } };
    });
    h = await startHarness(app, { deferAfterMs: 20 });
    const { id, token } = h.interact({ command: 'digest', subcommand: 'status' });
    const defer = await h.fake.waitForRequest(callbackOf(id));
    expect(defer.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.fake.waitForRequest(originalOf(token, 'PATCH'));
    expect(JSON.stringify(edit.body)).toContain('No digest here yet.');
  });

  it('GIVEN a publicly deferred answer that turns out to be a user error THEN the placeholder is deleted and the error sent ephemerally', async () => {
    const app = recordingApp(async () => {
      await new Promise((r) => setTimeout(r, 150));
      throw new BriefingError('unknown_speaker', 'I know no one called Xyzzy.', { hint: 'Try /quote who:Putin' });
    });
    h = await startHarness(app, { deferAfterMs: 20 });
    const { token } = h.interact({ command: 'quote', options: [str('who', 'Xyzzy')] });
    await h.fake.waitForRequest(originalOf(token, 'DELETE'));
    const follow = await h.fake.waitForRequest(followUpOf(token));
    const data = follow.body as NonNullable<Body['data']>;
    expect(JSON.stringify(data)).toContain('Xyzzy');
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it.each([
    { name: 'GIVEN count:50 (above the maximum) THEN a friendly ephemeral error and the app is not called', options: [str('who', 'Putin'), int('count', 50)], text: 'count' },
    { name: 'GIVEN an unknown option THEN a friendly ephemeral error', options: [str('who', 'Putin'), str('colour', 'red')], text: 'colour' },
  ])('$name', async ({ options, text }) => {
    const app = recordingApp();
    h = await startHarness(app);
    const { id } = h.interact({ command: 'quote', options });
    const cb = await h.fake.waitForRequest(callbackOf(id));
    const body = cb.body as Body;
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(body.data)).toContain(text);
    expect(app.calls).toHaveLength(0);
  });

  it('GIVEN the app throws an internal error THEN the user gets a generic ephemeral reply with a correlation id', async () => {
    const app = recordingApp(() => {
      throw new Error('database is locked');
    });
    h = await startHarness(app);
    const { id } = h.interact({ command: 'brief' });
    const cb = await h.fake.waitForRequest(callbackOf(id));
    const text = JSON.stringify((cb.body as Body).data);
    expect((cb.body as Body).data?.flags).toBe(EPHEMERAL);
    expect(text).not.toContain('database is locked');
    expect(text).toMatch(/[0-9a-f]{8}/);
  });

  it('GIVEN an answer too long for one message THEN the reply is followed by follow-ups, all within the limits', async () => {
    const long: Message = {
      visibility: 'public',
      title: 'What Vladimir Putin said',
      items: Array.from({ length: 12 }, (_, i) => ({
        type: 'quote' as const,
        text: `Quote ${i}: ${'we are ready for talks, '.repeat(70)}`,
        speaker: 'Vladimir Putin',
        kind: 'direct' as const,
        articleId: i,
        headline: `Headline ${i}`,
        url: null,
        source: 'Seed',
        date: '2023-03-22',
      })),
    };
    h = await startHarness(recordingApp(() => long));
    const { id, token } = h.interact({ command: 'quote', options: [str('who', 'Putin')] });
    const parts = renderDiscord(long).length;
    expect(parts).toBeGreaterThan(1);
    await h.fake.waitForRequest(callbackOf(id));
    const followUps = () => h!.fake.requests.filter((r) => r.answered && followUpOf(token)(r));
    await h.fake.waitForRequest((r) => followUpOf(token)(r) && followUps().length === parts - 1);
    for (const f of followUps()) {
      expect(f.status).toBe(200);
      expect((f.body as NonNullable<Body['data']>).allowed_mentions).toEqual({ parse: [] });
    }
    expect(JSON.stringify(h.fake.requests.map((r) => r.body))).toContain('Quote 0');
  });

  it('GIVEN an interaction from a bot THEN it is ignored', async () => {
    const app = recordingApp();
    h = await startHarness(app);
    const bot = h.interact({ command: 'brief', userIsBot: true, userId: '500000000000000099' });
    const human = h.interact({ command: 'brief' });
    await h.fake.waitForRequest(callbackOf(human.id));
    expect(h.fake.requests.some(callbackOf(bot.id))).toBe(false);
    expect(app.calls).toHaveLength(1);
  });

  it('GIVEN the gateway asks for a reconnect (op 7) THEN the client resumes the same session and keeps answering', async () => {
    const app = recordingApp();
    h = await startHarness(app);
    const resumed = new Promise((resolve) => h!.fake.gateway.once('resumed', resolve));
    h.fake.gateway.requestReconnect();
    await resumed;
    expect(h.fake.gateway.stats.resumes[0]).toMatchObject({ session_id: expect.any(String), seq: expect.any(Number) });
    const { id } = h.interact({ command: 'brief' });
    await h.fake.waitForRequest(callbackOf(id));
    expect(h.fake.gateway.stats.connections).toBe(2);
  });

  it('GIVEN the gateway closes the socket THEN the client resumes and answers interactions again, including one sent while it was away', async () => {
    const app = recordingApp();
    h = await startHarness(app);
    const resumed = new Promise((resolve) => h!.fake.gateway.once('resumed', resolve));
    h.fake.gateway.closeConnection(4000);
    const whileAway = h.interact({ command: 'brief' });
    await resumed;
    expect(h.fake.gateway.stats.resumes).toHaveLength(1);
    expect(h.fake.gateway.stats.resumes[0]).toMatchObject({ token: 'fake-bot-token' });
    const after = h.interact({ command: 'help' });
    await h.fake.waitForRequest(callbackOf(whileAway.id));
    await h.fake.waitForRequest(callbackOf(after.id));
    expect(app.calls.map((c) => c.inv.command)).toEqual(['brief', 'help']);
    expect(h.fake.gateway.stats.identifies).toHaveLength(1);
  });
});
