import { describe, expect, it } from 'vitest';
import { quoteRoles, quoteSpans } from '../../src/core/sentences/index.ts';
import { splitSentences } from '../../src/core/sentences/index.ts';

describe('quoteSpans', () => {
  it.each([
    ['straight double quotes', 'He said "we will win," and left.', ['"we will win,"'], [true]],
    ['curly double quotes', 'She called it “a new era” on Tuesday.', ['“a new era”'], [true]],
    ['curly single quotes with apostrophes inside', '‘I’d be over the moon,’ said Locke.', ['‘I’d be over the moon,’'], [true]],
    ['straight single quotes next to a possessive', "Xi's 'new era' is here, Jones' car said.", ["'new era'"], [true]],
    ['a quotation left open', '‘I had a taste of it and enjoyed it.', ['‘I had a taste of it and enjoyed it.'], [false]],
    ['no quotation, only apostrophes', "Russia's and China's leaders didn't meet.", [], []],
  ])('GIVEN %s THEN the quotations are found', (_name, text, quoted, closed) => {
    const spans = quoteSpans(text);
    expect(spans.map((q) => text.slice(q.start, q.end))).toEqual(quoted);
    expect(spans.map((q) => q.closed)).toEqual(closed);
  });
});

describe('quoteRoles', () => {
  const roles = (body: string): string[] => quoteRoles(splitSentences(body));

  it('GIVEN a quotation over three sentences THEN they open, continue and close it', () => {
    expect(roles('The mayor spoke.\n\n‘We want trees.\n\nIt will take time.\n\nBut it is right,’ she said.\n\nResidents agreed.')).toEqual([
      'none', 'opens', 'inside', 'closes', 'none',
    ]);
  });

  it('GIVEN a quotation continued in a new paragraph that re-opens it THEN that paragraph closes it', () => {
    expect(roles('‘We will go on.\n\n‘We will not stop.’\n\nThe rally ended.')).toEqual(['opens', 'closes', 'none']);
  });

  it('GIVEN whole quotations only THEN no sentence is part of a longer one', () => {
    expect(roles('"We won," he said. "It was hard." The team left.')).toEqual(['none', 'none', 'none']);
  });

  it('GIVEN a stray opening mark THEN it does not swallow the rest of a long article', () => {
    const body = ['‘A stray mark opens here.', ...Array.from({ length: 30 }, (_, i) => `Plain sentence number ${i}.`)].join('\n\n');
    const r = roles(body);
    expect(r.slice(-10).every((x) => x === 'none')).toBe(true);
  });
});
