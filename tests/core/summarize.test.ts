import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../src/core/article.ts';
import { BriefingError } from '../../src/core/errors.ts';
import { parseDocument } from '../../src/core/parse/index.ts';
import { splitSentences } from '../../src/core/sentences/index.ts';
import { quoteSpans } from '../../src/core/sentences/index.ts';
import { summarize } from '../../src/core/summarize/index.ts';
import { HEADLINE_MAX, shortenHeadline } from '../../src/core/summarize/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/summaries');
const SEEDS = join(import.meta.dirname, '../../seeds');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

function article(body: string, extra: Partial<Article> = {}): Article {
  const paras = body.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  const blocks: Block[] = [];
  let pos = 0;
  for (const p of paras) {
    blocks.push({ kind: 'paragraph', start: pos, end: pos + p.length });
    pos += p.length + 2;
  }
  return { guid: null, url: null, file: null, source: null, format: 'text', headline: null, byline: null, published: null, bullets: [], body: paras.join('\n\n'), blocks, ...extra };
}

/** The seed read by the real text parser (headline line, bullet lines, body). */
function seedArticle(file: string): Article {
  const [a] = parseDocument({ content: readFileSync(join(SEEDS, file), 'utf8'), file, url: null });
  if (!a) throw new Error(`no article in ${file}`);
  return a;
}

/** Quote marks in a string are balanced: no quotation opens without closing, none closes without opening. */
function hasHalfQuote(text: string): boolean {
  return quoteSpans(text).some((q) => !q.closed || (q.start === 0 && !/^["“‘']/.test(text)));
}

function expectTraceable(a: Article): void {
  const s = summarize(a);
  for (const k of s.keyPoints) {
    expect(k.start).not.toBeNull();
    expect(a.body.slice(k.start ?? 0, k.end ?? 0)).toBe(k.text);
  }
}

describe('summarize: editor bullets and own headline', () => {
  const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  it.each(seedFiles)('GIVEN the seed %s with editor bullets THEN its bullets are its key points and its headline is its own', (file) => {
    const a = seedArticle(file);
    expect(a.bullets.length).toBeGreaterThan(0);
    const s = summarize(a);
    expect(s.headlineFrom).toBe('article');
    expect(s.headline).toBe(a.headline);
    expect(s.keyPoints.map((k) => k.text)).toEqual(a.bullets);
    expect(s.keyPoints.every((k) => k.sentence === null && k.start === null && k.end === null)).toBe(true);
  });

  it('GIVEN the seed without its bullets THEN 2-4 whole body sentences become key points, in reading order', () => {
    const a = { ...seedArticle(readdirSync(SEEDS).find((f) => f.endsWith('.txt')) ?? ''), bullets: [] };
    const s = summarize(a);
    const sentences = splitSentences(a.body);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(2);
    expect(s.keyPoints.length).toBeLessThanOrEqual(4);
    const indices = s.keyPoints.map((k) => k.sentence ?? -1);
    expect(indices).toEqual([...indices].sort((x, y) => x - y));
    for (const k of s.keyPoints) expect(sentences[k.sentence ?? -1]?.text).toBe(k.text);
    expect(s.keyPoints.some((k) => /Xi Jinping|China|Putin/.test(k.text))).toBe(true);
  });
});

describe('summarize: headline from the lead', () => {
  it('GIVEN an article with no headline whose lead runs into a quotation at 100 characters THEN the headline stops before the quotation', () => {
    const s = summarize(article(fixture('no-headline.txt')));
    expect(s.headlineFrom).toBe('lead');
    expect(s.headline).toBe('Harbour officials in the coastal town of Westby said on Monday that the ferry link would close…');
  });

  it.each([
    ['a lead that fits', 'Floods close the M5 near Exeter.', 'Floods close the M5 near Exeter'],
    ['a long lead', 'The government announced on Thursday a sweeping reform of the national rail timetable, which will take effect next spring across England.', 'The government announced on Thursday a sweeping reform of the national rail timetable, which will…'],
    ['a long lead whose cut leaves a comma and a small word', 'The mayor of Linden Vale announced a plan to plant 10,000 trees across the city by 2030, the largest greening project in its history.', 'The mayor of Linden Vale announced a plan to plant 10,000 trees across the city by 2030…'],
    ['a long lead with a quotation across the cut', 'The minister told reporters outside parliament on Tuesday that the new law was "a turning point for the whole country and its economy".', 'The minister told reporters outside parliament on Tuesday that the new law was…'],
    ['a long lead with a whole quotation before the cut', 'The minister called the law "a turning point" on Tuesday, and said that parliament would vote on the rest of the package within weeks.', 'The minister called the law "a turning point" on Tuesday, and said that parliament would vote…'],
  ])('GIVEN %s THEN the headline is short, cut at a word boundary, never inside a quote', (_name, lead, expected) => {
    const h = shortenHeadline(lead);
    expect(h).toBe(expected);
    expect((h ?? '').length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(hasHalfQuote(h ?? '')).toBe(false);
    const prefix = (h ?? '').replace(/…$/, '');
    expect(lead.startsWith(prefix)).toBe(true);
    expect(lead.slice(prefix.length)).toMatch(/^(?:$|[\s.,;:])/); // the cut falls between words
  });

  it('GIVEN an article of only quotes THEN the headline is a whole short quotation, never half of one', () => {
    const s = summarize(article(fixture('only-quotes.txt')));
    expect(s.headlineFrom).toBe('lead');
    expect(s.headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(hasHalfQuote(s.headline)).toBe(false);
    expect(s.headline).toBe('"It is the longest span in the region, and we built it under budget," she added');
  });

  it('GIVEN an article whose own headline has extra spaces THEN it is kept, tidied', () => {
    expect(summarize(article('Body text here. More text.', { headline: '  Floods  hit Devon ' })).headline).toBe('Floods hit Devon');
  });
});

describe('summarize: key points from the body', () => {
  it('GIVEN a one-paragraph article of three sentences THEN two whole sentences are key points', () => {
    const a = article(fixture('one-paragraph.txt'));
    const s = summarize(a);
    expect(s.keyPoints).toHaveLength(2);
    expect(s.keyPoints[0]?.text).toBe('Storms brought down power lines across the north of the county on Sunday night, leaving about 8,000 homes without electricity.');
    expectTraceable(a);
  });

  it('GIVEN an article of only quotes THEN the key points are whole quotations', () => {
    const a = article(fixture('only-quotes.txt'));
    const s = summarize(a);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(2);
    for (const k of s.keyPoints) expect(hasHalfQuote(k.text)).toBe(false);
    expectTraceable(a);
  });

  it('GIVEN an article made only of quotations over several sentences THEN each key point is a whole quotation', () => {
    const a = article([
      '‘We built this bridge over the Tamar in three years.', 'It is the longest span in the region.', 'We are proud of every one of the 300 workers,’ said the chief engineer, Maria Lopes.',
      '‘The river fought us every single day of the build.', 'But in the end we won,’ she added.',
    ].join('\n\n'));
    const s = summarize(a);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(1);
    for (const k of s.keyPoints) {
      expect(k.text).toMatch(/^‘/);
      expect(k.text).toMatch(/’ (?:said|she added)/);
      expect(hasHalfQuote(k.text)).toBe(false);
    }
    expect(s.keyPoints[0]?.sentence).toBe(0);
    expect(s.headline).toBe('‘We built this bridge over the Tamar in three years.’');
    expectTraceable(a);
  });

  it('GIVEN a quotation that runs over three sentences THEN none of its parts is a key point alone', () => {
    const a = article(fixture('long-quote.txt'));
    const texts = summarize(a).keyPoints.map((k) => k.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const part of ['‘We want every child', 'It will take time', 'But it is the right thing']) {
      expect(texts.some((t) => t.startsWith(part))).toBe(false);
    }
  });

  it('GIVEN sentences opening with a dangling pronoun or connective THEN other sentences serve instead', () => {
    const a = article(fixture('no-headline.txt'));
    const texts = summarize(a).keyPoints.map((k) => k.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const t of texts) expect(t).not.toMatch(/^(?:It|This|Some|But|He|She|They)\b/);
  });

  it('GIVEN page furniture and a repeated sentence THEN neither the furniture nor the repeat is a key point', () => {
    const body = [
      'Scroll down for video',
      'Fire crews rescued 14 people from a burning tower block in east Leeds early on Saturday morning.',
      'Fire crews rescued 14 people from the burning tower block in east Leeds on Saturday.',
      'Three residents were taken to hospital with smoke inhalation, West Yorkshire Fire Service said.',
      'The cause of the fire in the 12-storey building is being investigated by police and fire officers.',
      'Pictured: The block in Leeds',
      '1. Anna Berg (Sweden) Volvo 1:35.782 2.',
    ].join('\n\n');
    const texts = summarize(article(body)).keyPoints.map((k) => k.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.some((t) => /Scroll down|Pictured|Anna Berg/.test(t))).toBe(false);
    expect(texts.filter((t) => t.startsWith('Fire crews rescued 14'))).toHaveLength(1);
  });

  it('GIVEN a long article THEN there are at most 4 key points, at least 2, in reading order and traceable', () => {
    const a = article(fixture('long-article.txt'));
    const s = summarize(a);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(2);
    expect(s.keyPoints.length).toBeLessThanOrEqual(4);
    const idx = s.keyPoints.map((k) => k.sentence ?? -1);
    expect(idx).toEqual([...idx].sort((x, y) => x - y));
    expectTraceable(a);
  });

  it('GIVEN a lead opening with a source tag or dateline THEN key point and headline start after it, still traceable', () => {
    const a = article('(CNN)Rescuers pulled a fisherman from the sea off Cornwall after 20 hours adrift.\n\nLONDON (Reuters) - The coastguard said the man, 61, was in good health.\n\nHis boat sank on Sunday.');
    const s = summarize(a);
    expect(s.headline).toBe('Rescuers pulled a fisherman from the sea off Cornwall after 20 hours adrift');
    expect(s.keyPoints.map((k) => k.text)).toEqual(['Rescuers pulled a fisherman from the sea off Cornwall after 20 hours adrift.', 'The coastguard said the man, 61, was in good health.']);
    expectTraceable(a);
  });

  it('GIVEN a block quotation and a sub-heading near the top THEN neither is used as a key point', () => {
    const paras = [
      'Ukraine and Japan signed a defence pact in Kyiv on Tuesday, worth $5.5 billion over five years.',
      'Japanese Prime Minister Fumio Kishida told reporters:',
      'We will give Ukraine $5.5 billion in aid and we will stand with Ukraine until peace returns to Europe.',
      'Aid to Ukraine',
      'The pact covers air defence, demining equipment and the repair of power stations across Ukraine.',
      'Officials in Tokyo said the first deliveries would arrive before the end of the year.',
    ];
    const a = article(paras.join('\n\n'));
    const kinds: Block['kind'][] = ['paragraph', 'paragraph', 'blockquote', 'heading', 'paragraph', 'paragraph'];
    const withKinds: Article = { ...a, blocks: a.blocks.map((b, i) => ({ ...b, kind: kinds[i] ?? 'paragraph' })) };
    const texts = summarize(withKinds).keyPoints.map((k) => k.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts).not.toContain(paras[2]);
    expect(texts).not.toContain(paras[3]);
    expect(summarize(a).keyPoints.map((k) => k.text)).toContain(paras[2]); // as a plain paragraph it would be chosen
  });

  it('GIVEN sentences passed in THEN the result equals splitting the body itself', () => {
    const a = article(fixture('no-headline.txt'));
    expect(summarize(a, splitSentences(a.body))).toEqual(summarize(a));
  });

  it('GIVEN a one-sentence article THEN that sentence is the key point and the headline', () => {
    const s = summarize(article('Snow closed every school in Aberdeen on Monday.'));
    expect(s.keyPoints.map((k) => k.text)).toEqual(['Snow closed every school in Aberdeen on Monday.']);
    expect(s.headline).toBe('Snow closed every school in Aberdeen on Monday');
  });
});

describe('summarize: bad input', () => {
  it('GIVEN an article with no headline and no text THEN a clear bad_input error names the file in its context', () => {
    let caught: unknown;
    try {
      summarize(article(' \n\n ', { file: 'empty.txt' }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BriefingError);
    expect((caught as BriefingError).code).toBe('bad_input');
    expect((caught as BriefingError).message).toMatch(/nothing to brief/);
    expect((caught as BriefingError).context).toMatchObject({ file: 'empty.txt' });
  });

  it('GIVEN an article with a headline but an empty body THEN the headline stands and there are no key points', () => {
    const s = summarize(article('', { headline: 'Markets closed for the holiday' }));
    expect(s).toEqual({ headline: 'Markets closed for the holiday', headlineFrom: 'article', keyPoints: [] });
  });
});

describe('summarize: any article', () => {
  const sentence = fc.constantFrom(
    'The council approved a £4.5m budget for new roads on Monday.', 'He said it was "a good day for the town."', '‘We will build it.',
    'It will take two years,’ the mayor said.', 'But critics disagreed.', 'Scroll down for video', 'Mr. Smith of the U.S. firm agreed.',
    'Residents in Northgate will be consulted in May.', 'Pictured: The new road', 'Results', '1. Anna Berg (Sweden) 1:35.7',
    '"Why now?" asked one resident.', 'The plan was first proposed in 2019 by the Liberal Democrats.',
  );
  it('GIVEN any article made of news sentences THEN a short headline and 1-4 key points, in reading order, each traceable', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 30 }), fc.boolean(), (parts, oneParagraph) => {
        const a = article(parts.join(oneParagraph ? ' ' : '\n\n'));
        const s = summarize(a);
        expect(s.headline.length).toBeGreaterThan(0);
        expect(s.headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
        expect(s.keyPoints.length).toBeGreaterThanOrEqual(1);
        expect(s.keyPoints.length).toBeLessThanOrEqual(4);
        let last = -1;
        for (const k of s.keyPoints) {
          expect(a.body.slice(k.start ?? 0, k.end ?? 0)).toBe(k.text);
          expect(k.start ?? 0).toBeGreaterThan(last);
          last = k.end ?? 0;
        }
      }),
      { numRuns: 200 },
    );
  });
});
