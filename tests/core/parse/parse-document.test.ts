import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../../src/core/errors.ts';
import { parseDocumentResult } from '../../../src/core/parse/index.ts';

const parse = (content: string, file: string | null = null) => parseDocumentResult({ content, file, url: null });

describe('parseDocument: any input gives articles or a BriefingError, nothing else', () => {
  const fragments = fc.constantFrom(
    '<rss version="2.0"><channel>', '<item><title>', '</title>', '</item>', '</channel></rss>', '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<entry>', '</entry>', '</feed>', '<!DOCTYPE html>', '<html>', '<body>', '<p>', '</p>', '{"version":"https://jsonfeed.org/version/1.1","items":[',
    '{"id":"1","content_text":"x"}', ']}', '&', '&amp;', '<![CDATA[', ']]>', '\n\n', 'date 2024-01-01 ', 'Headline', '• point', 'He said:',
  );
  const documents = fc.oneof(fc.string(), fc.array(fc.oneof(fragments, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((xs) => xs.join('')));

  it('GIVEN random text, markup and broken feeds THEN parsing returns or throws a bad_input BriefingError', () => {
    fc.assert(fc.property(documents, fc.constantFrom(null, 'a.txt', 'a.xml', 'a.json', 'a.html'), (content, file) => {
      try {
        const { articles, failures } = parse(content, file);
        for (const a of articles) {
          for (const b of a.blocks) expect(a.body.slice(b.start, b.end).length).toBeGreaterThan(0);
        }
        for (const f of failures) expect(f.reason.length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(BriefingError);
        expect((e as BriefingError).code).toBe('bad_input');
      }
    }), { numRuns: 400 });
  });
});

describe('parseDocument: pathological input stays linear', () => {
  it.each([
    ['a paragraph with a million spaces inside', `Headline\n\nStart${' '.repeat(1_000_000)}x end.\n\nMore.`],
    ['a hundred thousand closing quotes', `Title\n\nWords ${'”'.repeat(100_000)}x\n\nNext paragraph.`],
    ['one hundred thousand short lines', Array.from({ length: 100_000 }, (_, i) => `Line ${i}`).join('\n')],
  ])('GIVEN %s THEN it parses', (_what, content) => {
    const { articles } = parse(content, 'big.txt');
    expect(articles).toHaveLength(1);
    expect(articles[0]?.body.length).toBeGreaterThan(0);
  });
});
