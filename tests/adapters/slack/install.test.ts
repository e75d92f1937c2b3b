// "Add to Slack" through the whole bot (env -> startBot -> Bolt's installer): two workspaces
// install the app against a fake oauth.v2.access; each is answered and posted to with its own
// token; uninstalling one pauses its digests (and /digest status says why), not the other's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startBot, type RunningBot } from '../../../src/main.ts';
import { UNINSTALLED_REASON } from '../../../src/app/pause-workspace.ts';
import { createSqliteInstallationStore } from '../../../src/store/installations.ts';
import { SIGNING_SECRET } from '../../fakes/slack/harness.ts';
import { CLIENT, fakeWorkspace, serveInstalls } from '../../fakes/slack/oauth.ts';
import { startResponseUrlReceiver, type ResponseUrlReceiver } from '../../fakes/slack/response-url.ts';
import { sendSlashCommand, slackSignature } from '../../fakes/slack/signed-requests.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack/web-api.ts';
import { allText } from '../../fakes/slack/payload-text.ts';

const [one, two] = [fakeWorkspace(1), fakeWorkspace(2)];

async function postEvent(url: string, body: Record<string, unknown>): Promise<number> {
  const raw = JSON.stringify(body);
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SIGNING_SECRET, ts, raw) },
    body: raw,
  });
  await res.text();
  return res.status;
}

describe('Slack installs', () => {
  let api: FakeSlackApi;
  let responses: ResponseUrlReceiver;
  let bot: RunningBot;
  let base = '';
  let dir = '';
  const logged: string[] = [];
  const capture = {
    debug: (o: unknown, m?: string) => logged.push(JSON.stringify(o) + (m ?? '')),
    info: (o: unknown, m?: string) => logged.push(JSON.stringify(o) + (m ?? '')),
    warn: (o: unknown, m?: string) => logged.push(JSON.stringify(o) + (m ?? '')),
    error: (o: unknown, m?: string) => logged.push(JSON.stringify(o) + (m ?? '')),
    child: () => capture,
  };

  beforeAll(async () => {
    api = await startFakeSlackApi();
    serveInstalls(api, [one!, two!]);
    responses = await startResponseUrlReceiver();
    dir = mkdtempSync(join(tmpdir(), 'nb-install-'));
    const config = loadConfig({
      NEWSBRIEF_DB: join(dir, 'test.db'), SEEDS_DIR: join(import.meta.dirname, '../../../seeds'), LOG_LEVEL: 'silent',
      SLACK_CLIENT_ID: CLIENT.id, SLACK_CLIENT_SECRET: CLIENT.secret, SLACK_STATE_SECRET: CLIENT.state,
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, PORT: '0', HOST: '127.0.0.1',
    });
    bot = await startBot({ config, logger: capture, schedule: false });
    base = `http://127.0.0.1:${bot.ports.slack}`;
  });

  afterAll(async () => {
    await bot?.stop();
    await Promise.all([api?.close(), responses?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function install(code: string): Promise<{ status: number; body: string }> {
    const page = await fetch(`${base}/slack/install`);
    const html = await page.text();
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    const link = html.match(/href="(https:\/\/slack.com\/oauth\/v2\/authorize[^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const state = new URL(link).searchParams.get('state') ?? '';
    expect(new URL(link).searchParams.get('client_id')).toBe(CLIENT.id);
    const done = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    return { status: done.status, body: await done.text() };
  }

  /** Sends /digest <text> from a workspace's channel; resolves with the first answer posted to its response_url. */
  async function slash(ws: typeof one, channel: string, text: string) {
    const responseUrl = responses.newUrl();
    const res = await sendSlashCommand(`${base}/slack/events`, SIGNING_SECRET, {
      command: '/digest', text, response_url: responseUrl, team_id: ws!.teamId, channel_id: channel, user_id: 'U0MANAGER',
    });
    expect(res.status).toBe(200);
    return (await responses.waitFor(responseUrl))[0]!.body;
  }

  it('GIVEN a redirect without the state of the install page THEN nothing is installed', async () => {
    const res = await fetch(`${base}/slack/oauth_redirect?code=${one!.code}&state=forged`);
    await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(api.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('GIVEN two workspaces that click "Add to Slack" THEN each installation is stored with its own token, and no token is logged', async () => {
    for (const ws of [one!, two!]) {
      const done = await install(ws.code);
      expect(done.status).toBe(200);
    }
    const access = api.callsTo('oauth.v2.access');
    expect(access.map((c) => c.params['code'])).toEqual([one!.code, two!.code]);
    const store = createSqliteInstallationStore(join(dir, 'test.db'));
    expect((await store.find(one!.teamId))?.botToken).toBe(one!.botToken);
    expect((await store.find(two!.teamId))?.botToken).toBe(two!.botToken);
    await store.close();
    expect(logged.join('\n')).not.toMatch(/xoxb-/);
  });

  it('GIVEN a command and a digest in each workspace THEN each is served with that workspace\'s token', async () => {
    for (const [ws, channel] of [[one, 'C1CHAN'], [two, 'C2CHAN']] as const) {
      expect(allText(await slash(ws, channel, 'subscribe time:08:00'))).toMatch(/Digest set up/);
      const posted = api.callsTo('chat.postMessage').length;
      await slash(ws, channel, 'now');
      const calls = await api.waitForCalls('chat.postMessage', posted + 1);
      const post = calls.at(-1)!;
      expect(post.params['channel']).toBe(channel);
      expect(post.token).toBe(ws!.botToken);
    }
  });

  it('GIVEN app_uninstalled from one workspace THEN its digests pause, /digest status says why, and the other workspace is untouched', async () => {
    const status = await postEvent(`${base}/slack/events`, {
      type: 'event_callback', team_id: one!.teamId, api_app_id: 'A0TEST001', event_id: 'Ev1', event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled' }, authorizations: [{ team_id: one!.teamId, enterprise_id: null, is_enterprise_install: false }],
    });
    expect(status).toBe(200);
    const paused = async () => (await bot.store.digests.getSubscription('slack', 'C1CHAN'))?.pausedReason ?? null;
    for (let i = 0; i < 100 && !(await paused()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await paused()).toBe(UNINSTALLED_REASON);
    expect((await bot.store.digests.getSubscription('slack', 'C2CHAN'))?.pausedReason).toBeNull();

    const store = createSqliteInstallationStore(join(dir, 'test.db'));
    expect(await store.find(one!.teamId)).toBeNull();
    expect((await store.find(two!.teamId))?.botToken).toBe(two!.botToken);
    await store.close();

    // Slack sends no commands from a workspace without the app: the reason shows once it is back
    expect((await install(one!.code)).status).toBe(200);
    expect(allText(await slash(one, 'C1CHAN', 'status'))).toContain('the app was uninstalled from this workspace');
    expect(allText(await slash(one, 'C1CHAN', 'subscribe time:08:00'))).toMatch(/resumed/);
    expect((await bot.store.digests.getSubscription('slack', 'C1CHAN'))?.pausedReason).toBeNull();
  });

  it('GIVEN tokens_revoked for the bot THEN that workspace pauses too, and the other stays on', async () => {
    const event = (tokens: Record<string, string[]>) => postEvent(`${base}/slack/events`, {
      type: 'event_callback', team_id: two!.teamId, api_app_id: 'A0TEST001', event_id: `Ev${Object.keys(tokens).join()}`, event_time: Math.floor(Date.now() / 1000),
      event: { type: 'tokens_revoked', tokens }, authorizations: [{ team_id: two!.teamId, enterprise_id: null, is_enterprise_install: false }],
    });
    expect(await event({ bot: [two!.botUserId] })).toBe(200);
    const paused = async () => (await bot.store.digests.getSubscription('slack', 'C2CHAN'))?.pausedReason ?? null;
    for (let i = 0; i < 100 && !(await paused()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await paused()).toMatch(/revoked/);
    expect((await bot.store.digests.getSubscription('slack', 'C1CHAN'))?.pausedReason).toBeNull();
  });
});
