import { describe, expect, it } from 'vitest';
import { escapeSlack, slackLine, slackLink, slackPlain, slackText } from '../../../src/adapters/slack/escape.ts';

describe('Slack escaping', () => {
  it.each([
    ['<!channel> wake up', '&lt;!channel&gt; wake up'],
    ['<!here> <!everyone>', '&lt;!here&gt; &lt;!everyone&gt;'],
    ['<@U024BE7LH>', '&lt;@U024BE7LH&gt;'],
    ['<#C024BE7LR|general>', '&lt;#C024BE7LR|general&gt;'],
    ['<!subteam^S123>', '&lt;!subteam^S123&gt;'],
    ['<https://evil.example|bank>', '&lt;https://evil.example|bank&gt;'],
    ['AT&T &amp; co', 'AT&amp;T &amp;amp; co'],
    ['@channel and @here', '@\u200Bchannel and @\u200Bhere'],
    ['a@example.com', 'a@example.com'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(escapeSlack(input)).toBe(expected);
  });

  it('GIVEN hidden characters THEN they are removed; a line collapses newlines', () => {
    expect(slackText('a\u202Eb\n\u0007c')).toBe('ab\nc');
    expect(slackLine('a\nb')).toBe('a b');
  });

  it('GIVEN a URL THEN a link token with & escaped; without one, just the label', () => {
    expect(slackLink('https://x.example/?a=1&b=2', 'Title')).toBe('<https://x.example/?a=1&amp;b=2|Title>');
    expect(slackLink(null, 'Title')).toBe('Title');
  });
});

describe('slackPlain (header text, not parsed by Slack)', () => {
  it.each([
    ['AT&T <b> rises', 'AT&T <b> rises'],
    ['<!channel> now', '<\u200B!channel> now'],
    ['<@U1> and <#C1>', '<\u200B@U1> and <\u200B#C1>'],
    ['@here\nnext', '@\u200Bhere next'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(slackPlain(input)).toBe(expected);
  });
});
