import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../../src/core/errors.ts';
import { decodeDocument, parseDocument } from '../../../src/core/parse/index.ts';

const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
};

function errorOf(fn: () => unknown): BriefingError {
  try { fn(); } catch (e) { if (e instanceof BriefingError) return e; throw e; }
  throw new Error('expected a BriefingError');
}

describe('decodeDocument: bad input', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'empty file'],
    ['a file of blank lines and spaces', bytes(' \n\n\t \r\n'), 'empty file'],
    ['a PNG image', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'binary file, not an article'],
    ['text with a NUL byte far from the start', bytes('a'.repeat(20000), [0], 'b'), 'binary file, not an article'],
    ['control characters without NUL bytes', bytes(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'binary file, not an article'],
    ['Latin-1 text (invalid UTF-8)', bytes('Caf', [0xe9], ' au lait, ', [0xa3], '5'), 'not valid UTF-8 text'],
    ['a truncated UTF-8 sequence', bytes('Price: ', [0xe2, 0x82]), 'not valid UTF-8 text'],
  ])('GIVEN %s THEN BriefingError bad_input "%s"', (_what, input, message) => {
    const err = errorOf(() => decodeDocument(input, 'story.txt'));
    expect(err.code).toBe('bad_input');
    expect(err.message).toBe(message);
    expect(err.context['file']).toBe('story.txt');
  });

  it('GIVEN invalid UTF-8 THEN the log context has the offset of the first bad byte', () => {
    expect(errorOf(() => decodeDocument(bytes('Caf', [0xe9]), 'x')).context['offset']).toBe(3);
  });
});

describe('decodeDocument: text', () => {
  it.each([
    ['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'Héadline\n\nBody — “quoted”.'), 'Héadline\n\nBody — “quoted”.'],
    ['UTF-16LE with a BOM', Uint8Array.from([0xff, 0xfe, 0x48, 0, 0x69, 0]), 'Hi'],
    ['UTF-8 with tabs, CRLF and form feeds', bytes('A\tb\r\nc\f'), 'A\tb\r\nc\f'],
  ])('GIVEN %s THEN it decodes to the text', (_what, input, text) => {
    expect(decodeDocument(input, null)).toBe(text);
  });

  it('GIVEN a declared legacy charset THEN the bytes are decoded with it', () => {
    expect(decodeDocument(bytes('Caf', [0xe9]), null, { charset: 'iso-8859-1' })).toBe('Café');
  });

  it('GIVEN content that is only whitespace THEN parseDocument refuses it as an empty file', () => {
    expect(errorOf(() => parseDocument({ content: '\uFEFF  \n', file: 'e.txt', url: null })).message).toBe('empty file');
  });
});
