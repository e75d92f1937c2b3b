import { describe, expect, it } from 'vitest';
import { buildDigest, formatLocalTime, rankStories, storyItemOf } from '../../src/core/digest.ts';
import type { DigestStory } from '../../src/core/digest.ts';
import { sourceLine } from '../../src/core/sanitize.ts';

let nextId = 1;
function story(headline: string, ingestedAt: string, over: Partial<DigestStory> = {}): DigestStory {
  return { articleId: nextId++, headline, url: null, source: 'Wire', published: null, ingestedAt, keyPoints: [], topQuote: null, ...over };
}
const quote = { text: 'We will not give up', speaker: 'Ann Lee' };
const headlines = (xs: DigestStory[]) => xs.map((s) => s.headline);

describe('digest ranking', () => {
  it.each([
    ['GIVEN plain stories THEN the newest comes first', [story('old', '2026-11-30T01:00:00Z'), story('new', '2026-11-30T05:00:00Z')], ['new', 'old']],
    [
      'GIVEN an older story with key points and a quote THEN it outranks a bare one up to 12 hours newer',
      [story('bare', '2026-11-30T10:00:00Z'), story('rich', '2026-11-30T00:00:00Z', { keyPoints: ['k'], topQuote: quote })],
      ['rich', 'bare'],
    ],
    [
      'GIVEN a rich story more than 12 hours older THEN recency wins',
      [story('bare', '2026-11-30T13:00:00Z'), story('rich', '2026-11-30T00:00:00Z', { keyPoints: ['k'], topQuote: quote })],
      ['bare', 'rich'],
    ],
    [
      'GIVEN a published date THEN it counts, but never later than the ingestion',
      [
        story('published early', '2026-11-30T10:00:00Z', { published: '2026-11-29T10:00:00Z' }),
        story('ingested mid', '2026-11-30T05:00:00Z'),
        story('future-dated', '2026-11-30T04:00:00Z', { published: '2027-01-01' }),
      ],
      ['ingested mid', 'future-dated', 'published early'],
    ],
  ])('%s', (_name, stories, expected) => {
    expect(headlines(rankStories(stories))).toEqual(expected);
  });
});

describe('digest message', () => {
  const base = { slot: new Date('2026-11-30T08:00:00Z'), since: new Date('2026-11-29T08:00:00Z'), timezone: 'Europe/London', topic: null };

  it('GIVEN no stories THEN there is no digest (nothing is posted)', () => {
    expect(buildDigest({ ...base, stories: [] })).toBeNull();
  });

  it('GIVEN more stories than the limit THEN it shows the best and counts the rest', () => {
    const stories = Array.from({ length: 14 }, (_, i) => story(`s${i}`, `2026-11-30T0${i % 8}:00:00Z`));
    const m = buildDigest({ ...base, stories, limit: 10 })!;
    expect(m.items).toHaveLength(10);
    expect(m.more).toBe(4);
    expect(m.intro).toBe('14 new stories since Sun 29 Nov, 08:00 (Europe/London)');
    expect(m.visibility).toBe('public');
  });

  it('GIVEN a topic, a late slot and a story THEN title, intro, card and footer say so', () => {
    const s = story('Grain deal', '2026-11-30T06:00:00Z', { url: 'https://x.test/a', keyPoints: ['a', 'b', 'c', 'd'], topQuote: quote });
    const m = buildDigest({ ...base, stories: [s, { ...s }], topic: 'grain', late: true, timezone: 'Asia/Tokyo' })!;
    expect(m.title).toBe('News digest: grain');
    expect(m.intro).toBe('1 new story about “grain” since Sun 29 Nov, 17:00 (Asia/Tokyo)');
    expect(m.footer).toBe('Late digest: due Mon 30 Nov, 17:00 (Asia/Tokyo), delivered after the bot restarted');
    expect(m.items).toEqual([
      { type: 'story', articleId: s.articleId, headline: 'Grain deal', url: 'https://x.test/a', keyPoints: ['a', 'b', 'c'], quote, source: 'Wire', date: '2026-11-30T06:00:00Z', dateAdded: true },
    ]);
  });

  it.each([
    ['2026-03-29T07:00:00Z', 'Europe/London', 'Sun 29 Mar, 08:00'],
    ['2026-03-29T00:30:00Z', 'Europe/London', 'Sun 29 Mar, 00:30'],
    ['2026-11-30T23:30:00Z', 'Asia/Kolkata', 'Tue 1 Dec, 05:00'],
  ])('GIVEN %s THEN in %s it reads %s', (at, tz, expected) => {
    expect(formatLocalTime(new Date(at), tz)).toBe(expected);
  });
});

describe('honest dates on story cards', () => {
  const story = (published: string | null) => ({ articleId: 1, headline: 'H', url: null, source: 'Wire', published, ingestedAt: '2026-12-01T08:00:00.000Z', keyPoints: [], topQuote: null });
  it.each([
    ['GIVEN a published date THEN the card shows it as the date', '2026-11-29T10:00:00Z', '2026-11-29T10:00:00Z', undefined, 'Wire · 2026-11-29'],
    ['GIVEN no published date THEN the card shows when it was added, said so', null, '2026-12-01T08:00:00.000Z', true, 'Wire · added 2026-12-01'],
  ] as const)('%s', (_name, published, date, added, line) => {
    const item = storyItemOf(story(published));
    expect([item.date, item.dateAdded]).toEqual([date, added]);
    expect(sourceLine(item.source, item.date, item.dateAdded)).toBe(line);
  });
});
