import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/parse/index.ts';
import { extractQuotes } from '../../src/core/quotes/index.ts';
import { articleFromDocument } from './article-from-text.ts';

function extract(name: string) {
  const path = fileURLToPath(new URL(`../fixtures/quotes/${name}`, import.meta.url));
  const article = articleFromDocument(readFileSync(path, 'utf8'), name, (content, file) => parseDocument({ content, file, url: null, contentType: 'text/plain' }));
  return extractQuotes(article);
}

describe('British style (bbc-style.txt)', () => {
  const { quotes, speakers } = extract('bbc-style.txt');

  it.each([
    { start: 'transform journeys', speaker: 'Helen Marsh', kind: 'partial' },
    { start: 'We have waited far too long', speaker: 'Helen Marsh', kind: 'direct' },
    { start: 'The money is there', speaker: 'Helen Marsh', kind: 'direct' },
    { start: 'This is a re-announcement', speaker: 'Owen Pryce', kind: 'direct' },
    { start: 'only a first step', speaker: 'Rail Passengers Association', kind: 'partial' },
    { start: 'Passengers will judge it', speaker: 'Rail Passengers Association', kind: 'direct' },
    { start: 'lost the trust', speaker: 'Owen Pryce', kind: 'partial' },
  ])('GIVEN "$start…" THEN it is $speaker\'s ($kind)', ({ start, speaker, kind }) => {
    const q = quotes.find((x) => x.text.startsWith(start));
    expect(q).toMatchObject({ speaker, kind });
  });

  it('GIVEN a quote re-opened after a finished sentence in one paragraph THEN two separate quotes', () => {
    expect(quotes.find((q) => q.text.startsWith('We have waited'))!.text).toBe('We have waited far too long for this.');
  });

  it('GIVEN the quoted headline THEN it is not reported', () => {
    expect(quotes.some((q) => q.text.includes('Bold plan'))).toBe(false);
  });

  it('GIVEN "Mrs Marsh", "She" and "Transport Secretary Helen Marsh" THEN one speaker with her role; RPA = the association', () => {
    expect(speakers.find((s) => s.name === 'Helen Marsh')).toMatchObject({ role: 'Transport Secretary', kind: 'person', aliases: ['Mrs Marsh'] });
    expect(speakers.find((s) => s.name === 'Rail Passengers Association')?.aliases).toContain('the RPA');
    expect(speakers.map((s) => s.name).sort()).toEqual(['Helen Marsh', 'Owen Pryce', 'Rail Passengers Association']);
  });
});

describe('American style (us-style.txt)', () => {
  const { quotes } = extract('us-style.txt');
  const by = (start: string) => quotes.find((q) => q.text.startsWith(start));

  it.each([
    { start: 'a recipe for another disaster', speaker: 'Laura Whitfield', kind: 'partial' },
    { start: 'We cannot keep asking', speaker: 'Laura Whitfield', kind: 'direct' },
    { start: 'They are exhausted', speaker: 'Laura Whitfield', kind: 'direct' },
    { start: 'Nobody in this room', speaker: 'Laura Whitfield', kind: 'direct' },
    { start: 'We have hired more crews', speaker: 'Daniel Okoro', kind: 'direct' },
    { start: 'on track', speaker: 'Daniel Okoro', kind: 'partial' },
    { start: 'misleading at best', speaker: 'Laura Whitfield', kind: 'partial' },
    { start: 'The review is welcome.', speaker: 'Daniel Okoro', kind: 'block' },
  ])('GIVEN "$start…" THEN it is $speaker\'s ($kind)', ({ start, speaker, kind }) => {
    expect(by(start)).toMatchObject({ speaker, kind });
  });

  it('GIVEN a dateline and a programme title THEN neither becomes a speaker or a quote', () => {
    expect(quotes.some((q) => q.speaker === 'WASHINGTON')).toBe(false);
    expect(quotes.some((q) => q.text.includes('Capitol Report'))).toBe(false);
    expect(quotes).toHaveLength(8);
  });
});
