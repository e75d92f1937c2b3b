// Paging on Slack, through Bolt over signed HTTP requests: a paged /brief carries a More button;
// a signed block_actions press answers the next page through respond() at the response_url,
// ephemeral and without replacing the original; forged or oversized values get a notice.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/app/ports.ts';
import { SIGNING_SECRET, startAppHarness, type SlackHarness } from '../../fakes/slack/harness.ts';
import { allText } from '../../fakes/slack/payload-text.ts';
import { sendButtonClick, sendSlashCommand } from '../../fakes/slack/signed-requests.ts';
import { pagingApp, storiesStore } from '../../fixtures/paging/stories.ts';
import { slackViolations } from '../property/limits.ts';
import type { SlackMessagePayload } from '../../../src/adapters/slack/render.ts';

let h: SlackHarness | null = null;
let store: Store | null = null;
afterEach(async () => {
  await h?.close();
  store?.close();
  [h, store] = [null, null];
});

async function start(n: number): Promise<SlackHarness> {
  store = await storiesStore(n, { headline: (i) => `Story ${i} <!channel>` });
  h = await startAppHarness(pagingApp(store));
  return h;
}

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { type: string; action_id?: string; value?: string; text?: string | { text: string } }[] };
const buttons = (body: Record<string, unknown>) => ((body.blocks ?? []) as Block[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const moreButton = (body: Record<string, unknown>) => buttons(body).find((e) => e.action_id === 'newsbrief_more');
const stories = (body: Record<string, unknown>) =>
  ((body.blocks ?? []) as Block[]).filter((b) => b.block_id?.startsWith('item-')).map((b) => /Story (\d+)/.exec(b.text?.text ?? '')?.[0]);

async function press(harness: SlackHarness, value: string, user = 'U0PRESSER') {
  const url = harness.responses.newUrl();
  const res = await sendButtonClick(harness.eventsUrl, SIGNING_SECRET, { actionId: 'newsbrief_more', value, response_url: url, user_id: user });
  expect(res.status).toBe(200);
  const [post] = await harness.responses.waitFor(url);
  return post!.body;
}

describe('GIVEN 12 stories on Slack', () => {
  it('WHEN /brief count:5 THEN the answer says "…and 7 more · page 1 of 3" and has More (page 2) and Share buttons', async () => {
    const harness = await start(12);
    const url = harness.responses.newUrl();
    await sendSlashCommand(harness.eventsUrl, SIGNING_SECRET, { command: '/brief', text: 'count:5', response_url: url });
    const [post] = await harness.responses.waitFor(url);
    expect(allText(post!.body)).toContain('…and 7 more · page 1 of 3');
    expect(buttons(post!.body).map((b) => [b.action_id, b.value])).toEqual([['newsbrief_more', '/brief count:5 page:2'], ['newsbrief_share', '/brief count:5']]);
  });

  it('WHEN More is pressed THEN page 2 goes to the response_url, ephemeral, not replacing the original, with More for page 3', async () => {
    const harness = await start(12);
    const body = await press(harness, '/brief count:5 page:2');
    expect(body.response_type).toBe('ephemeral');
    expect(body.replace_original).toBe(false);
    expect(stories(body)).toEqual(['Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']);
    expect(allText(body)).toContain('…and 2 more · page 2 of 3');
    expect(moreButton(body)?.value).toBe('/brief count:5 page:3');
    expect(slackViolations(body as unknown as SlackMessagePayload, true)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('<!channel>');
  });

  it('WHEN More is pressed on the last page THEN no More button', async () => {
    const harness = await start(12);
    const body = await press(harness, '/brief count:5 page:3');
    expect(stories(body)).toEqual(['Story 2', 'Story 1']);
    expect(moreButton(body)).toBeUndefined();
  });

  it('WHEN /brief page:4 is typed THEN it says plainly that there are 3 pages', async () => {
    const harness = await start(12);
    const url = harness.responses.newUrl();
    await sendSlashCommand(harness.eventsUrl, SIGNING_SECRET, { command: '/brief', text: 'page:4', response_url: url });
    const [post] = await harness.responses.waitFor(url);
    expect(post!.body.response_type).toBe('ephemeral');
    expect(allText(post!.body)).toContain('No more stories: page 4 of 3.');
    expect(moreButton(post!.body)).toBeUndefined();
  });

  it.each([
    { name: 'a value over 2000 characters', value: `/brief topic:${'x'.repeat(2100)} page:2`, text: "This button isn't one I know" },
    { name: 'a value that is not a command', value: 'give me everything', text: "This button isn't one I know" },
    { name: 'a command that is not a paged lookup', value: '/digest unsubscribe', text: 'Only /brief, /quote answers can be used here.' },
    { name: 'an option the command does not have', value: '/brief page:2 channel:all', text: '/brief has no option' },
  ])('WHEN a forged More press carries $name THEN a friendly ephemeral notice, nothing else', async ({ value, text }) => {
    const harness = await start(3);
    const body = await press(harness, value);
    expect(body.response_type).toBe('ephemeral');
    expect(body.replace_original).toBe(false);
    expect(allText(body)).toContain(text);
    expect(stories(body)).toEqual([]);
  });
});
