// The production path: env -> loadConfig -> startBot (temp SQLite db, a seeds folder) ->
// startSlack, against the fake Web API and a response_url receiver.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startBot } from '../../../src/main.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './harness.ts';
import type { SlackHarness } from './harness.ts';
import { startResponseUrlReceiver } from './response-url.ts';
import { startFakeSlackApi } from './web-api.ts';

/** The production path: env -> loadConfig -> startBot -> startSlack. */
export async function startBotHarness(seedsDir: string, opts: { dbPath?: string } = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const responses = await startResponseUrlReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-slack-'));
  const config = loadConfig({
    NEWSBRIEF_DB: opts.dbPath ?? join(dir, 'test.db'),
    SEEDS_DIR: seedsDir,
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const bot = await startBot({ config, logger: silentLogger });
  const publisher = bot.publishers.get('slack');
  if (!publisher || typeof bot.ports.slack !== 'number') throw new Error('the Slack adapter did not start');
  return {
    api,
    responses,
    eventsUrl: `http://127.0.0.1:${bot.ports.slack}/slack/events`,
    publisher,
    bot,
    async close() {
      await bot.stop();
      await Promise.all([api.close(), responses.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

