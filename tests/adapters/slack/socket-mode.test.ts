// Socket Mode: with an app-level token the bot connects out (apps.connections.open, then a
// WebSocket) instead of listening on a port; slash commands arrive as envelopes.
import { afterEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { Message } from '../../../src/core/message.ts';
import { fakeApp } from '../../fakes/slack/fake-app.ts';
import { allText } from '../../fakes/slack/payload-text.ts';
import { startResponseUrlReceiver } from '../../fakes/slack/response-url.ts';
import type { ResponseUrlReceiver } from '../../fakes/slack/response-url.ts';
import { TEST_IDS } from '../../fakes/slack/signed-requests.ts';
import { startFakeSocketMode } from '../../fakes/slack/socket-mode.ts';
import type { FakeSocketMode } from '../../fakes/slack/socket-mode.ts';
import { startFakeSlackApi } from '../../fakes/slack/web-api.ts';
import type { FakeSlackApi } from '../../fakes/slack/web-api.ts';

const answer = (): Message => ({ visibility: 'public', title: 'Vladimir Putin said', items: [], intro: 'Putin said peace talks were possible.' });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startSocketBot(app = fakeApp(answer)) {
  const api: FakeSlackApi = await startFakeSlackApi();
  const socket: FakeSocketMode = await startFakeSocketMode();
  const responses: ResponseUrlReceiver = await startResponseUrlReceiver();
  cleanups.push(() => api.close(), () => socket.close(), () => responses.close());
  api.socketUrl = socket.url;
  const slack = await startSlack({
    config: { botToken: 'xoxb-test-socket', signingSecret: null, appToken: 'xapp-test-socket', apiUrl: api.apiUrl, port: 0, host: '127.0.0.1' },
    app,
    logger: silentLogger,
  });
  cleanups.push(() => slack.stop());
  await socket.connected();
  return { api, socket, responses, slack, app };
}

describe('GIVEN SLACK_APP_TOKEN (Socket Mode)', () => {
  it('THEN no port is opened and the connection is opened with the app-level token', async () => {
    const { api, slack } = await startSocketBot();
    expect(slack.port).toBeNull();
    const [open] = api.callsTo('apps.connections.open');
    expect(open!.token).toBe('xapp-test-socket');
    // the bot token was checked once at start
    expect(api.callsTo('auth.test')[0]?.token).toBe('xoxb-test-socket');
  });

  it('WHEN /quote who:Putin arrives over the socket THEN it is acked and answered at the response_url, for the asker only', async () => {
    const { socket, responses, app } = await startSocketBot();
    const url = responses.newUrl();
    const id = socket.send('slash_commands', {
      command: '/quote',
      text: 'who:Putin',
      response_url: url,
      channel_id: TEST_IDS.channel,
      user_id: TEST_IDS.user,
      team_id: TEST_IDS.team,
      trigger_id: '1.2.3',
      api_app_id: 'A0TEST001',
    });
    const ack = await socket.waitForAck(id);
    expect(ack.envelope_id).toBe(id);
    const [reply] = await responses.waitFor(url);
    expect(reply!.body['response_type']).toBe('ephemeral');
    expect(allText(reply!.body)).toContain('Putin');
    expect(app.calls[0]?.ctx).toMatchObject({ platform: 'slack', channelId: TEST_IDS.channel, userId: TEST_IDS.user });
  });
});
