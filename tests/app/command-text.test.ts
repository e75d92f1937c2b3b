import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parseCommandText } from '../../src/app/command-text.ts';
import { BriefingError } from '../../src/core/errors.ts';

function failure(line: string): BriefingError {
  try {
    parseCommandText(line);
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error(`expected "${line}" to fail`);
}

describe('parseCommandText: accepted lines', () => {
  it.each([
    ['/quote who:"Vladimir Putin" about:peace count:3', 'quote', null, { who: 'Vladimir Putin', about: 'peace', count: 3 }],
    ['/quote who:“Vladimir Putin” about:peace', 'quote', null, { who: 'Vladimir Putin', about: 'peace' }],
    ['/quote who:„Wladimir Putin“', 'quote', null, { who: 'Wladimir Putin' }],
    ["/quote who:'Vladimir Putin'", 'quote', null, { who: 'Vladimir Putin' }],
    ['/quote Putin', 'quote', null, { who: 'Putin' }],
    ['/quote Vladimir Putin', 'quote', null, { who: 'Vladimir Putin' }],
    ['/quote "Vladimir Putin" count:2', 'quote', null, { who: 'Vladimir Putin', count: 2 }],
    ["/quote O'Brien", 'quote', null, { who: "O'Brien" }],
    ['quote who:Putin', 'quote', null, { who: 'Putin' }],
    ['  /QUOTE   WHO:Putin   Count:2  ', 'quote', null, { who: 'Putin', count: 2 }],
    ['/quote who:Vladimir Putin about:peace talks', 'quote', null, { who: 'Vladimir Putin', about: 'peace talks' }],
    ['/quote who: Putin', 'quote', null, { who: 'Putin' }],
    ['/brief', 'brief', null, {}],
    ['/brief topic:ukraine count:3', 'brief', null, { topic: 'ukraine', count: 3 }],
    ['/brief topic:"interest rates" count:3', 'brief', null, { topic: 'interest rates', count: 3 }],
    ['/brief ukraine', 'brief', null, { topic: 'ukraine' }],
    ['/brief topic:https://example.com/x', 'brief', null, { topic: 'https://example.com/x' }],
    ['/digest subscribe time:08:00 timezone:Europe/London', 'digest', 'subscribe', { time: '08:00', timezone: 'Europe/London' }],
    ['/digest subscribe 08:00', 'digest', 'subscribe', { time: '08:00' }],
    ['/digest subscribe time:"0 9 * * 1-5" topic:markets', 'digest', 'subscribe', { time: '0 9 * * 1-5', topic: 'markets' }],
    ['/digest Status', 'digest', 'status', {}],
    ['/digest now', 'digest', 'now', {}],
    ['/digest unsubscribe', 'digest', 'unsubscribe', {}],
    ['/help', 'help', null, {}],
    ['/help quote', 'help', null, { command: 'quote' }],
    ['/help command:DIGEST', 'help', null, { command: 'digest' }],
  ])('GIVEN %s THEN command %s, subcommand %s, options %j', (line, command, subcommand, options) => {
    expect(parseCommandText(line)).toEqual({ command, subcommand, options });
  });
});

describe('parseCommandText: rejected lines', () => {
  it.each([
    ['', 'unknown_command', /Type a command/],
    ['/', 'unknown_command', /Type a command/],
    ['/foo', 'unknown_command', /Unknown command "\/foo"/],
    ['/qoute Putin', 'unknown_command', /Did you mean \/quote\?/],
    ['/quote', 'bad_option', /needs who:/],
    ['/quote who:', 'bad_option', /who: needs a value/],
    ['/quote who:""', 'bad_option', /who: needs a value/],
    ['/quote who:Putin count:0', 'bad_option', /count: must be between 1 and 10/],
    ['/quote who:Putin count:11', 'bad_option', /count: must be between 1 and 10/],
    ['/quote who:Putin count:three', 'bad_option', /count: must be a whole number/],
    ['/quote who:Putin count:2.5', 'bad_option', /count: must be a whole number/],
    ['/quote who:Putin whom:x', 'bad_option', /has no option "whom"/],
    ['/quote wh:Putin', 'bad_option', /did you mean who:/],
    ['/quote Putin who:Putin', 'bad_option', /who: given twice/],
    ['/quote who:Putin WHO:Medvedev', 'bad_option', /who: given twice/],
    ['/brief topic:x count:3 count:4', 'bad_option', /count: given twice/],
    ['/digest', 'bad_option', /needs one of: subscribe, unsubscribe, status, now/],
    ['/digest weekly', 'bad_option', /no subcommand "weekly"/],
    ['/digest status loud', 'bad_option', /takes no options/],
    ['/digest time:08:00', 'bad_option', /needs one of/],
    ['/help weather', 'bad_option', /command: must be one of brief, quote, digest/],
  ])('GIVEN %j THEN BriefingError %s with a plain message', (line, code, message) => {
    const e = failure(line);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.hint).toBeTruthy();
  });

  it('GIVEN a bad option THEN the hint is the usage line', () => {
    expect(failure('/quote who:Putin count:11').hint).toBe('/quote who:<name> [about:<words>] [count:<1-10>] [kind:<default|all>] [page:<n>]');
    expect(failure('/digest subscribe time:08:00 colour:red').hint).toBe('/digest subscribe [time:<HH:MM>] [timezone:<Area/City>] [topic:<words>]');
  });

  it('GIVEN who: of 10,000 characters THEN a short error that does not echo the value', () => {
    const e = failure(`/quote who:${'a'.repeat(10_000)}`);
    expect(e.code).toBe('bad_option');
    expect(e.message).toBe('who: is too long (10000 characters; at most 100).');
    expect(JSON.stringify(e.context).length).toBeLessThan(300);
  });

  it('GIVEN who: made only of invisible and control characters THEN it counts as empty', () => {
    expect(failure('/quote who:\u200B\u202E\u0007').message).toMatch(/who: needs a value/);
  });
});

describe('parseCommandArgs (Slack sends the command and its text apart)', () => {
  it.each([
    ['/quote', 'who:"Vladimir Putin" count:3', { command: 'quote', subcommand: null, options: { who: 'Vladimir Putin', count: 3 } }],
    ['/quote', 'Putin', { command: 'quote', subcommand: null, options: { who: 'Putin' } }],
    ['/brief', '', { command: 'brief', subcommand: null, options: {} }],
    ['/digest', 'subscribe time:07:30', { command: 'digest', subcommand: 'subscribe', options: { time: '07:30' } }],
  ])('GIVEN %s with text %j THEN %j', (command, text, expected) => {
    expect(parseCommandArgs(command, text)).toEqual(expected);
  });
});

describe('parseCommandText over random input', () => {
  it('GIVEN any line THEN it parses or throws a BriefingError with a short message, never anything else', () => {
    const word = fc.constantFrom('/quote', '/brief', '/digest', 'subscribe', 'who:', 'count:', 'about:', '"', '“', '”', ':', 'Putin', ' ', '12', '-1', 'topic:', '\u200B', '<@1>');
    const line = fc.oneof(fc.string({ maxLength: 80 }), fc.array(word, { maxLength: 12 }).map((w) => w.join('')), fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')));
    fc.assert(
      fc.property(line, (l) => {
        try {
          const inv = parseCommandText(l);
          expect(['brief', 'quote', 'digest', 'sources', 'help']).toContain(inv.command);
        } catch (e) {
          expect(e).toBeInstanceOf(BriefingError);
          expect((e as BriefingError).message.length).toBeLessThan(300);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN any printable name without quote marks THEN who:"name" gives back the name with its spaces collapsed', () => {
    const name = fc.string({ minLength: 1, maxLength: 100, unit: 'grapheme-ascii' }).filter((s) => !/["'\u201c\u201d\u201e]/.test(s) && s.trim().length > 0);
    fc.assert(
      fc.property(name, (n) => {
        expect(parseCommandText(`/quote who:"${n}"`).options.who).toBe(n.trim().replace(/\s+/g, ' '));
      }),
      { numRuns: 300 },
    );
  });
});
