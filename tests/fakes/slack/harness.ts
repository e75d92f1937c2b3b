// Starts the Slack adapter (HTTP mode, port 0 on 127.0.0.1) against the fake Web API and a
// response_url receiver, with a given App. bot-harness.ts starts the whole bot instead.
import type { SlackConfig } from '../../../src/config.ts';
import type { App, Publisher } from '../../../src/app/ports.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { RunningBot } from '../../../src/main.ts';
import { startSlack } from '../../../src/adapters/slack/index.ts';
import type { StartSlackOptions } from '../../../src/adapters/slack/index.ts';
import { startResponseUrlReceiver } from './response-url.ts';
import type { ResponseUrlReceiver } from './response-url.ts';
import { startFakeSlackApi } from './web-api.ts';
import type { FakeSlackApi } from './web-api.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-0000-fake';

export interface SlackHarness {
  api: FakeSlackApi;
  responses: ResponseUrlReceiver;
  /** http://127.0.0.1:PORT/slack/events */
  eventsUrl: string;
  publisher: Publisher;
  bot: RunningBot | null;
  close(): Promise<void>;
}

/** startSlack directly, with a given App (e.g. a slow one). */
export async function startAppHarness(app: App, extra: Omit<StartSlackOptions, 'config' | 'app' | 'logger'> = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const responses = await startResponseUrlReceiver();
  const config: SlackConfig = { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: null, apiUrl: api.apiUrl, port: 0, host: '127.0.0.1' };
  const slack = await startSlack({ config, app, logger: silentLogger, ...extra });
  return {
    api,
    responses,
    eventsUrl: `http://127.0.0.1:${slack.port}/slack/events`,
    publisher: slack.publisher,
    bot: null,
    async close() {
      await slack.stop();
      await Promise.all([api.close(), responses.close()]);
    },
  };
}
