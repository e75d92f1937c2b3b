// SIGTERM while a digest post hangs upstream: the process still exits 0 (the shutdown is
// bounded by SHUTDOWN_GRACE_MS), and the unfinished slot keeps its claim for another instance.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, tempDir } from '../cli/helpers.ts';
import { SIGNING_SECRET, BOT_TOKEN } from '../fakes/slack/harness.ts';
import { startResponseUrlReceiver } from '../fakes/slack/response-url.ts';
import { sendSlashCommand, TEST_IDS } from '../fakes/slack/signed-requests.ts';
import { startFakeSlackApi } from '../fakes/slack/web-api.ts';

describe('SIGTERM with a delivery in flight', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of closers) await c();
  });

  it('GIVEN chat.postMessage hanging mid-delivery WHEN SIGTERM arrives THEN the process exits 0 and the slot stays claimed (left to its lease)', async () => {
    const api = await startFakeSlackApi();
    const responses = await startResponseUrlReceiver();
    closers.push(() => api.close(), () => responses.close());
    const db = join(tempDir('nb-term-'), 'nb.db');
    const child = spawn(process.execPath, [BIN, 'start'], {
      cwd: tempDir('nb-term-cwd-'),
      env: cliEnv({
        NEWSBRIEF_DB: db, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '300', INSTANCE_ID: 'term-1',
        SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, PORT: '0', HOST: '127.0.0.1',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    closers.push(async () => { if (child.exitCode === null) child.kill('SIGKILL'); });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const portOf = () => err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg?: string; port?: number }).find((l) => l.msg?.startsWith('slack: listening'))?.port;
    for (let i = 0; i < 600 && !portOf() && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    const events = `http://127.0.0.1:${portOf()}/slack/events`;

    const subscribeUrl = responses.newUrl();
    await sendSlashCommand(events, SIGNING_SECRET, { command: '/digest', text: 'subscribe time:08:00', response_url: subscribeUrl });
    await responses.waitFor(subscribeUrl);
    api.fail('chat.postMessage', { kind: 'hang' }, 10);
    await sendSlashCommand(events, SIGNING_SECRET, { command: '/digest', text: 'now', response_url: responses.newUrl() });
    await api.waitForCalls('chat.postMessage', 1); // the post is in flight, and will never be answered

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    const rows = new Database(db, { readonly: true })
      .prepare(`SELECT d.status, d.owner FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id WHERE s.channel_id = ?`)
      .all(TEST_IDS.channel);
    expect(rows).toEqual([{ status: 'sending', owner: 'term-1' }]);
  });
});
