import { describe, expect, it } from 'vitest';
import { discordLine, discordPlain, discordText, escapeMarkdown, neutraliseMentions } from '../../../src/adapters/discord/escape.ts';

const ZWSP = '\u200B';

describe('Discord mentions are neutralised', () => {
  it.each([
    ['@everyone look', `@${ZWSP}everyone look`],
    ['hi @here', `hi @${ZWSP}here`],
    ['@Everyone', `@${ZWSP}Everyone`],
    ['<@123>', `<${ZWSP}@123>`],
    ['<@!123>', `<${ZWSP}@!123>`],
    ['<@&456>', `<${ZWSP}@&456>`],
    ['<#789>', `<${ZWSP}#789>`],
    ['</brief:123>', `<${ZWSP}/brief:123>`],
    ['<t:1700000000:R>', `<${ZWSP}t:1700000000:R>`],
    ['a < b', 'a < b'],
    ['mail me: a@example.com', 'mail me: a@example.com'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(neutraliseMentions(input)).toBe(expected);
  });
});

describe('Discord markdown is escaped', () => {
  it.each([
    ['**bold** and _it_', '\\*\\*bold\\*\\* and \\_it\\_'],
    ['~~strike~~ ||spoiler|| `code`', '\\~\\~strike\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`'],
    ['[click](https://example.com)', '\\[click\\](https://example.com)'],
    ['# Heading', '\\# Heading'],
    ['-# subtext', '\\-# subtext'],
    ['> quote', '\\> quote'],
    ['- item\n1. first', '\\- item\n1\\. first'],
    ['a - b # c > d', 'a - b # c > d'],
    ['back\\slash', 'back\\\\slash'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('GIVEN text with bidi overrides and zero-width characters THEN they are removed before escaping', () => {
    expect(discordText('abc\u202Edef\u200B\u2066x\uFEFF')).toBe('abcdefx');
    expect(discordLine('one\n\ntwo')).toBe('one two');
  });

  it('GIVEN a footer (plain text, no markdown) THEN no backslashes are added but mentions are still neutralised', () => {
    expect(discordPlain('Reuters_Wire *live* @everyone')).toBe(`Reuters_Wire *live* @${ZWSP}everyone`);
  });
});
