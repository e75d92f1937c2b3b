// End to end with a scriptable App: the 3-second ack, the Share button, failures when sharing.
import { afterEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/index.ts';
import type { Message } from '../../../src/core/message.ts';
import { silentLogger } from '../../../src/logger.ts';
import { fakeApp } from '../../fakes/slack/fake-app.ts';
import type { FakeApp } from '../../fakes/slack/fake-app.ts';
import { SIGNING_SECRET, startAppHarness } from '../../fakes/slack/harness.ts';
import type { SlackHarness } from '../../fakes/slack/harness.ts';
import { allText } from '../../fakes/slack/payload-text.ts';
import { sendButtonClick, sendSlashCommand, TEST_IDS } from '../../fakes/slack/signed-requests.ts';
import { startFakeSlackApi } from '../../fakes/slack/web-api.ts';

const putinQuotes = (): Message => ({
  visibility: 'public',
  title: 'Vladimir Putin said',
  items: [
    {
      type: 'quote',
      text: 'Many of the provisions of the peace plan put forward by China can be taken as the basis for a settlement',
      speaker: 'Vladimir Putin',
      kind: 'direct',
      articleId: 1,
      headline: "'New era of ties': Putin and Xi put on united front against West after talks",
      url: null,
      source: null,
      date: '2023-03-22',
    },
  ],
});

let h: SlackHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function start(app: FakeApp) {
  h = await startAppHarness(app);
  return h;
}

describe('GIVEN an App that takes long to answer', () => {
  it('THEN the slash command is acked before the answer exists, and the answer follows at the response_url', async () => {
    const app = fakeApp(putinQuotes, { hold: true });
    const { eventsUrl, responses } = await start(app);
    const url = responses.newUrl();
    const ack = await sendSlashCommand(eventsUrl, SIGNING_SECRET, { command: '/quote', text: 'who:Putin', response_url: url });
    // the HTTP answer to the slash command came back while the App was still working
    expect(ack.status).toBe(200);
    expect(app.calls).toHaveLength(1);
    expect(responses.postsTo(url)).toEqual([]);
    app.release();
    const [answer] = await responses.waitFor(url);
    expect(allText(answer!.body)).toContain('Putin');
  });
});

describe('GIVEN a slash command', () => {
  it('THEN the App gets the parsed command and the Slack context', async () => {
    const app = fakeApp(putinQuotes);
    const { eventsUrl, responses } = await start(app);
    const url = responses.newUrl();
    await sendSlashCommand(eventsUrl, SIGNING_SECRET, { command: '/quote', text: 'who:"Vladimir Putin" count:3', response_url: url });
    await responses.waitFor(url);
    expect(app.calls[0]).toEqual({
      invocation: { command: 'quote', subcommand: null, options: { who: 'Vladimir Putin', count: 3 } },
      ctx: { platform: 'slack', channelId: TEST_IDS.channel, userId: TEST_IDS.user, workspaceId: TEST_IDS.team, canManageChannel: true, canManageServer: false },
    });
  });

  it.each([
    { typed: 'who:"AT&amp;T" about:&lt;b&gt;', who: 'AT&T', about: '<b>' },
    { typed: 'who:Putin about:war &amp;amp; peace', who: 'Putin', about: 'war &amp; peace' },
  ])('WHEN Slack sends $typed (entity-escaped) THEN the App sees what the user typed', async ({ typed, who, about }) => {
    const app = fakeApp(putinQuotes);
    const { eventsUrl, responses } = await start(app);
    const url = responses.newUrl();
    await sendSlashCommand(eventsUrl, SIGNING_SECRET, { command: '/quote', text: typed, response_url: url });
    await responses.waitFor(url);
    expect(app.calls[0]?.invocation.options).toMatchObject({ who, about });
  });

  it('WHEN the App answers a lookup publicly THEN Slack still shows it only to the asker first', async () => {
    const { eventsUrl, responses } = await start(fakeApp(putinQuotes));
    const url = responses.newUrl();
    await sendSlashCommand(eventsUrl, SIGNING_SECRET, { command: '/quote', text: 'who:Putin', response_url: url });
    const [answer] = await responses.waitFor(url);
    expect(answer!.body['response_type']).toBe('ephemeral');
  });

  it('WHEN the App answers /digest publicly THEN it is posted in the channel as the App made it', async () => {
    const { eventsUrl, responses } = await start(fakeApp(() => ({ visibility: 'public', items: [], notice: { tone: 'success', text: 'Subscribed: every day at 08:00 (Europe/London).' } })));
    const url = responses.newUrl();
    await sendSlashCommand(eventsUrl, SIGNING_SECRET, { command: '/digest', text: 'subscribe time:08:00', response_url: url });
    const [answer] = await responses.waitFor(url);
    expect(answer!.body['response_type']).toBe('in_channel');
  });

  it('WHEN the App throws (it promised not to) THEN the user still gets a user-only error', async () => {
    const app = fakeApp(() => {
      throw new Error('database on fire');
    });
    const { eventsUrl, responses } = await start(app);
    const url = responses.newUrl();
    await sendSlashCommand(eventsUrl, SIGNING_SECRET, { command: '/brief', text: '', response_url: url });
    const [answer] = await responses.waitFor(url);
    expect(answer!.body['response_type']).toBe('ephemeral');
    expect(allText(answer!.body)).not.toContain('database on fire');
  });
});

describe('GIVEN the Share in channel button on a /quote answer', () => {
  it('WHEN clicked THEN the same answer is posted to the channel with chat.postMessage, credited to the clicker, and the ephemeral copy is deleted', async () => {
    const app = fakeApp(putinQuotes);
    const { eventsUrl, responses, api } = await start(app);
    const clickUrl = responses.newUrl();
    const res = await sendButtonClick(eventsUrl, SIGNING_SECRET, { actionId: 'newsbrief_share', value: '/quote who:Putin', response_url: clickUrl, user_id: 'U0CLICKER' });
    expect(res.status).toBe(200);
    const [post] = await api.waitForCalls('chat.postMessage', 1);
    expect(post!.params['channel']).toBe(TEST_IDS.channel);
    expect(post!.token).toBe('xoxb-test-0000-fake');
    expect(allText(post!.params)).toContain('Putin');
    expect(JSON.stringify(post!.params['blocks'])).toContain('Shared by <@U0CLICKER>');
    expect(JSON.stringify(post!.params['blocks'])).not.toContain('newsbrief_share');
    const [cleanup] = await responses.waitFor(clickUrl);
    expect(cleanup!.body).toEqual({ delete_original: true });
    // the command was re-run with the clicker's context
    expect(app.calls[0]?.ctx.userId).toBe('U0CLICKER');
    expect(app.calls[0]?.invocation.options).toEqual({ who: 'Putin' });
  });

  it.each([
    { error: 'not_in_channel', words: /not a member/i },
    { error: 'channel_not_found', words: /invitation/i },
    { error: 'is_archived', words: /archived/i },
  ])('WHEN chat.postMessage fails with $error THEN the clicker is told why, and the ephemeral answer stays', async ({ error, words }) => {
    const { eventsUrl, responses, api } = await start(fakeApp(putinQuotes));
    api.fail('chat.postMessage', { kind: 'error', error });
    const clickUrl = responses.newUrl();
    await sendButtonClick(eventsUrl, SIGNING_SECRET, { actionId: 'newsbrief_share', value: '/quote who:Putin', response_url: clickUrl });
    const [reply] = await responses.waitFor(clickUrl);
    expect(reply!.body['response_type']).toBe('ephemeral');
    expect(reply!.body['replace_original']).toBe(false);
    expect(reply!.body['delete_original']).toBeUndefined();
    expect(allText(reply!.body)).toMatch(words);
  });

  it('WHEN the button value asks for a /digest change THEN nothing is run or posted', async () => {
    const app = fakeApp(putinQuotes);
    const { eventsUrl, responses, api } = await start(app);
    const clickUrl = responses.newUrl();
    await sendButtonClick(eventsUrl, SIGNING_SECRET, { actionId: 'newsbrief_share', value: '/digest unsubscribe', response_url: clickUrl });
    const [reply] = await responses.waitFor(clickUrl);
    expect(reply!.body['response_type']).toBe('ephemeral');
    expect(app.calls).toEqual([]);
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('WHEN the click is not signed by Slack THEN 401 and nothing is posted', async () => {
    const app = fakeApp(putinQuotes);
    const { eventsUrl, responses, api } = await start(app);
    const res = await sendButtonClick(eventsUrl, SIGNING_SECRET, { actionId: 'newsbrief_share', value: '/quote who:Putin', response_url: responses.newUrl() }, { secret: 'wrong' });
    expect(res.status).toBe(401);
    expect(app.calls).toEqual([]);
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('GIVEN a bot token Slack rejects', () => {
  it.each(['invalid_auth', 'token_revoked'])('WHEN auth.test says %s THEN startSlack fails at start, naming SLACK_BOT_TOKEN', async (error) => {
    const api = await startFakeSlackApi();
    try {
      api.fail('auth.test', { kind: 'error', error });
      const config = { botToken: 'xoxb-revoked', signingSecret: SIGNING_SECRET, appToken: null, apiUrl: api.apiUrl, port: 0, host: '127.0.0.1' };
      await expect(startSlack({ config, app: fakeApp(putinQuotes), logger: silentLogger })).rejects.toThrow(new RegExp(`SLACK_BOT_TOKEN.*${error}`));
    } finally {
      await api.close();
    }
  });
});

describe('GIVEN PORT is already taken', () => {
  it('THEN startSlack fails with an error naming PORT/HOST', async () => {
    const first = await startAppHarness(fakeApp(putinQuotes));
    h = first;
    const port = Number(new URL(first.eventsUrl).port);
    const api = await startFakeSlackApi();
    try {
      const config = { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: null, apiUrl: api.apiUrl, port, host: '127.0.0.1' };
      await expect(startSlack({ config, app: fakeApp(putinQuotes), logger: silentLogger })).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+ \(PORT\/HOST\)/);
    } finally {
      await api.close();
    }
  });
});
