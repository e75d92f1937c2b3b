// End to end as in production: config from the environment, startBot (SQLite on a temp file,
// the shipped seeds), the real App and the real discord.js client against the fake Discord.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startBot, type RunningBot } from '../../../src/main.ts';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../../fakes/discord/index.ts';
import { interactionPayload, perms, str, type InteractionSpec } from '../../fakes/discord/interactions.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
type Data = { content?: string; flags?: number; allowed_mentions?: { parse: unknown[] }; choices?: { name: string; value: string }[] };

let fake: FakeDiscord;
let bot: RunningBot;
let dir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'nb-discord-e2e-'));
  const config = loadConfig({
    NEWSBRIEF_DB: join(dir, 'newsbrief.db'),
    SEEDS_DIR: join(ROOT, 'seeds'),
    LOG_LEVEL: 'silent',
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_APPLICATION_ID: fake.identity.applicationId,
    DISCORD_GUILD_ID: fake.identity.guildId,
    DISCORD_API_URL: fake.apiUrl,
  });
  bot = await startBot({ config, logger: silentLogger });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends an interaction over the gateway; resolves with what the user finally sees (reply, edit or follow-up). */
async function ask(spec: InteractionSpec): Promise<{ type: number; data: Data }> {
  const p = interactionPayload(fake.identity, spec);
  fake.gateway.dispatch('INTERACTION_CREATE', p);
  const cb = await fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/v10/interactions/${p.id}/`));
  const body = cb.body as { type: number; data?: Data };
  if (body.type !== 5) return { type: body.type, data: body.data ?? {} };
  const final = await fake.waitForRequest(
    (r: RecordedRequest) => (r.method === 'PATCH' || r.method === 'POST') && r.path.startsWith(`/v10/webhooks/${fake.identity.applicationId}/${p.token}`),
  );
  const data = final.body as Data;
  // An edited original keeps the visibility it was deferred with.
  return { type: 4, data: final.method === 'PATCH' ? { ...data, flags: body.data?.flags ?? 0 } : data };
}

describe('Discord round trip with the real app', () => {
  it('GIVEN the bot started with DISCORD_TOKEN THEN the discord adapter runs on the gateway', () => {
    expect(bot.adapters).toContain('discord');
    expect(bot.publishers.get('discord')?.platform).toBe('discord');
    expect(fake.gateway.stats.identifies).toHaveLength(1);
  });

  it("GIVEN /quote who:Putin THEN Putin's quotes from the seed article reach Discord, public, with mentions disabled", async () => {
    const { data } = await ask({ command: 'quote', options: [str('who', 'Putin')] });
    const text = JSON.stringify(data);
    expect(text).toContain('Putin');
    expect(text).toContain('peaceful settlement');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect((data.flags ?? 0) & 64).toBe(0);
  });

  it('GIVEN "pu" typed in who THEN Vladimir Putin is suggested', async () => {
    const { type, data } = await ask({ command: 'quote', type: 4, options: [str('who', 'pu', true)] });
    expect(type).toBe(8);
    expect(data.choices?.length).toBeGreaterThan(0);
    expect(data.choices?.length).toBeLessThanOrEqual(25);
    expect(data.choices?.some((c) => c.value.includes('Putin'))).toBe(true);
  });

  it('GIVEN an unknown speaker THEN a friendly answer only the asker sees', async () => {
    const { data } = await ask({ command: 'quote', options: [str('who', 'Zzyzx Qwerty')] });
    expect((data.flags ?? 0) & 64).toBe(64);
    expect(JSON.stringify(data)).toContain('Zzyzx');
  });

  it('GIVEN /digest subscribe by a member without Manage Channels THEN it is refused privately and nothing is posted', async () => {
    const posts = () => fake.requests.filter((r) => r.path.includes('/channels/')).length;
    const before = posts();
    const { data } = await ask({ command: 'digest', subcommand: 'subscribe', options: [str('time', '08:00')], permissions: perms.member });
    expect((data.flags ?? 0) & 64).toBe(64);
    expect(JSON.stringify(data)).toContain('Manage Channels');
    expect(posts()).toBe(before);
  });

  it('GIVEN a member with Manage Channels WHEN subscribing and asking for a digest now THEN the digest is posted in the channel', async () => {
    const channelPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/v10/channels/${fake.identity.channelId}/messages`);
    const sub = await ask({ command: 'digest', subcommand: 'subscribe', options: [str('time', '08:00'), str('timezone', 'Europe/London')], permissions: perms.manager });
    expect(JSON.stringify(sub.data)).toContain('08:00');
    const before = channelPosts().length;
    const now = await ask({ command: 'digest', subcommand: 'now', permissions: perms.manager });
    expect((now.data.flags ?? 0) & 64).toBe(64);
    await fake.waitForRequest((r) => r.method === 'POST' && r.path.includes('/channels/') && channelPosts().length > before);
    const post = channelPosts()[before]!;
    expect(post.status).toBe(200);
    expect(post.authorization).toBe('Bot fake-bot-token');
    expect((post.body as Data).allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(post.body)).toContain('New era of ties');
  });

  it('GIVEN the running bot WHEN a digest is published through its Discord publisher THEN the channel receives it', async () => {
    const publisher = bot.publishers.get('discord')!;
    const { messageId } = await publisher.publish(fake.identity.channelId, {
      visibility: 'public',
      title: 'Your digest',
      items: [{ type: 'story', articleId: 1, headline: 'New era of ties @here', url: null, keyPoints: ['Talks in Moscow'], quote: null, source: null, date: '2023-03-22' }],
    });
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === `/v10/channels/${fake.identity.channelId}/messages`);
    expect(post?.status).toBe(200);
    expect(messageId).toMatch(/^\d+$/);
    expect((post?.body as Data).allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(post?.body)).toContain('New era of ties');
  });
});
