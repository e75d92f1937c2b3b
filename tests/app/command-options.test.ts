// Options that arrive already structured (Discord interactions) get the same validation as text.
import { describe, expect, it } from 'vitest';
import { normalizeInvocation } from '../../src/app/command-options.ts';
import { parseCommandText } from '../../src/app/command-text.ts';
import { BriefingError } from '../../src/core/errors.ts';

function failure(f: () => unknown): BriefingError {
  try {
    f();
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('expected a BriefingError');
}

describe('normalizeInvocation: accepted', () => {
  it.each([
    ['quote', null, { who: 'Vladimir Putin', count: 3 }, { who: 'Vladimir Putin', count: 3 }],
    ['quote', null, { who: '  Putin  ', about: undefined }, { who: 'Putin' }],
    ['quote', null, { WHO: 'Putin', Count: '2' }, { who: 'Putin', count: 2 }],
    ['brief', null, {}, {}],
    ['brief', null, { topic: 'ukraine', count: 10 }, { topic: 'ukraine', count: 10 }],
    ['digest', 'subscribe', { time: '08:00', timezone: 'Europe/London' }, { time: '08:00', timezone: 'Europe/London' }],
    ['digest', 'now', {}, {}],
    ['help', null, { command: 'Quote' }, { command: 'quote' }],
  ] as const)('GIVEN /%s %s with %j THEN options %j', (command, subcommand, raw, options) => {
    expect(normalizeInvocation(command, subcommand, raw)).toEqual({ command, subcommand, options });
  });
});

describe('normalizeInvocation: rejected', () => {
  it.each([
    ['nope', null, {}, 'unknown_command', /Unknown command/],
    ['quote', null, {}, 'bad_option', /needs who:/],
    ['quote', null, { who: '' }, 'bad_option', /who: needs a value/],
    ['quote', null, { who: 'x'.repeat(10_000) }, 'bad_option', /who: is too long \(10000 characters; at most 100\)/],
    ['quote', null, { who: 'Putin', count: 0 }, 'bad_option', /count: must be between 1 and 10 \(got 0\)/],
    ['quote', null, { who: 'Putin', count: 1.5 }, 'bad_option', /count: must be a whole number/],
    ['quote', null, { who: 'Putin', count: Number.MAX_VALUE }, 'bad_option', /count: must be a whole number/],
    ['quote', null, { who: true }, 'bad_option', /who: needs text/],
    ['quote', null, { who: { nested: true } }, 'bad_option', /who: needs text/],
    ['quote', null, { who: 'Putin', loud: true }, 'bad_option', /has no option "loud"/],
    ['brief', 'now', {}, 'bad_option', /has no subcommand "now"/],
    ['digest', null, {}, 'bad_option', /needs one of/],
    ['digest', 'weekly', {}, 'bad_option', /no subcommand "weekly"/],
    ['digest', 'status', { topic: 'x' }, 'bad_option', /takes no options/],
    ['digest', 'subscribe', { timezone: 'x'.repeat(65) }, 'bad_option', /timezone: is too long/],
    ['help', null, { command: 'weather' }, 'bad_option', /must be one of brief, quote, digest/],
  ] as const)('GIVEN /%s %s with %j THEN %s', (command, subcommand, raw, code, message) => {
    const e = failure(() => normalizeInvocation(command, subcommand, raw));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.hint).toMatch(/^(\/|Commands:)/);
  });
});

describe('one validation for text and structured options', () => {
  it.each([
    ['/quote who:"Vladimir Putin" about:peace count:3', 'quote', null, { who: 'Vladimir Putin', about: 'peace', count: 3 }],
    ['/digest subscribe time:08:00 timezone:Europe/London', 'digest', 'subscribe', { time: '08:00', timezone: 'Europe/London' }],
  ] as const)('GIVEN %s as text and as structured options THEN the same invocation', (line, command, subcommand, raw) => {
    expect(parseCommandText(line)).toEqual(normalizeInvocation(command, subcommand, raw));
  });

  it.each([
    ['/quote who:Putin count:11', 'quote', null, { who: 'Putin', count: 11 }],
    ['/help command:weather', 'help', null, { command: 'weather' }],
  ] as const)('GIVEN the bad %s both ways THEN the same error message and hint', (line, command, subcommand, raw) => {
    const a = failure(() => parseCommandText(line));
    const b = failure(() => normalizeInvocation(command, subcommand, raw));
    expect([a.code, a.message, a.hint]).toEqual([b.code, b.message, b.hint]);
  });
});
