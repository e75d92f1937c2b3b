import { describe, expect, it } from 'vitest';
import { renderText, wrap } from '../../../src/adapters/console/render.ts';
import { errorToMessage } from '../../../src/app/error-reply.ts';
import { BriefingError } from '../../../src/core/errors.ts';
import type { Message } from '../../../src/core/message.ts';

describe('renderText', () => {
  it('GIVEN stories and a quote THEN readable text: bullets, “quote” — Speaker, source · date, link, "…and N more"', () => {
    const m: Message = {
      visibility: 'public',
      title: "Today's briefing",
      items: [
        {
          type: 'story',
          articleId: 1,
          headline: 'Talks resume in Geneva',
          url: 'https://news.example/1',
          keyPoints: ['Delegations met for six hours.'],
          quote: { text: 'We are ready to talk.', speaker: 'Vladimir Putin' },
          source: 'Example News',
          date: '2026-11-29T08:00:00Z',
        },
        { type: 'quote', text: 'Peace is possible.', speaker: 'Vladimir Putin', kind: 'direct', articleId: 1, headline: 'Putin speaks on peace', url: null, source: null, date: '2026-11-28' },
      ],
      more: 2,
    };
    expect(renderText(m)).toBe(
      [
        "Today's briefing",
        '',
        'Talks resume in Geneva',
        '  • Delegations met for six hours.',
        '  “We are ready to talk.”',
        '    — Vladimir Putin',
        '  Example News · 2026-11-29',
        '  https://news.example/1',
        '',
        '“Peace is possible.”',
        '  — Vladimir Putin',
        '  Putin speaks on peace',
        '  2026-11-28',
        '',
        '…and 2 more',
      ].join('\n'),
    );
  });

  it('GIVEN a user mistake THEN the notice with its hint below', () => {
    const m = errorToMessage(new BriefingError('bad_option', 'count: must be between 1 and 10 (got 11).', { hint: '/quote who:<name> [count:<1-10>]' }), { error: () => {} });
    expect(renderText(m)).toBe('! count: must be between 1 and 10 (got 11).\n  /quote who:<name> [count:<1-10>]');
  });

  it.each([
    [undefined, 100],
    [80, 80],
    [40, 40],
  ])('GIVEN a long key point and width %s THEN it wraps at %i columns under its bullet', (width, columns) => {
    const m: Message = { visibility: 'public', items: [{ type: 'story', articleId: 1, headline: 'H', url: null, keyPoints: ['word '.repeat(60)], quote: null, source: null, date: null }] };
    const lines = renderText(m, width === undefined ? {} : { width }).split('\n');
    expect(lines[1]?.startsWith('  • word')).toBe(true);
    expect(lines[2]?.startsWith('    word')).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(columns);
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThan(columns - 5);
  });

  it('GIVEN width Infinity THEN no wrapping', () => {
    const m: Message = { visibility: 'public', items: [{ type: 'story', articleId: 1, headline: 'H', url: null, keyPoints: ['word '.repeat(60)], quote: null, source: null, date: null }] };
    expect(renderText(m, { width: Infinity }).split('\n')).toHaveLength(2);
  });

  it('GIVEN terminal escape sequences in article text THEN they are removed', () => {
    expect(renderText({ visibility: 'public', title: 'Hi\u001B[2J\u001B]0;pwned\u0007 there', items: [] })).toBe('Hi[2J]0;pwned there');
  });

  it('GIVEN nothing THEN "Nothing to show."', () => {
    expect(renderText({ visibility: 'public', items: [] })).toBe('Nothing to show.');
  });
});

describe('wrap', () => {
  it.each([
    ['short', 20, ['short']],
    ['one two three four five', 10, ['one two', 'three four', 'five']],
    ['abcdefghijklmnopqrstuvwxyz', 10, ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
  ])('GIVEN %j at width %i THEN %j', (text, width, expected) => {
    expect(wrap(text, width)).toEqual(expected);
  });
});
