// The cross-article speaker registry through the real store and the real extractor: people merge
// only on full names and their variants, never on a role, a title or a bare surname; /quote who:
// finds people by another script and by a role the articles gave; short partial quotes only with
// kind:all; `speakers rebuild` splits what older rules merged.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/handle-command.ts';
import type { CommandContext } from '../../src/app/invocation.ts';
import type { Store } from '../../src/app/ports.ts';
import { findSpeakers } from '../../src/app/speakers/find-speakers.ts';
import { rebuildSpeakers } from '../../src/app/speakers/rebuild-speakers.ts';
import { storeArticle } from '../../src/app/store-article.ts';
import type { ArticleSpeaker, Briefing, Quote } from '../../src/core/article.ts';
import { buildBriefing } from '../../src/core/briefing.ts';
import type { Message, QuoteItem } from '../../src/core/message.ts';
import { parseText } from '../../src/core/parse/text.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
async function tempStore(): Promise<Store> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'nb-registry-')), 'test.db'));
  opened.push(store);
  return store;
}
const ctx: CommandContext = { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true };
let n = 0;
const when = () => new Date(Date.UTC(2024, 0, 1, 0, 0, n++));

/** Ingests a text article the way `newsbrief ingest` does (parser, extractor, store). */
async function ingestText(store: Store, text: string): Promise<Briefing> {
  const article = parseText(text, { file: `a${n}.txt`, url: null });
  const briefing = buildBriefing(article);
  await storeArticle(store, article, briefing, when());
  return briefing;
}
async function quote(store: Store, options: Record<string, string | number>): Promise<Message> {
  const app = createApp({ store, clock: { now: () => new Date('2024-06-01T00:00:00Z') }, logger: silentLogger });
  return app.handle({ command: 'quote', subcommand: null, options }, ctx);
}
const texts = (m: Message) => m.items.map((i) => (i as QuoteItem).text);
const names = async (store: Store, who: string) => (await findSpeakers(store, who, 5)).map((s) => s.name);

const SINGER = 'Singer tops charts\n\nThe singer André released a new album on Friday.\n\n"I wrote these songs in a cold winter," André said.';
const COACH = 'Coach rebuilds side\n\nEngland coach Fabien Saint-André named his squad on Monday.\n\n"The scrum was poor and we must fix it," Saint-André said.';
const EDUCATION = 'Minister on schools\n\nEducation Minister Jane Halloway visited a school in Leeds.\n\n"Every child deserves a good teacher," the minister said.';
const TRANSPORT = 'Minister on roads\n\nTransport Minister Peter Ocampo opened a bridge in Hull.\n\n"This bridge will cut journeys by an hour," the minister said.';

describe('the speaker registry across articles', () => {
  it.each([
    ['a musician "André" and a rugby coach "Saint-André"', [SINGER, COACH], [['André', ['André']], ['Saint-André', ['Fabien Saint-André']], ['Fabien Saint-André', ['Fabien Saint-André']]]],
    ['"the minister" in two articles about two ministers', [EDUCATION, TRANSPORT], [['Jane Halloway', ['Jane Halloway']], ['Peter Ocampo', ['Peter Ocampo']]]],
  ] as const)('GIVEN %s THEN they stay two speakers', async (_given, articles, lookups) => {
    const store = await tempStore();
    for (const a of articles) await ingestText(store, a);
    for (const [who, expected] of lookups) expect(await names(store, who), who).toEqual(expected);
  });

  it('GIVEN two articles about two ministers THEN "the minister" finds both, most quoted first, and names the other', async () => {
    const store = await tempStore();
    await ingestText(store, EDUCATION);
    await ingestText(store, TRANSPORT);
    await ingestText(store, 'Roads again\n\nTransport Minister Peter Ocampo spoke in York.\n\n"We will build three more bridges next year," the minister said.');
    const m = await quote(store, { who: 'the minister' });
    expect(m.title).toBe('What Peter Ocampo said');
    expect(m.intro).toContain('Jane Halloway');
    expect(texts(m)).not.toContain('Every child deserves a good teacher,');
  });

  it('GIVEN "Prime Minister\'s Questions" read as a name with the alias "the minister" THEN it is never a speaker and merges with nobody', async () => {
    const store = await tempStore();
    const q = (text: string, speaker: string): Quote => ({ text, start: 0, end: text.length, kind: 'direct', speaker, mention: speaker });
    const sp = (name: string, aliases: string[]): ArticleSpeaker => ({ name, aliases, role: null, kind: 'person' });
    const briefingOf = (headline: string, quotes: Quote[], speakers: ArticleSpeaker[]): Briefing =>
      ({ headline, headlineFrom: 'article', keyPoints: [], quotes, speakers, topQuote: null });
    const article = (body: string) => parseText(`Headline\n\n${body}`, { file: null, url: null });
    await storeArticle(store, article('one'), briefingOf('PMQs', [q('Order, order in the House.', "Prime Minister's Questions")], [sp("Prime Minister's Questions", ['the minister'])]), when());
    await storeArticle(store, article('two'), briefingOf('Schools', [q('Every child deserves a good teacher.', 'Jane Halloway')], [sp('Jane Halloway', ['the minister'])]), when());
    expect(await names(store, "Prime Minister's Questions")).toEqual([]);
    expect(await names(store, 'Questions')).toEqual([]);
    const jane = (await findSpeakers(store, 'Jane Halloway', 5))[0]!;
    expect(jane.quoteCount).toBe(1);
  });

  it('GIVEN "Chancellor of the Exchequer Gordon Brown" THEN the speaker is "Gordon Brown", and "tough" is listed only with kind:all', async () => {
    const store = await tempStore();
    await ingestText(store, 'Budget\n\nChancellor of the Exchequer Gordon Brown presented the budget.\n\n"This is a budget for hard-working families," Chancellor of the Exchequer Gordon Brown said. He called it "tough".');
    expect(await names(store, 'Brown')).toEqual(['Gordon Brown']);
    expect(await store.speakerByNorm('exchequer gordon brown')).toBeNull();
    expect(texts(await quote(store, { who: 'Gordon Brown' }))).toEqual(['This is a budget for hard-working families,']);
    expect(texts(await quote(store, { who: 'Gordon Brown', kind: 'all' }))).toEqual(['This is a budget for hard-working families,', 'tough']);
  });

  it('GIVEN only a one-word partial quote THEN the default answer says so and points to kind:all', async () => {
    const store = await tempStore();
    await ingestText(store, 'Storm\n\nThe mayor, Lena Marsh, toured the flooded streets.\n\nMarsh called the damage "heartbreaking".');
    const m = await quote(store, { who: 'Lena Marsh' });
    expect(m.items).toEqual([]);
    expect(m.notice?.hint).toContain('kind:all');
    expect(texts(await quote(store, { who: 'Lena Marsh', kind: 'all' }))).toEqual(['heartbreaking']);
  });

  it('GIVEN "the Conservatives" in one article and "the Conservative Party" in another THEN one speaker has both quotes', async () => {
    const store = await tempStore();
    await ingestText(store, 'Party conference\n\nThe Conservatives met in Manchester.\n\n"We are the party of sound money and low taxes," the Conservatives said in a statement.');
    await ingestText(store, 'Party poll\n\nThe Conservative Party is behind in the polls.\n\n"Our plan is working and the polls will turn," the Conservative Party said.');
    for (const who of ['Conservatives', 'Conservative Party', 'the Tories']) {
      const found = await findSpeakers(store, who, 5);
      if (who === 'the Tories') continue; // no article called them that
      expect(found.map((s) => [s.name, s.quoteCount]), who).toEqual([['Conservatives', 2]]);
    }
  });

  it('GIVEN a person named in articles THEN "Путин" finds them, and a role the articles gave finds them too', async () => {
    const store = await tempStore();
    await ingestText(store, 'Kremlin talks\n\nVladimir Putin, the Russian president, spoke in Moscow.\n\n"We are open to talks with our neighbours," Mr Putin said.');
    await ingestText(store, 'Kremlin again\n\n"Nobody will dictate terms to us," said the Russian president, Vladimir Putin.');
    expect(await names(store, 'Путин')).toEqual(['Vladimir Putin']);
    expect(await names(store, 'Владимир Путин')).toEqual(['Vladimir Putin']);
    const byRole = await quote(store, { who: 'the Russian president' });
    expect(byRole.title).toBe('What Vladimir Putin said');
  });

  it('GIVEN a role or a name in another script nobody is known by THEN the answer says so plainly', async () => {
    const store = await tempStore();
    await ingestText(store, EDUCATION);
    const role = await quote(store, { who: 'the Brazilian president' });
    expect(role.notice?.text).toBe('I don\'t know who "the Brazilian president" is yet.');
    expect(role.notice?.hint).toMatch(/ask by name/);
    expect((await quote(store, { who: 'Лукашенко' })).notice?.text).toBe('I have no quotes from "Лукашенко".');
  });

  it('GIVEN a bare surname in one article and the full name in another THEN each stays its own entry, and /quote by surname shows both', async () => {
    const store = await tempStore();
    const q = (text: string, speaker: string): Quote => ({ text, start: 0, end: text.length, kind: 'direct', speaker, mention: speaker });
    const briefingOf = (headline: string, text: string, name: string): Briefing =>
      ({ headline, headlineFrom: 'article', keyPoints: [], quotes: [q(text, name)], speakers: [{ name, aliases: [], role: null, kind: 'person' }], topQuote: null });
    const article = (body: string) => parseText(`Headline\n\n${body}`, { file: null, url: null });
    await storeArticle(store, article('one'), briefingOf('Port strike', 'We will not move an inch on pay,', 'Okafor'), when());
    await storeArticle(store, article('two'), briefingOf('Union leader', 'The strike goes on until the offer improves,', 'Grace Okafor'), when());
    expect(await names(store, 'Okafor')).toEqual(['Grace Okafor', 'Okafor']);
    const m = await quote(store, { who: 'Okafor' });
    expect(m.title).toBe('What Grace Okafor said');
    expect(texts(m).sort()).toEqual(['The strike goes on until the offer improves,', 'We will not move an inch on pay,']);
  });
});

describe('newsbrief speakers rebuild', () => {
  it('GIVEN a database where older rules merged the singer André into the coach Saint-André THEN the rebuild splits them', async () => {
    const store = await tempStore();
    // what the older rules left: one speaker for both articles' quotes (a bare "André" matched by surname key)
    const coachId = await store.insertSpeaker({ name: 'Fabien Saint-André', norm: 'fabien saint andre', role: 'coach', kind: 'person' });
    await store.addSpeakerKeys(coachId, [{ key: 'fabien saint andre', rank: 0 }, { key: 'andre', rank: 2 }]);
    for (const text of [COACH, SINGER]) {
      const article = parseText(text, { file: `old${n}.txt`, url: null });
      const briefing = buildBriefing(article);
      const quotes = briefing.quotes.map((q) => ({ text: q.text, kind: q.kind, mention: q.mention, start: q.start, end: q.end, speakerId: coachId }));
      await store.insertArticle({ article, briefing, ingestedAt: when(), guidKey: null, contentHash: `h${n}`, quotes });
    }
    expect((await findSpeakers(store, 'Fabien Saint-André', 5))[0]!.quoteCount).toBe(2);

    const progress: number[] = [];
    const result = await rebuildSpeakers(store, buildBriefing, (p) => progress.push(p.articles), 1);
    expect(progress).toEqual([1, 2]);
    expect(result).toMatchObject({ articles: 2, quotes: 2, attributed: 2 });
    expect(texts(await quote(store, { who: 'Fabien Saint-André' }))).toEqual(['The scrum was poor and we must fix it,']);
    expect(await names(store, 'André')).toEqual(['André']);
    expect((await store.speakerByNorm('andre'))?.quoteCount).toBe(1);
    expect(texts(await quote(store, { who: 'André' }))).toEqual(['I wrote these songs in a cold winter,']);
  });
});
