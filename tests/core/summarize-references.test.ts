import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.ts';
import { openingReference, summarize } from '../../src/core/summarize/index.ts';
import { splitSentences } from '../../src/core/sentences/index.ts';
import { stem, textStats } from '../../src/core/summarize/text-signals.ts';
import { newsArticle } from './summarize-helpers.ts';

const seen = (...words: string[]) => (w: string): boolean => words.map((x) => stem(x)).includes(w);

describe('openingReference', () => {
  it.each<[string, string, (w: string) => boolean, string]>([
    ['a pronoun', 'He said the talks had failed.', seen(), 'pronoun'],
    ['a possessive pronoun', 'Their boat sank on Sunday.', seen(), 'pronoun'],
    ['a connective', 'But the board said no.', seen(), 'connective'],
    ['"This" as a pronoun', 'This is a disgrace, residents said.', seen(), 'pronoun'],
    ['a definite description used before', 'The man suffered cuts to his arms.', seen('man'), 'definite'],
    ['an age standing for a person', 'The 22-year-old was jogging when he was shot.', seen(), 'definite'],
    ['a title and surname introduced before', 'Mr van Gogh\'s body was found in the street.', seen('gogh'), 'surname'],
    ['a quotation whose speaker is a pronoun', '"Why build it here?" he asked.', seen(), 'pronoun'],
  ])('GIVEN %s THEN it opens with a %s reference', (_name, text, before, kind) => {
    expect(openingReference(text, before).kind).toBe(kind);
  });

  it.each<[string, string, (w: string) => boolean]>([
    ['a definite description that is a first mention', 'The government announced a new rail timetable on Thursday.', seen()],
    ['a name with "The"', 'The Premier League fined the club £1m.', seen('club')],
    ['a title and surname never seen before', 'Mr Okafor opened the new bridge on Monday.', seen()],
    ['a time phrase with "This"', 'This week the council voted to close the ferry.', seen('week')],
    ['a subordinate clause', 'Although the ferry lost £2m, the board kept it running.', seen()],
    ['a name', 'Maria Lopes built the bridge in three years.', seen('maria')],
  ])('GIVEN %s THEN it opens with no reference', (_name, text, before) => {
    expect(openingReference(text, before).kind).toBe('none');
  });
});

describe('summarize: key points that stand alone', () => {
  const pool = fc.constantFrom(
    'Fire crews rescued 14 people from a burning tower block in east Leeds early on Saturday.',
    'A man who lived on the top floor of the Leeds block climbed down a drainpipe to escape the fire.',
    'The man suffered burns to his hands in the Leeds fire and was treated at Leeds General Infirmary.',
    'He said the fire spread through the Leeds block in minutes, trapping 14 people on the top floor.',
    'But fire crews said the 14 residents of the block in Leeds had kept calm during the fire.',
    'The 22-year-old was the last of the 14 people rescued from the Leeds block by fire crews.',
    'Mr Ahmed said the fire alarm in the Leeds block had not worked for months before the fire.',
    'Three residents were taken to hospital with smoke inhalation, West Yorkshire Fire Service said.',
    'The block was built in 1968 and has 12 storeys and 96 flats, according to Leeds City Council.',
  );
  it('GIVEN any article of news sentences THEN every key point opening with a reference has its antecedent chosen before it', () => {
    fc.assert(
      fc.property(fc.array(pool, { minLength: 3, maxLength: 12 }), (paras) => {
        const unique = [...new Set(paras)];
        const a = newsArticle(unique);
        const sentences = splitSentences(a.body);
        const points = summarize(a, sentences).keyPoints;
        const chosen = new Set(points.map((k) => k.sentence));
        const standsAlone = (t: string): boolean => !['pronoun', 'connective'].includes(openingReference(t, () => false).kind) && !/^The \d+-year-old/.test(t);
        const anyAlone = sentences.some((s) => standsAlone(s.text));
        points.forEach((k, n) => {
          if (n === 0 && !anyAlone) return; // nothing stands alone: the lead is the best there is
          const i = k.sentence ?? -1;
          const earlier = new Set(points.slice(0, n).flatMap((p) => textStats(p.text).words));
          const before = new Set(sentences.slice(0, i).flatMap((s) => textStats(s.text).words));
          const ref = openingReference(k.text, (w) => before.has(w));
          const lead = n === 0 && ref.kind === 'definite' && ref.head !== 'year-old'; // "The block…" may open a brief
          const head = ref.kind === 'definite' || ref.kind === 'surname' ? ref.head : null;
          const resolved = ref.kind === 'none' || lead || chosen.has(i - 1) || (head !== null && head !== 'year-old' && earlier.has(head));
          expect(resolved, `"${k.text}" after ${JSON.stringify(points.slice(0, n).map((p) => p.text))}`).toBe(true);
        });
        if (anyAlone) expect(standsAlone(points[0]?.text ?? '')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN a lead opening with a pronoun THEN the first key point is the first sentence that stands alone', () => {
    const a = newsArticle([
      'They are the strange concrete arrows found across the American desert, some 70ft long.',
      'The arrows were built in the 1920s to guide the first airmail pilots across the United States at night.',
      'Each arrow had a beacon tower and a generator shed, and pilots flew from one to the next.',
      'Radio navigation made the arrows useless by the 1940s, and most towers were pulled down for scrap.',
    ]);
    const points = summarize(a).keyPoints.map((k) => k.text);
    expect(points[0]).toMatch(/^The arrows were built/);
    expect(points.some((t) => /^They\b/.test(t))).toBe(false);
  });

  it('GIVEN a lead that is a question or a teaser THEN it is passed over', () => {
    const a = newsArticle([
      'Who needs a ferry anyway?',
      'The Westby ferry link will close in March after 60 years, the harbour board said on Monday.',
      'The board said the service lost £2m last year and the ferry needed repairs costing £5m.',
      'About 400 people use the ferry each day, most of them commuters to Northgate.',
    ]);
    const points = summarize(a).keyPoints.map((k) => k.text);
    expect(points[0]).toMatch(/^The Westby ferry link/);
    expect(points.some((t) => t.endsWith('?'))).toBe(false);
  });
});

describe('summarize: nothing the card already shows', () => {
  const paras = [
    'The Westby ferry link will close in March after 60 years, the harbour board said on Monday.',
    '"We have no choice: the ferry loses money on every crossing and the repairs would cost £5m," said the board chairman, Anna Berg.',
    'The board said the service lost £2m last year and the ferry needed repairs costing £5m.',
    'About 400 people use the ferry each day, most of them commuters to Northgate.',
    'The board will meet bus companies next week to plan a replacement service for commuters.',
    'Residents have started a petition to save the ferry, which has 3,000 signatures.',
    'The ferry first sailed in 1964 and carried 2 million people in its best year, 1988.',
  ];

  it('GIVEN the card\'s top quote THEN no key point repeats it', () => {
    const quote = 'We have no choice: the ferry loses money on every crossing and the repairs would cost £5m';
    const without = summarize(newsArticle(paras)).keyPoints.map((k) => k.text);
    expect(without.some((t) => t.includes('We have no choice'))).toBe(true); // chosen when the card does not show it
    const points = summarize(newsArticle(paras), undefined, { topQuote: { text: quote } }).keyPoints.map((k) => k.text);
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.some((t) => t.includes('We have no choice'))).toBe(false);
  });

  it('GIVEN an own headline that a sentence restates THEN that sentence is not a key point', () => {
    const a = newsArticle(paras, { headline: 'Westby ferry link will close in March after 60 years' });
    const points = summarize(a).keyPoints.map((k) => k.text);
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.some((t) => t.startsWith('The Westby ferry link will close'))).toBe(false);
  });

  it('GIVEN an article with a quote worth a card THEN buildBriefing shows it once, as the top quote and not as a key point', () => {
    const b = buildBriefing(newsArticle(paras));
    expect(b.topQuote?.text).toMatch(/^We have no choice/);
    expect(b.keyPoints.some((k) => k.text.includes(b.topQuote?.text ?? '\u0000'))).toBe(false);
  });
});
