import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.ts';
import { parseText } from '../../../src/core/parse/text.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedText = readFileSync(`${root}seeds/000_cbdc01228e1c176c.txt`, 'utf8');
const fixture = (name: string) => readFileSync(`${root}tests/fixtures/parse/${name}`, 'utf8');
const parse = (content: string) => parseText(content, { file: 'x.txt', url: null });
const blocksOf = (a: Article, kind: string) => a.blocks.filter((b) => b.kind === kind).map((b) => a.body.slice(b.start, b.end));

describe('parseText: the seed article', () => {
  const a = parse(seedText);

  it('GIVEN the seed THEN its date line becomes the published date and is not in the body', () => {
    expect(a.published).toBe('2023-03-22');
    expect(a.body).not.toContain('24m ago');
  });

  it('GIVEN the seed THEN the headline is its title line', () => {
    expect(a.headline).toBe("'New era of ties': Putin and Xi put on united front against West after talks");
  });

  it('GIVEN the seed THEN the three bullets are key points, trimmed, and not part of the body', () => {
    expect(a.bullets).toEqual([
      'Chinese President Xi Jinping visited Russia this week and held talks with Vladimir Putin.',
      "China's ties to Russia have been criticised, amid the ongoing war in Ukraine.",
      "The two leaders took aim at the US and expressed concern over NATO's growing presence in Asia.",
    ]);
    expect(a.body).not.toContain('•');
    expect(a.body.startsWith('The leaders of China and Russia hailed a "new era"')).toBe(true);
  });

  it('GIVEN the seed THEN its three sub-headings are heading blocks', () => {
    expect(blocksOf(a, 'heading')).toEqual(["'Unlimited possibilities'", "US 'undermining' global security", 'Japan PM in Kyiv']);
  });

  it('GIVEN the seed THEN the two unquoted speech paragraphs are block quotes, their intros stay paragraphs', () => {
    const quotes = blocksOf(a, 'blockquote');
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toMatch(/^We offered China to become a partner .* We are waiting for your answer\.$/);
    expect(quotes[1]).toMatch(/^I also heard a very concrete willingness of Japan .* against Russian terror\.$/);
    expect(blocksOf(a, 'paragraph')).toContain('Zelensky told a press conference:');
    expect(blocksOf(a, 'paragraph')).toContain('He said:');
    expect(blocksOf(a, 'paragraph').some((p) => p.startsWith('The United States, however, said'))).toBe(true);
  });

  it('GIVEN the seed THEN every body paragraph is byte-identical to its line in the file', () => {
    const lines = seedText.split('\n').map((l) => l.trim());
    for (const b of a.blocks) expect(lines).toContain(a.body.slice(b.start, b.end));
  });

  it('GIVEN the seed with CRLF line endings, a BOM and non-breaking spaces THEN the article is the same', () => {
    const windows = `\uFEFF${seedText.replace(/\n/g, '\r\n')}`;
    const b = parse(windows);
    expect(b).toEqual(a);
  });
});

describe('parseText: structure', () => {
  it('GIVEN a seed-like article with •, - and * bullets and a whitespace-only line THEN all parts are found', () => {
    const a = parse(fixture('article.txt'));
    expect(a.published).toBe('2024-06-03');
    expect(a.headline).toBe('Storm forces closure of island ferry routes');
    expect(a.bullets).toHaveLength(3);
    expect(blocksOf(a, 'heading')).toEqual(['Power lines at risk', 'Road closures']);
    expect(blocksOf(a, 'blockquote')).toEqual(['The waves at the harbour mouth are already four metres high. We expect them to double before midnight.']);
    expect(blocksOf(a, 'paragraph')[0]).toMatch(/^All ferry routes/);
  });

  it('GIVEN a body-only file THEN the headline is null and the first sentence opens the body', () => {
    const a = parse(fixture('body-only.txt'));
    expect(a.headline).toBeNull();
    expect(a.bullets).toEqual([]);
    expect(a.body.startsWith('A teenager who swam across the bay')).toBe(true);
    expect(a.blocks).toHaveLength(4);
  });

  it.each([
    ['a short title without a full stop', 'Ferry routes closed by storm', 'Ferry routes closed by storm'],
    ['a title-cased title ending with a full stop', 'Poll: Wealthy Voters Abandon Party for Rival Candidate.', 'Poll: Wealthy Voters Abandon Party for Rival Candidate.'],
    ['a short sentence-case title ending with a full stop', 'Mayor calls for new harbour plan.', 'Mayor calls for new harbour plan.'],
    ['a title ending with a dangling ";"', 'Candidates vie for support; ', 'Candidates vie for support;'],
    ['a question as title', 'Will the bridge ever be built?', 'Will the bridge ever be built?'],
    ['a long lead sentence', 'The mayor of the harbour town said on Monday that the long-delayed bridge over the river would finally be built next year, after a decade of debate.', null],
    ['a short sentence opening with a pronoun', "It's amazing what a bit of paint can do.", null],
    ['a line introducing a quote', 'The mayor said:', null],
  ])('GIVEN %s as first line THEN the headline is %j', (_name, first, expected) => {
    const a = parse(`${first}\n\nThe council met on Monday to discuss the plan for the new bridge.\n\nIt will cost two million.\n`);
    expect(a.headline).toBe(expected);
    if (expected === null) expect(a.body.startsWith(first.trim())).toBe(true);
  });

  it('GIVEN a file with one paragraph per line and no blank lines THEN each line is a paragraph', () => {
    const a = parse('Title of the story\n\nFirst paragraph of the story, a full sentence.\nSecond paragraph, also a sentence.\n"A quote," she said.\n');
    expect(a.headline).toBe('Title of the story');
    expect(a.blocks.map((b) => a.body.slice(b.start, b.end))).toEqual([
      'First paragraph of the story, a full sentence.', 'Second paragraph, also a sentence.', '"A quote," she said.',
    ]);
  });

  it('GIVEN a hard-wrapped file THEN the wrapped lines are joined into paragraphs', () => {
    const text = [
      'Harbour plan approved', '',
      'The council approved the new harbour plan on Monday after a long',
      'debate that lasted until late in the evening, officials said on',
      'Tuesday morning.', '',
      'Work on the new quay will begin in the spring and should be done',
      'within two years, according to the plan that was published today.', '',
    ].join('\n');
    const a = parse(text);
    expect(a.blocks).toHaveLength(2);
    expect(a.body.split('\n\n')[0]).toBe('The council approved the new harbour plan on Monday after a long debate that lasted until late in the evening, officials said on Tuesday morning.');
  });

  it('GIVEN short lines of a table between paragraphs THEN they are not mistaken for sub-headings', () => {
    const a = parse('Cup draw announced\n\nThe draw for the next round was made on Sunday.\n\nNorth v South\n\nEast v West\n\nMatches will be played next weekend.\n');
    expect(blocksOf(a, 'heading')).toEqual([]);
  });

  it('GIVEN an unquoted paragraph after a line ending with ":" that is not about speech THEN it is no block quote', () => {
    const a = parse('Ferry timetable\n\nThe new timetable has three changes:\n\nThe first boat leaves at six instead of seven.\n');
    expect(blocksOf(a, 'blockquote')).toEqual([]);
  });

  it('GIVEN a quoted paragraph after "He said:" THEN it stays a paragraph (the quote extractor finds it)', () => {
    const a = parse('Mayor speaks\n\nThe mayor spoke to the press on Monday.\n\nHe said:\n\n"We will build it."\n');
    expect(blocksOf(a, 'blockquote')).toEqual([]);
  });

  it('GIVEN a file with nothing but a date line THEN a bad_input BriefingError says it has no article text', () => {
    expect(() => parse('date 2024-01-02 5m ago\n\n')).toThrow('This file has no article text');
  });

  it('GIVEN an impossible date in the date line THEN published is null and the rest still parses', () => {
    const a = parse('date 2023-02-30 now\n\nHeadline here\n\nBody text of the story.\n');
    expect(a.published).toBeNull();
    expect(a.headline).toBe('Headline here');
  });
});

describe('parseText: invariants (property-based)', () => {
  const line = fc.oneof(
    fc.constantFrom('', ' ', '\u00A0', '• bullet point.', '- item', 'Short heading', 'He said:', '"Quoted words," she said.', 'date 2024-01-02 1h ago'),
    fc.string({ maxLength: 60 }),
  );
  it('GIVEN any text THEN blocks tile the body in order, separated by exactly one blank line', () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      let a: Article;
      try {
        a = parse(lines.join(eol));
      } catch (e) {
        // Only a document without any text may be refused.
        expect((e as Error).message).toBe('This file has no article text');
        expect(lines.filter((l) => l.trim() && !/^date \d{4}-\d{2}-\d{2}/.test(l.trim()))).toEqual([]);
        return;
      }
      let pos = 0;
      a.blocks.forEach((b, i) => {
        expect(b.start).toBe(i === 0 ? 0 : pos + 2);
        if (i > 0) expect(a.body.slice(pos, b.start)).toBe('\n\n');
        const text = a.body.slice(b.start, b.end);
        expect(text.length).toBeGreaterThan(0);
        expect(text).toBe(text.trim());
        pos = b.end;
      });
      expect(pos).toBe(a.body.length);
    }), { numRuns: 300 });
  });
});
