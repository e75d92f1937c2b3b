// `newsbrief ask --platform slack` prints what Slack really gets: the payload the Bolt listener
// posts to the response_url for the same command, over the same database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness } from '../fakes/slack/bot-harness.ts';
import { SIGNING_SECRET, type SlackHarness } from '../fakes/slack/harness.ts';
import { findButton } from '../fakes/slack/payload-text.ts';
import { SHARE_ACTION_ID } from '../../src/adapters/slack/render.ts';
import { sendSlashCommand } from '../fakes/slack/signed-requests.ts';
import { ROOT, cliEnv, runCli } from './helpers.ts';

let h: SlackHarness;
let dbPath: string;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'nb-ask-slack-')), 'nb.db');
  h = await startBotHarness(join(ROOT, 'seeds'), { dbPath });
});
afterAll(async () => {
  await h?.close();
});

async function listenerPayload(command: string, text: string) {
  const url = h.responses.newUrl();
  await sendSlashCommand(h.eventsUrl, SIGNING_SECRET, { command, text, response_url: url });
  const [answer] = await h.responses.waitFor(url);
  return answer!.body;
}

describe('ask --platform slack', () => {
  it.each([
    ['/quote', 'who:Putin count:2'],
    ['/brief', 'count:1'],
    ['/quote', 'who:Nobodyknown'],
  ])('GIVEN %s %s THEN it prints exactly the response_url payload of the listener', async (command, text) => {
    const real = await listenerPayload(command, text);
    const r = await runCli(['ask', `${command} ${text}`, '--platform', 'slack'], { env: cliEnv({ NEWSBRIEF_DB: dbPath }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(real);
  });

  it('GIVEN a lookup THEN the printed payload is only for the asker, with the Share in channel button carrying the command', async () => {
    const r = await runCli(['ask', '/quote who:Putin', '--platform', 'slack'], { env: cliEnv({ NEWSBRIEF_DB: dbPath }) });
    const payload = JSON.parse(r.stdout);
    expect(payload.response_type).toBe('ephemeral');
    expect(findButton(payload, SHARE_ACTION_ID)?.value).toBe('/quote who:Putin');
  });
});
