// Paging on Discord, through the real discord.js client and the fake Discord: a paged /brief
// carries a More button; pressing it (a MESSAGE_COMPONENT interaction on the gateway) answers
// the next page only to the presser (ephemeral, no mentions); forged buttons get a notice.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/app/ports.ts';
import { startHarness, type Harness } from '../../fakes/discord/harness.ts';
import { int, str } from '../../fakes/discord/interactions.ts';
import type { RecordedRequest } from '../../fakes/discord/index.ts';
import { pagingApp, storiesStore } from '../../fixtures/paging/stories.ts';

const EPHEMERAL = 64;
let h: Harness | null = null;
let store: Store | null = null;
afterEach(async () => {
  const refused = h?.fake.requests.filter((r) => r.status >= 400) ?? [];
  await h?.stop();
  store?.close();
  [h, store] = [null, null];
  expect(refused.map((r) => `${r.method} ${r.path} -> ${r.status}`)).toEqual([]);
});

type Button = { type: number; style: number; label: string; custom_id: string };
type Body = {
  type: number;
  data?: { content?: string; flags?: number; allowed_mentions?: { parse: unknown[] }; embeds?: { title?: string }[]; components?: { type: number; components: Button[] }[] };
};
const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/v10/interactions/${id}/`);

async function start(n: number): Promise<Harness> {
  store = await storiesStore(n, { headline: (i) => `Story ${i} @everyone` });
  h = await startHarness(pagingApp(store));
  return h;
}

async function answerTo(harness: Harness, id: string): Promise<Body> {
  return (await harness.fake.waitForRequest(callbackOf(id))).body as Body;
}

const titles = (b: Body) => (b.data?.embeds ?? []).map((e) => e.title?.replace(/ \\?@.*$/, '').replace(/\\/g, ''));

describe('GIVEN 12 stories on Discord', () => {
  it('WHEN /brief count:5 THEN a public answer says "…and 7 more · page 1 of 3" with a More button for page 2', async () => {
    const harness = await start(12);
    const { id } = harness.interact({ command: 'brief', options: [int('count', 5)] });
    const body = await answerTo(harness, id);
    expect(body.type).toBe(4);
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(body.data?.content).toContain('…and 7 more · page 1 of 3');
    expect(body.data?.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'More', custom_id: 'more:/brief count:5 page:2' }] }]);
  });

  it('WHEN someone presses More THEN page 2 is the ephemeral reply to that press, with no mentions and a button for page 3', async () => {
    const harness = await start(12);
    const { id } = harness.press({ customId: 'more:/brief count:5 page:2', userId: '500000000000000077' });
    const body = await answerTo(harness, id);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(titles(body)).toEqual(['Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']);
    expect(body.data?.content).toContain('…and 2 more · page 2 of 3');
    expect(body.data?.components?.[0]?.components[0]?.custom_id).toBe('more:/brief count:5 page:3');
    // the hostile headline is escaped, never a mention
    expect(JSON.stringify(body.data?.embeds)).not.toMatch(/(?<!\\)@everyone/);
  });

  it('WHEN More is pressed on the last page THEN no button is offered', async () => {
    const harness = await start(12);
    const { id } = harness.press({ customId: 'more:/brief count:5 page:3' });
    const body = await answerTo(harness, id);
    expect(titles(body)).toEqual(['Story 2', 'Story 1']);
    expect(body.data?.components).toBeUndefined();
  });

  it('WHEN a page past the end is asked THEN it says so plainly, only to the asker', async () => {
    const harness = await start(12);
    const { id } = harness.interact({ command: 'brief', options: [int('page', 4)] });
    const body = await answerTo(harness, id);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toContain('No more stories: page 4 of 3.');
    expect(body.data?.components).toBeUndefined();
  });

  it('WHEN /quote who:Brown count:3 THEN its More button asks for the next quotes', async () => {
    const harness = await start(12);
    const { id } = harness.interact({ command: 'quote', options: [str('who', 'Brown'), int('count', 3)] });
    const body = await answerTo(harness, id);
    expect(body.data?.content).toContain('…and 9 more · page 1 of 4');
    expect(body.data?.components?.[0]?.components[0]?.custom_id).toBe('more:/quote who:Brown count:3 page:2');
  });

  it.each([
    { name: 'a custom_id that is not ours', customId: 'share:/brief', text: "This button isn't one I know" },
    { name: 'a custom_id over 100 characters', customId: `more:/brief topic:${'x'.repeat(100)} page:2`, text: "This button isn't one I know" },
    { name: 'a command that is not a paged lookup', customId: 'more:/digest unsubscribe', text: 'Only /brief, /quote answers can be used here.' },
    { name: 'an option the command does not have', customId: 'more:/brief page:2 channel:all', text: '/brief has no option "channel"' },
    { name: 'a page out of range', customId: 'more:/brief page:0', text: 'page: must be at least 1 (got 0).' },
  ])('WHEN a forged button carries $name THEN the presser gets a friendly ephemeral notice and nothing runs', async ({ customId, text }) => {
    const harness = await start(3);
    const { id } = harness.press({ customId });
    const body = await answerTo(harness, id);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.content).toContain(text);
    expect(body.data?.embeds).toBeUndefined();
  });
});

describe('renderDiscord of a paged answer', () => {
  it('GIVEN a next page whose custom_id would pass 100 characters THEN no button, and the content says what to type', async () => {
    const { renderDiscord } = await import('../../../src/adapters/discord/render.ts');
    const topic = `${'harbour '.repeat(12)}@everyone`.trim();
    const [payload] = renderDiscord({
      visibility: 'public',
      items: [{ type: 'story', articleId: 1, headline: 'Story', url: null, keyPoints: [], quote: null, source: null, date: null }],
      more: 4,
      paging: { page: 1, pages: 2, exact: true, next: { command: 'brief', options: { topic, page: 2 } } },
    });
    expect(payload?.components).toBeUndefined();
    expect(payload?.content).toContain('…and 4 more · page 1 of 2');
    expect(payload?.content).toMatch(/Next page: \/brief topic:"harbour harbour .* page:2/);
    expect(payload?.content).not.toMatch(/(?<![\\\u200b])@everyone/);
  });
});
