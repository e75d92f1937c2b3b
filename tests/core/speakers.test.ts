import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index.ts';
import { articleFromText } from './article-from-text.ts';
import { canonicalName, closestNames, nameKeys, nameSimilarity, normalizeName, sameSpeaker, variantKey } from '../../src/core/speakers.ts';

describe('normalizeName', () => {
  it.each([
    ['Mr. López', 'lopez'],
    ['Mr Putin', 'putin'],
    ['President Vladimir Putin', 'vladimir putin'],
    ["Putin's", 'putin'],
    ['Dr. Anthony Fauci Jr.', 'anthony fauci'],
    ['Sen. Elizabeth Warren', 'elizabeth warren'],
    ['  ZELENSKY  ', 'zelensky'],
    ['Président François Hollande', 'francois hollande'],
  ])('GIVEN %j THEN %j', (name, want) => {
    expect(normalizeName(name)).toBe(want);
  });

  it('GIVEN a lone title THEN it is kept rather than emptied', () => {
    expect(normalizeName('President')).toBe('president');
  });
});

describe('variantKey', () => {
  it.each([
    ['Zelenskyy', 'Zelensky'],
    ['Zelenskiy', 'Zelensky'],
    ['Volodymyr Zelenskyy', 'Wolodymyr Zelensky'],
    ['Gaddafi', 'Gadafi'],
    ['López', 'Lopez'],
  ])('GIVEN %j and %j THEN they share a key', (a, b) => {
    expect(variantKey(a)).toBe(variantKey(b));
  });

  it.each([
    ['Putin', 'Xi'],
    ['Hillary Clinton', 'Bill Clinton'],
    ['Obama', 'Osama'],
  ])('GIVEN %j and %j THEN their keys differ', (a, b) => {
    expect(variantKey(a)).not.toBe(variantKey(b));
  });
});

describe('nameKeys', () => {
  it('GIVEN a full name THEN the keys hold the full name, the surname and their variants', () => {
    expect(nameKeys('Volodymyr Zelenskyy')).toEqual(expect.arrayContaining(['volodymyr zelenskyy', 'zelenskyy', 'zelenski', 'volodimir zelenski']));
  });

  it('GIVEN a name with a middle initial THEN first + last name is a key', () => {
    expect(nameKeys('John F. Kerry')).toContain('john kerry');
  });

  it('GIVEN a group named in either order THEN both share a key', () => {
    const shared = nameKeys('Russia and China').filter((k) => nameKeys('China and Russia').includes(k));
    expect(shared).toContain('china and russia');
  });

  it('GIVEN an empty or punctuation-only name THEN no keys', () => {
    expect(nameKeys('')).toEqual([]);
    expect(nameKeys(' .,- ')).toEqual([]);
  });

  it('GIVEN any string THEN keys are lowercase, accent-free and non-empty (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        for (const k of nameKeys(s)) {
          expect(k.length).toBeGreaterThan(0);
          expect(k).toBe(k.toLowerCase());
          expect(k.normalize('NFKD')).not.toMatch(/\p{M}/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('sameSpeaker, canonicalName and similarity', () => {
  it.each([
    ['Mr Putin', 'Vladimir Putin', true],
    ['Zelenskyy', 'Volodymyr Zelensky', true],
    ['Andrés Manuel López Obrador', 'Andres Manuel Lopez Obrador', true],
    ['Hillary Clinton', 'Bill Clinton', false],
    ['Putin', 'Xi Jinping', false],
  ])('GIVEN %j and %j THEN same speaker is %s', (a, b, want) => {
    expect(sameSpeaker(a, b)).toBe(want);
  });

  it('GIVEN several names of one person THEN the canonical one is the longest', () => {
    expect(canonicalName(['Putin', 'Mr Putin', 'Vladimir Putin', 'Putin'])).toBe('Vladimir Putin');
    expect(canonicalName([])).toBeNull();
  });

  it('GIVEN a misspelt query THEN the closest known speakers come first', () => {
    const known = ['Vladimir Putin', 'Volodymyr Zelensky', 'Xi Jinping', 'Fumio Kishida'];
    expect(closestNames('Zelenskky', known)[0]).toBe('Volodymyr Zelensky');
    expect(closestNames('putn', known)[0]).toBe('Vladimir Putin');
    expect(closestNames('kish', known)).toEqual(['Fumio Kishida']);
    expect(closestNames('qqqqqq', known)).toEqual([]);
    expect(nameSimilarity('Vladimir Putin', 'Vladimir Putin')).toBe(1);
  });
});

describe('speaker keys across two articles', () => {
  const a = extractQuotes(articleFromText([
    'Kyiv talks',
    'Ukrainian President Volodymyr Zelenskyy met Mexican President Andrés Manuel López Obrador and Russian President Vladimir Putin.',
    '"We want peace," Zelenskyy said.',
    '"We offer our help," López Obrador said.',
    '"The terms are known," Mr Putin said.',
  ].join('\n\n')));
  const b = extractQuotes(articleFromText([
    'Summit ends',
    '"Talks will continue," Volodymyr Zelensky said on Friday.',
    '"Mexico is ready," said Andres Manuel Lopez Obrador.',
    '"Nothing has changed," said Vladimir Putin.',
  ].join('\n\n')));

  it.each([
    ['Zelenskyy', 'Zelensky'],
    ['López Obrador', 'Lopez Obrador'],
    ['Putin', 'Putin'],
  ])('GIVEN %s in one article and %s in the other THEN their speakers share a registry key', (x, y) => {
    const sa = a.speakers.find((s) => s.name.includes(x));
    const sb = b.speakers.find((s) => s.name.includes(y));
    expect(sa && sb).toBeTruthy();
    const shared = nameKeys(sa!.name).filter((k) => nameKeys(sb!.name).includes(k));
    expect(shared.length).toBeGreaterThan(0);
    expect(sameSpeaker(sa!.name, sb!.name)).toBe(true);
  });

  it('GIVEN who:"Mr Putin" THEN its keys reach the canonical speaker of either article', () => {
    const putin = a.speakers.find((s) => s.name === 'Vladimir Putin')!;
    expect(nameKeys('Mr Putin').some((k) => nameKeys(putin.name).includes(k))).toBe(true);
  });
});
