import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index.ts';
import { articleFromDocument } from './article-from-text.ts';
import { parseDocument } from '../../src/core/parse/index.ts';

const seedPath = fileURLToPath(new URL('../../seeds/000_cbdc01228e1c176c.txt', import.meta.url));
const article = articleFromDocument(readFileSync(seedPath, 'utf8'), '000_cbdc01228e1c176c.txt', (content, file) =>
  parseDocument({ content, file, url: null, contentType: 'text/plain' }),
);
const { quotes, speakers } = extractQuotes(article);
const of = (name: string) => quotes.filter((q) => q.speaker === name);
const find = (words: string) => quotes.find((q) => q.text.includes(words));

describe('seed article: Putin and Xi', () => {
  it('GIVEN the seed THEN Putin has his two full quotes and the continuation, before any partial quote', () => {
    const putin = of('Vladimir Putin');
    const direct = putin.filter((q) => q.kind === 'direct').map((q) => q.text);
    expect(direct).toEqual([
      expect.stringMatching(/^Many of the provisions .* ready for it,?$/),
      'However, so far we have not seen such readiness on their part.',
      expect.stringMatching(/^I am sure that .* prospects,?$/),
    ]);
    const partial = putin.filter((q) => q.kind === 'partial').map((q) => q.text);
    expect(partial).toEqual(expect.arrayContaining(['meaningful and frank', 'special nature', 'prosperity']));
  });

  it('GIVEN the seed THEN Zelensky has two block quotes and his direct quote', () => {
    const z = of('Volodymyr Zelensky');
    expect(z.filter((q) => q.kind === 'block').map((q) => q.text)).toEqual([
      expect.stringMatching(/^We offered China to become a partner .* waiting for your answer\.$/),
      expect.stringMatching(/^I also heard a very concrete willingness of Japan .* Russian terror\.$/),
    ]);
    expect(z.filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual(['Our talks with Mr. Kishida were quite productive,']);
  });

  it.each([
    { words: 'entering a new era', speaker: 'Xi Jinping', kind: 'partial' },
    { words: 'stalling tactic', speaker: 'Washington', kind: 'partial' },
    { words: 'The parties call on the United States', speaker: /Russia and China|China and Russia/, kind: 'direct' },
  ])('GIVEN "$words" THEN it is attributed to $speaker', ({ words, speaker, kind }) => {
    const q = find(words);
    expect(q?.speaker).toMatch(speaker);
    expect(q?.kind).toBe(kind);
  });

  it('GIVEN the seed THEN nothing of the others is attributed to Putin or Zelensky and no quote is unattributed', () => {
    for (const q of of('Vladimir Putin')) expect(q.text).not.toMatch(/new era|stalling|Kishida|parties call/);
    for (const q of of('Volodymyr Zelensky')) expect(q.text).not.toMatch(/provisions|Russian-Chinese|new era/);
    expect(quotes.every((q) => q.speaker !== null)).toBe(true);
    expect(quotes.some((q) => /Unlimited possibilities|New era of ties/.test(q.text))).toBe(false);
  });

  it('GIVEN the seed THEN the speakers are canonical with their aliases', () => {
    const putin = speakers.find((s) => s.name === 'Vladimir Putin');
    expect(putin?.aliases).toContain('Putin');
    expect(speakers.find((s) => s.name === 'Xi Jinping')).toMatchObject({ kind: 'person', aliases: ['Xi'] });
    expect(new Set(speakers.map((s) => s.name)).size).toBe(speakers.length);
  });
});
