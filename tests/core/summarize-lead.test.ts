import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/summarize/index.ts';
import { newsArticle } from './summarize-helpers.ts';

describe('summarize: the lead of a short feed item', () => {
  it.each<[string, string[], string | null, string[]]>([
    ['a one-sentence item without a full stop', ['Markets rallied on hopes of a rate cut'], 'Shares up', ['Markets rallied on hopes of a rate cut']],
    ['an item and a "Read more" link', ['Markets rallied across Europe on Friday on hopes of a rate cut.', 'Read more'], 'Shares rise', ['Markets rallied across Europe on Friday on hopes of a rate cut.']],
    ['a short headline-like item and a "more to follow" line', ['Storm Ciara closes 40 schools', 'More to follow.'], 'Storm news', ['Storm Ciara closes 40 schools']],
    ['a question, then the story', ['Why are markets rallying? Investors expect a rate cut in March.'], null, ['Investors expect a rate cut in March.']],
  ])('GIVEN %s THEN its story is the key point', (_name, paras, headline, expected) => {
    expect(summarize(newsArticle(paras, { headline })).keyPoints.map((k) => k.text)).toEqual(expected);
  });
});

describe('summarize: length follows the article', () => {
  const STORY = [
    'Floods closed 30 roads across Devon on Monday after two days of heavy rain.',
    'The Environment Agency issued 12 flood warnings for rivers in the county.',
    'Firefighters rescued a driver whose car was swept off a lane near Tiverton.',
    'Train services between Exeter and Plymouth were cancelled until Wednesday.',
    'Schools in five villages stayed shut because buses could not reach them.',
    'Forecasters expect more rain on Thursday, with up to 40mm on high ground.',
    'The council opened two rest centres for families moved from their homes.',
    'Farmers said hundreds of sheep had been moved to higher fields overnight.',
    'Insurers estimate the cost of the damage at more than £20m so far.',
    'The last floods of this size in Devon were in the winter of 2012.',
    'Volunteers filled sandbags at depots in Exeter, Crediton and Honiton.',
    'Police asked drivers not to ignore road closure signs in the county.',
    'The Met Office said the ground was already soaked after the wettest autumn in a decade.',
  ];
  const long = (n: number): string[] => STORY.slice(0, n);

  it('GIVEN a short item THEN two key points, a longer story THEN three', () => {
    expect(summarize(newsArticle(long(5))).keyPoints).toHaveLength(2);
    expect(summarize(newsArticle(long(13))).keyPoints).toHaveLength(3);
  });

  it('GIVEN a lead of long sentences THEN the key points are never longer than the article\'s first sentences', () => {
    const paras = [
      'The harbour board of Westby announced on Monday that the ferry link between Westby and Northgate, which has run without a break since 1964 and carries about 400 commuters a day, will close in March because of losses and repairs.',
      'The board said that the service lost £2m last year, that the ferry needs repairs costing £5m before its next inspection, and that no buyer had come forward for the route despite two years of talks with operators in Norway and Denmark.',
      'Bus companies will meet the board next week.',
      ...long(10),
    ];
    const words = (t: string): number => t.split(/\s+/).length;
    const points = summarize(newsArticle(paras)).keyPoints;
    const total = points.reduce((n, k) => n + words(k.text), 0);
    const lead = paras.slice(0, 3).reduce((n, p) => n + words(p), 0);
    expect(points[0]?.text).toBe(paras[0]);
    expect(total).toBeLessThanOrEqual(lead + Math.max(...points.map((k) => words(k.text))));
  });
});
