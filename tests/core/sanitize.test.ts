import { describe, expect, it } from 'vitest';
import { clipRaw, fitEscaped, formatDate, safeHttpUrl, sanitizeLine, sanitizeText, sourceLine, trimQuote, truncateText } from '../../src/core/sanitize.ts';

describe('sanitizeText', () => {
  it.each([
    ['zero-width and BOM', 'a\u200Bb\u200Cc\u200Dd\uFEFFe', 'abcde'],
    ['bidi overrides and isolates', 'evil\u202Etxt.exe \u2066x\u2069', 'eviltxt.exe x'],
    ['control characters and terminal escapes', 'red\u001B[31m bell\u0007 nul\u0000', 'red[31m bell nul'],
    ['line endings', 'a\r\nb\rc\u2028d', 'a\nb\nc\nd'],
    ['lone surrogates', 'x\uD800y\uDC00z', 'xyz'],
    ['emoji kept', 'ok 😀 é', 'ok 😀 é'],
    ['blank lines squeezed', 'a\n\n\n\nb  \n', 'a\n\nb'],
  ])('GIVEN %s THEN cleaned', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('GIVEN a multi-line string THEN sanitizeLine makes one line', () => {
    expect(sanitizeLine('  one\n two\t three  ')).toBe('one two three');
  });
});

describe('truncateText', () => {
  it.each([
    ['short text is kept', 'Hello world.', 20, 'Hello world.'],
    ['cut at a sentence end', 'First sentence here. Second sentence is long and goes on.', 30, 'First sentence here. …'],
    ['a word cut when the sentence end would lose too much', 'First sentence here. Second sentence is long and goes on.', 40, 'First sentence here. Second sentence…'],
    ['cut at a word when no sentence end is near', 'alpha beta gamma delta epsilon zeta', 20, 'alpha beta gamma…'],
    ['cut mid-word when there is no space', 'x'.repeat(50), 10, `${'x'.repeat(9)}…`],
    ['no broken surrogate pair', '😀😀😀😀😀', 4, '😀…'],
  ])('GIVEN %s THEN %j', (_name, input, max, expected) => {
    const out = truncateText(input, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

describe('fitEscaped', () => {
  it('GIVEN text that grows when escaped THEN the escaped result fits, and no escape is cut in half', () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;');
    const out = fitEscaped('a & b & c & d & e & f & g', 15, escape);
    expect(out.length).toBeLessThanOrEqual(15);
    expect(out).not.toMatch(/&(?!amp;)/);
  });
});

describe('clipRaw', () => {
  it('GIVEN a huge text THEN it is cut long before the cleaning, with a visible mark', () => {
    const out = clipRaw('word '.repeat(10_000), 100);
    expect(out.length).toBeLessThan(500);
    expect(out.endsWith(' …')).toBe(true);
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com/a_(b)|c>d', 'http://example.com/a_%28b%29%7Cc%3Ed'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['/relative/path', null],
    ['not a url', null],
    ['', null],
    [null, null],
    ['https://exa\u200Bmple.com/', 'https://example.com/'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('sourceLine and formatDate', () => {
  it.each([
    ['Reuters', '2026-11-29T08:00:00Z', 'Reuters · 2026-11-29'],
    ['Reuters', null, 'Reuters'],
    [null, '2026-11-29', '2026-11-29'],
    [null, null, ''],
  ])('GIVEN %j and %j THEN %j', (source, date, expected) => {
    expect(sourceLine(source, date)).toBe(expected);
  });

  it('GIVEN a date that is not ISO THEN it is kept, cleaned and short', () => {
    expect(formatDate('Mon, 30 Nov 2026')).toBe('Mon, 30 Nov 2026');
  });
});

describe('trimQuote', () => {
  it.each([
    ['ready for it,', 'ready for it'],
    ['as follows: ', 'as follows'],
    ['We will win.', 'We will win.'],
    ['Is it over?', 'Is it over?'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(trimQuote(input)).toBe(expected);
  });
});

describe('sanitizeText and other invisible format characters', () => {
  it.each([
    ['word joiner and invisible times', 'a\u2060b\u2062c', 'abc'],
    ['Arabic letter mark', 'x\u061Cy', 'xy'],
    ['soft hyphen', 'co\u00ADoperate', 'cooperate'],
    ['tag characters', 'flag\u{E0067}\u{E0062}\u{E007F}', 'flag'],
    ['accents and emoji presentation kept', 'Zelenskyy e\u0301 ❤\uFE0F', 'Zelenskyy e\u0301 ❤\uFE0F'],
  ])('GIVEN %s THEN %j', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});
