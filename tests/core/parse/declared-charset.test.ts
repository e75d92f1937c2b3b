import { describe, expect, it } from 'vitest';
import { declaredCharset } from '../../../src/core/parse/declared-charset.ts';
import { decodeDocument } from '../../../src/core/parse/decode.ts';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('declaredCharset', () => {
  it.each([
    ['<meta charset="windows-1252">', 'windows-1252'],
    ["<META CHARSET='ISO-8859-1' />", 'iso-8859-1'],
    ['<meta charset=koi8-r>', 'koi8-r'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">', 'iso-8859-2'],
    ['<meta content="text/html;charset=shift_jis" http-equiv="content-type">', 'shift_jis'],
    ['<?xml version="1.0" encoding="ISO-8859-1"?><rss/>', 'iso-8859-1'],
    ['<meta name="viewport" content="width=device-width">', null],
    ['<meta charset="utf-16">', null],
    ['<p>no meta at all</p>', null],
  ])('GIVEN %s THEN %s', (head, want) => {
    expect(declaredCharset(latin1(`<!DOCTYPE html><html><head>${head}</head><body></body></html>`.replace('<!DOCTYPE html><html><head><?xml', '<?xml')))).toBe(want);
  });

  it('GIVEN the declaration after the first 1024 bytes THEN it is not looked for', () => {
    expect(declaredCharset(latin1(`<html><head><!--${' '.repeat(1100)}--><meta charset="iso-8859-1">`))).toBeNull();
  });
});

describe('decodeDocument with a declared charset', () => {
  const page = (meta: string, body: string) => `<html><head>${meta}<title>Caf\u00e9</title></head><body><p>${body}</p></body></html>`;

  it('GIVEN windows-1252 bytes with <meta charset> and no HTTP charset THEN the text is right', () => {
    const bytes = latin1(page('<meta charset="windows-1252">', 'Caf\u00e9 \u00e0 la cr\u00e8me, 20 \u0080'));
    expect(decodeDocument(bytes, null)).toContain('Caf\u00e9 \u00e0 la cr\u00e8me, 20 \u20ac');
  });

  it('GIVEN windows-1252 curly quotes (0x93 0x94) declared as iso-8859-1 THEN they are curly quotes, as browsers read them', () => {
    const bytes = latin1(page('<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">', '\u0093We will build it,\u0094 the mayor said \u0096 twice.'));
    expect(decodeDocument(bytes, null)).toContain('\u201cWe will build it,\u201d the mayor said \u2013 twice.');
  });

  it('GIVEN an RSS feed in ISO-8859-1 declared by <?xml encoding?> THEN the text is right', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>M\u00fcnchen</title></channel></rss>');
    expect(decodeDocument(bytes, null)).toContain('M\u00fcnchen');
  });

  it('GIVEN the HTTP charset THEN it wins over the meta', () => {
    const bytes = latin1(page('<meta charset="koi8-r">', 'caf\u00e9'));
    expect(decodeDocument(bytes, null, { charset: 'iso-8859-1' })).toContain('caf\u00e9');
  });

  it('GIVEN valid UTF-8 that declares a legacy charset THEN it stays UTF-8 (a mislabelled page is not turned into mojibake)', () => {
    expect(decodeDocument(utf8(page('<meta charset="iso-8859-1">', 'caf\u00e9')), null)).toContain('caf\u00e9');
  });

  it('GIVEN bytes that are not UTF-8 and declare nothing THEN still "not valid UTF-8 text"', () => {
    expect(() => decodeDocument(latin1(page('', 'caf\u00e9')), 'x.html')).toThrow('not valid UTF-8 text');
  });
});
