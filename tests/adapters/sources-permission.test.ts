// /sources add and remove need the whole server or workspace: Discord's Manage Server (or
// Administrator) from the interaction's member permissions, Slack's workspace admins and owners
// as users.info says. Both through the real adapters, against the fakes, with the real app.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/handle-command.ts';
import { systemClock, type Store } from '../../src/app/ports.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';
import { startHarness, type Harness } from '../fakes/discord/harness.ts';
import { perms, str } from '../fakes/discord/interactions.ts';
import { startAppHarness, SIGNING_SECRET, type SlackHarness } from '../fakes/slack/harness.ts';
import { allText } from '../fakes/slack/payload-text.ts';
import { sendSlashCommand, TEST_IDS } from '../fakes/slack/signed-requests.ts';

let store: Store | null = null;
let discord: Harness | null = null;
let slack: SlackHarness | null = null;
afterEach(async () => {
  await discord?.stop();
  await slack?.close();
  await store?.close();
  discord = slack = store = null;
});

async function appOverStore() {
  store = await openStore(':memory:');
  return createApp({ store, clock: systemClock, logger: silentLogger });
}

const FEED = 'https://news.example.org/feed.xml';

describe('/sources add on Discord', () => {
  it.each([
    { name: 'GIVEN a member with Manage Channels only THEN it is refused and nothing is added', permissions: perms.manager, added: false },
    { name: 'GIVEN a member with Manage Server THEN the feed is added', permissions: String(1024n | 2048n | 32n), added: true },
    { name: 'GIVEN an administrator THEN the feed is added', permissions: String(1024n | 8n), added: true },
  ])('$name', async ({ permissions, added }) => {
    discord = await startHarness(await appOverStore());
    const { id } = discord.interact({ command: 'sources', subcommand: 'add', options: [str('url', FEED)], permissions });
    const reply = await discord.fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/v10/interactions/${id}/`));
    let text = JSON.stringify(reply.body);
    if ((reply.body as { type: number }).type === 5) {
      const edit = await discord.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'));
      text = JSON.stringify(edit.body);
    }
    expect(text).toMatch(added ? /Following/ : /Only members who can manage this server/);
    expect((await store!.sources.listSources()).map((s) => s.url)).toEqual(added ? [FEED] : []);
  });
});

describe('/sources add on Slack', () => {
  async function add(): Promise<string> {
    const url = slack!.responses.newUrl();
    await sendSlashCommand(slack!.eventsUrl, SIGNING_SECRET, { command: '/sources', text: `add url:${FEED}`, response_url: url });
    const [answer] = await slack!.responses.waitFor(url);
    return allText(answer!.body);
  }

  it('GIVEN a plain member (users.info: not admin) THEN it is refused and nothing is added', async () => {
    slack = await startAppHarness(await appOverStore());
    expect(await add()).toMatch(/Only members who can manage this server or workspace/);
    expect(slack.api.callsTo('users.info').map((c) => c.params['user'])).toEqual([TEST_IDS.user]);
    expect(await store!.sources.listSources()).toEqual([]);
  });

  it('GIVEN a workspace admin THEN the feed is added; and /sources list asks nobody', async () => {
    slack = await startAppHarness(await appOverStore());
    slack.api.admins.add(TEST_IDS.user);
    expect(await add()).toMatch(/Following/);
    expect((await store!.sources.listSources()).map((s) => s.url)).toEqual([FEED]);
    const url = slack.responses.newUrl();
    await sendSlashCommand(slack.eventsUrl, SIGNING_SECRET, { command: '/sources', text: 'list', response_url: url });
    const [answer] = await slack.responses.waitFor(url);
    expect(allText(answer!.body)).toContain(FEED);
    expect(slack.api.callsTo('users.info')).toHaveLength(1);
  });

  it('GIVEN users.info failing THEN the member is treated as not an admin', async () => {
    slack = await startAppHarness(await appOverStore());
    slack.api.owners.add(TEST_IDS.user);
    slack.api.fail('users.info', { kind: 'http', status: 500 }, 5);
    expect(await add()).toMatch(/Only members who can manage/);
    expect(await store!.sources.listSources()).toEqual([]);
  });
});
