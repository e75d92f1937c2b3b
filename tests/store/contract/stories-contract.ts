// The contract of stories (issue 13) through the use cases: storeArticle assigns each article
// to a story, latestStories answers one row per story with the other outlets, quotes of one
// utterance are one quote with several sources, and topics rank by relevance.
import { describe, expect, it } from 'vitest';
import type { Article, Briefing, KeyPoint } from '../../../src/core/article.ts';
import type { Store } from '../../../src/app/ports.ts';
import { storeArticle } from '../../../src/app/store-article.ts';
import { reassignArticleStory } from '../../../src/app/stories/assign-article-story.ts';
import { findSpeakers } from '../../../src/app/speakers/find-speakers.ts';
import { FOLLOW_UP, SAME_NAME, WIRE, WIRE_EDITED, WIRE_EXTENDED } from '../../fixtures/stories/wire.ts';
import { article, at, briefing, person, q } from './fixtures.ts';

const kp = (...texts: string[]): KeyPoint[] => texts.map((text, i) => ({ text, sentence: i, start: 0, end: text.length }));
const withPoints = (b: Briefing, ...texts: string[]): Briefing => ({ ...b, keyPoints: kp(...texts) });

export function describeStoriesContract(store: () => Promise<Store>): void {
  const ingest = (s: Store, a: Article, b: Briefing, when: Date) => storeArticle(s, a, b, when);
  const wire = (s: Store, over: Partial<Article> & { body: string }, headline: string, when: string) =>
    ingest(s, article({ published: '2024-03-05T09:00:00Z', ...over }), withPoints(briefing(headline), 'Harwick will close its coal plant in March.'), at(when));

  describe('stories', () => {
    it('GIVEN the same wire story from three feeds THEN it is one story with three sources, its card from the most complete copy', async () => {
      const s = await store();
      await wire(s, { body: WIRE, source: 'Daily Wire', url: 'https://wire.test/harwick' }, 'Harwick to close coal plant early', '2024-03-05T09:10:00Z');
      await wire(s, { body: WIRE_EDITED, source: 'North Post', url: 'https://post.test/coal' }, 'Coal plant closure brought forward', '2024-03-05T10:00:00Z');
      const third = await wire(s, { body: WIRE_EXTENDED, source: 'Coast Radio', url: null }, "Harwick's coal era ends", '2024-03-05T11:00:00Z');
      const rows = await s.latestStories({ limit: 10 });
      expect(rows).toHaveLength(1);
      expect(await s.countStories({})).toBe(1);
      expect(rows[0]).toMatchObject({ articleId: third.articleId, headline: "Harwick's coal era ends", source: 'Coast Radio' });
      expect(rows[0]!.alsoReportedBy).toEqual([
        { source: 'Daily Wire', url: 'https://wire.test/harwick' },
        { source: 'North Post', url: 'https://post.test/coal' },
      ]);
      expect(rows[0]!.firstSeen).toBe('2024-03-05T09:10:00.000Z');
      expect((await s.latestStories({ topic: 'coal', limit: 10 })).map((r) => r.storyId)).toEqual([rows[0]!.storyId]);
      expect(await s.countArticles()).toBe(3);
    });

    it('GIVEN a follow-up the next day and a story about someone with the same name THEN each is a story of its own', async () => {
      const s = await store();
      await wire(s, { body: WIRE, source: 'Daily Wire' }, 'Harwick to close coal plant early', '2024-03-05T09:10:00Z');
      await ingest(s, article({ body: FOLLOW_UP, source: 'North Post', published: '2024-03-06T15:00:00Z' }), briefing('Harwick workers accept job offer'), at('2024-03-06T15:05:00Z'));
      await ingest(s, article({ body: SAME_NAME, source: 'Sport Daily', published: '2024-03-05T18:00:00Z' }), briefing('Markov wins 10,000m title'), at('2024-03-05T18:05:00Z'));
      const rows = await s.latestStories({ limit: 10 });
      expect(rows.map((r) => r.headline)).toEqual(['Harwick workers accept job offer', 'Markov wins 10,000m title', 'Harwick to close coal plant early']);
      expect(rows.every((r) => r.alsoReportedBy.length === 0)).toBe(true);
    });

    it('GIVEN a copy that changes nothing and one that adds key points THEN only the second shows the story again in a later window', async () => {
      const s = await store();
      await wire(s, { body: WIRE_EDITED, source: 'Daily Wire' }, 'Harwick to close coal plant early', '2024-03-05T09:00:00Z');
      // shorter than the stored copy: the card does not change
      await wire(s, { body: WIRE_EDITED.split('\n\n').slice(0, 3).join('\n\n'), source: 'North Post' }, 'Coal closure', '2024-03-05T12:00:00Z');
      const window = (from: string, until: string) => s.latestStories({ limit: 10, ingestedAfter: from, ingestedUntil: until });
      expect(await window('2024-03-05T10:00:00Z', '2024-03-05T13:00:00Z')).toEqual([]);
      // more complete, with a key point the story had not: a material change
      await ingest(
        s,
        article({ body: WIRE_EXTENDED, source: 'Coast Radio', published: '2024-03-05T09:00:00Z' }),
        withPoints(briefing('Harwick to close coal plant early'), 'Harwick will close its coal plant in March.', 'Bills will not rise, the board said.'),
        at('2024-03-05T14:00:00Z'),
      );
      const later = await window('2024-03-05T13:00:00Z', '2024-03-05T15:00:00Z');
      expect(later).toHaveLength(1);
      expect(later[0]).toMatchObject({ firstSeen: '2024-03-05T09:00:00.000Z', revisedAt: '2024-03-05T14:00:00.000Z', keyPoints: ['Harwick will close its coal plant in March.', 'Bills will not rise, the board said.'] });
      expect(await window('2024-03-05T08:00:00Z', '2024-03-05T13:00:00Z')).toEqual([]);
    });

    it('GIVEN the same quote printed by two outlets THEN /quote has it once with both sources, and the speaker counts it once', async () => {
      const s = await store();
      const said = 'All of them will be offered jobs at the new battery storage site';
      await ingest(s, article({ body: 'Plant to close.', source: 'Daily Wire', url: 'https://wire.test/q' }), briefing('Plant to close', [q(said, 'Elena Markov')], [person('Elena Markov')]), at('2024-03-05T09:00:00Z'));
      await ingest(s, article({ body: 'Coal plant shuts.', source: 'North Post', url: 'https://post.test/q' }), briefing('Coal plant shuts', [q(`${said}.`, 'Ms Markov')], [person('Elena Markov', ['Ms Markov'])]), at('2024-03-05T10:00:00Z'));
      await ingest(s, article({ body: 'Other news.', source: 'North Post' }), briefing('Other', [q('We will not strike this year', 'Elena Markov')], [person('Elena Markov')]), at('2024-03-05T11:00:00Z'));
      const [speaker] = await findSpeakers(s, 'Elena Markov', 5);
      expect(speaker!.quoteCount).toBe(2);
      const rows = await s.quotesBySpeakers({ speakerIds: [speaker!.speakerId], limit: 10 });
      expect(rows.map((r) => r.text)).toEqual(['We will not strike this year', said]);
      expect(rows[1]).toMatchObject({ source: 'Daily Wire', alsoReportedBy: [{ source: 'North Post', url: 'https://post.test/q' }] });
      expect(rows[0]!.alsoReportedBy).toEqual([]);
    });

    it('GIVEN a story about a topic and a newer one that mentions it in passing THEN the story about it ranks first', async () => {
      const s = await store();
      const filler = 'The review covers the graphics, the sound and the controls of the game in detail. '.repeat(12);
      await ingest(s, article({ body: 'Oil prices rose to a record as oil supplies from the Gulf fell and oil demand grew.', published: '2024-03-01' }), briefing('Oil price hits record'), at('2024-03-01T09:00:00Z'));
      await ingest(s, article({ body: `${filler} One level is set on an oil rig.`, published: '2024-03-04' }), briefing('Game review: Deep Sea'), at('2024-03-04T09:00:00Z'));
      expect((await s.latestStories({ topic: 'oil', limit: 5 })).map((r) => r.headline)).toEqual(['Oil price hits record', 'Game review: Deep Sea']);
      expect((await s.latestStories({ topic: 'oil', limit: 1, offset: 1 })).map((r) => r.headline)).toEqual(['Game review: Deep Sea']);
    });

    it('GIVEN quotes of one speaker WHEN about: a topic THEN the quote from the article about it comes before a newer one that mentions it in passing', async () => {
      const s = await store();
      const filler = 'The minister talked about schools, roads and hospitals for most of the interview. '.repeat(10);
      await ingest(s, article({ body: 'Oil output will rise. Oil prices and oil exports were the subject.', published: '2024-03-01' }), briefing('Oil output to rise', [q('We will pump more oil', 'Ann Lee')], [person('Ann Lee')]), at('2024-03-01T09:00:00Z'));
      await ingest(s, article({ body: `${filler} She mentioned oil once.`, published: '2024-03-04' }), briefing('Minister on schools', [q('Schools come first', 'Ann Lee')], [person('Ann Lee')]), at('2024-03-04T09:00:00Z'));
      const [speaker] = await findSpeakers(s, 'Ann Lee', 5);
      expect((await s.quotesBySpeakers({ speakerIds: [speaker!.speakerId], about: 'oil', limit: 5 })).map((r) => r.text)).toEqual(['We will pump more oil', 'Schools come first']);
      expect((await s.quotesBySpeakers({ speakerIds: [speaker!.speakerId], limit: 5 })).map((r) => r.text)).toEqual(['Schools come first', 'We will pump more oil']);
    });

    it('GIVEN plurals, phrases and stray operators THEN stemming and phrases work and the query syntax never leaks', async () => {
      const s = await store();
      await ingest(s, article({ body: 'The election will be held in May. Interest rates stay at 4%.' }), briefing('Election called'), at('2024-03-01T09:00:00Z'));
      await ingest(s, article({ body: 'Rates of interest in the election town hall were low.' }), briefing('Town hall'), at('2024-03-01T10:00:00Z'));
      const heads = async (topic: string) => (await s.latestStories({ topic, limit: 5 })).map((r) => r.headline).sort();
      expect(await heads('elections')).toEqual(['Election called', 'Town hall']);
      expect(await heads('"interest rates"')).toEqual(['Election called']);
      expect(await heads('interest rates')).toEqual(['Election called', 'Town hall']);
      for (const odd of ['"election', 'election -', '-election', 'election" OR', 'NEAR(election', '*', '"']) {
        await expect(s.latestStories({ topic: odd, limit: 5 })).resolves.toBeInstanceOf(Array);
        await expect(s.countStories({ topic: odd })).resolves.toBeTypeOf('number');
      }
      expect(await heads('election -')).toEqual(['Election called', 'Town hall']);
    });

    it('GIVEN an edited article assigned again THEN it stays in its story when still a copy, and moves when it is another story now', async () => {
      const s = await store();
      const a = await wire(s, { body: WIRE, source: 'Daily Wire' }, 'Wire', '2024-03-05T09:00:00Z');
      const b = await wire(s, { body: WIRE_EDITED, source: 'North Post' }, 'Edited', '2024-03-05T10:00:00Z');
      const storyId = (await s.storyOfArticle(a.articleId))!;
      const edit = (body: string) => s.transaction((tx) => reassignArticleStory(tx, {
        articleId: b.articleId, headline: 'Edited', body, url: null, source: 'North Post', published: '2024-03-05T09:00:00Z',
        ingestedAt: at('2024-03-05T12:00:00Z'), keyPoints: kp('Harwick will close its coal plant in March.'), topQuote: null,
      }));
      expect((await edit(WIRE_EDITED)).storyId).toBe(storyId);
      expect(await s.countStories({})).toBe(1);
      const moved = await edit(SAME_NAME);
      expect(moved.storyId).not.toBe(storyId);
      expect(await s.countStories({})).toBe(2);
      expect((await s.story(storyId))!.articleCount).toBe(1);
    });

    it('GIVEN an article taken out of its story THEN the story keeps its other articles and takes its card from the longest', async () => {
      const s = await store();
      const a = await wire(s, { body: WIRE_EDITED, source: 'Daily Wire' }, 'Edited', '2024-03-05T09:00:00Z');
      const b = await wire(s, { body: WIRE_EXTENDED, source: 'Coast Radio' }, 'Extended', '2024-03-05T10:00:00Z');
      const storyId = (await s.storyOfArticle(a.articleId))!;
      expect(await s.storyOfArticle(b.articleId)).toBe(storyId);
      await s.transaction((tx) => tx.detachFromStory(b.articleId));
      expect(await s.storyOfArticle(b.articleId)).toBeNull();
      expect(await s.story(storyId)).toMatchObject({ headline: 'Edited', articleCount: 1, bestArticleId: a.articleId });
      await s.transaction((tx) => tx.detachFromStory(a.articleId));
      expect(await s.story(storyId)).toBeNull();
      expect(await s.latestStories({ limit: 5 })).toEqual([]);
    });
  });
}
