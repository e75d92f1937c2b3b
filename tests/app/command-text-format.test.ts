// formatCommandText writes a validated command back in the text grammar; parsing it again gives
// the same command, whatever the values hold (quotes of every kind, colons, "//", mentions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCommandText, parseCommandText } from '../../src/app/command-text.ts';
import { HOSTILE_TOKENS } from '../adapters/property/arbitraries.ts';

describe('formatCommandText', () => {
  it.each([
    [{ page: 2 }, '/brief page:2'],
    [{ topic: 'interest rates', count: 3, page: 2 }, '/brief topic:"interest rates" count:3 page:2'],
    [{ topic: 'the "best" deal', page: 2 }, '/brief topic:«the "best" deal» page:2'],
    [{ topic: 'a:b', page: 2 }, '/brief topic:a:b page:2'],
    [{ topic: '//x', page: 3 }, '/brief topic:"//x" page:3'],
  ])('GIVEN /brief %j THEN %s', (options, text) => {
    expect(formatCommandText('brief', null, options)).toBe(text);
    expect(parseCommandText(text).options).toEqual(options);
  });

  it('GIVEN a value holding every kind of quotation mark THEN null (no button, rather than another command)', () => {
    expect(formatCommandText('brief', null, { topic: `" ” » ' ’ x`, page: 2 })).toBeNull();
  });

  it('GIVEN any value the grammar accepted THEN the text parses back to the same command', () => {
    const word = fc.oneof(fc.constantFrom(...HOSTILE_TOKENS, 'topic:', 'page:9', 'count:', '"', '“', '»', "'", '//', ':'), fc.string({ maxLength: 8 }));
    const value = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 2, max: 10_000 }), (raw, count, page) => {
        let inv;
        try {
          inv = parseCommandText(`/quote who:${JSON.stringify(raw)} count:${count}`);
        } catch {
          return; // not a value the grammar accepts in the first place
        }
        const options = { ...inv.options, page };
        const text = formatCommandText('quote', null, options);
        const who = String(inv.options.who);
        // only a value that no quotation style can hold has no text
        const unquotable = /["“”]/.test(who) && who.includes('»') && /['’]/.test(who);
        expect(text === null).toBe(unquotable);
        if (text !== null) expect(parseCommandText(text)).toEqual({ command: 'quote', subcommand: null, options });
      }),
      { numRuns: 500 },
    );
  });
});
