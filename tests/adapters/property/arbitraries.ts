// fast-check arbitraries for random and hostile replies: random unicode, mention tokens, markdown,
// control and bidi characters, lone surrogates, very long quotations, up to 30 items.
import fc from 'fast-check';
import type { Item, Message, Paging, QuoteItem, Section, StoryItem } from '../../../src/core/message.ts';

export const HOSTILE_TOKENS = [
  '@everyone', '@here', '@Everyone', '<@123>', '<@!123>', '<@&456>', '<#789>', '</brief:123>', '<t:1700000000:R>', '<:smile:1>', '<a:x:2>',
  '<!channel>', '<!here>', '<!everyone>', '<@U024BE7LH>', '<#C024BE7LR|general>', '<!subteam^S123>', '<!date^1392734382^x|y>',
  '[click](https://example.com)', '[x](javascript:alert(1))', '<https://evil.example|safe>', '**bold**', '__u__', '~~s~~', '||spoiler||',
  '`code`', '```block```', '# heading', '-# sub', '> quote', '- item', '1. item', '\\', '&', '&amp;', '<', '>', '|', '*', '_', ')', '(',
  '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '\u001B[31m', '\u0007', '\r\n', '\n', '\t', '\uD800', '\uDC00', '😀', '👩‍👩‍👧', 'é', 'Ω',
  ' ', 'word', 'Putin', 'said.', 'https://example.com/a_(b)|c>',
];

const token = fc.constantFrom(...HOSTILE_TOKENS);

/** Short hostile text: random unicode, or a soup of mention/markdown/control tokens. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(token, { maxLength: 25 }).map((t) => t.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(token, fc.string({ unit: 'grapheme-composite', maxLength: 8 })), { maxLength: 40 }).map((t) => t.join(' ')) },
);

/** Occasionally very long text (up to 10,000 characters, with and without spaces). */
export const longText: fc.Arbitrary<string> = fc.oneof(
  { weight: 15, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.array(token, { minLength: 1, maxLength: 6 }), fc.integer({ min: 300, max: 10_000 }), fc.boolean()).map(([parts, length, spaced]) => {
      const unit = parts.join(spaced ? ' ' : '');
      return unit.repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length);
    }),
  },
);

export const url: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('javascript:alert(1)', 'https://x.example/a)b|c>d<e', 'http://e.example/<@123>', 'data:text/html,hi', '//no-scheme.example', 'https://exa mple.com'),
  hostileText,
);

const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null });
const date = fc.oneof(fc.constant(null), fc.constant('2026-11-29'), fc.constant('2026-11-29T08:00:00Z'), hostileText);

/** Other outlets: hostile names and links, up to 12 (more than are named). */
const reportedBy = fc.array(fc.record({ source: nullable(longText), url }), { maxLength: 12 });

export const storyItem: fc.Arbitrary<StoryItem> = fc.record({
  type: fc.constant('story' as const),
  articleId: nullable(fc.nat()),
  headline: longText,
  url,
  keyPoints: fc.array(longText, { maxLength: 8 }),
  quote: nullable(fc.record({ text: longText, speaker: nullable(longText) })),
  source: nullable(longText),
  date,
  alsoReportedBy: reportedBy,
  updated: fc.boolean(),
}, { requiredKeys: ['type', 'articleId', 'headline', 'url', 'keyPoints', 'quote', 'source', 'date'] });

export const quoteItem: fc.Arbitrary<QuoteItem> = fc.record({
  type: fc.constant('quote' as const),
  text: longText,
  speaker: longText,
  kind: fc.constantFrom('direct' as const, 'partial' as const, 'block' as const),
  articleId: nullable(fc.nat()),
  headline: longText,
  url,
  source: nullable(longText),
  date,
  alsoReportedBy: reportedBy,
}, { requiredKeys: ['type', 'text', 'speaker', 'kind', 'articleId', 'headline', 'url', 'source', 'date'] });

export const item: fc.Arbitrary<Item> = fc.oneof(storyItem, quoteItem);

const section: fc.Arbitrary<Section> = fc.record({ heading: longText, lines: fc.array(longText, { maxLength: 6 }) });

/** A next page whose values come from users: hostile, long, or a plain word. */
const randomNextPage = fc.record({
  command: fc.constantFrom('brief', 'quote', 'digest', 'nope'),
  options: fc.record(
    {
      topic: fc.oneof(hostileText, fc.constantFrom('oil', 'interest rates', 'x'.repeat(90))),
      who: fc.oneof(hostileText, fc.constant('Putin')),
      count: fc.integer({ min: -2, max: 12 }),
      page: fc.oneof(fc.integer({ min: 2, max: 10 }), fc.integer()),
    },
    { requiredKeys: ['page'] },
  ),
});
/** Next pages that parse: a button on Slack; on Discord too unless the custom_id would pass 100. */
const validNextPage = fc.record({
  command: fc.constant('brief'),
  options: fc.record({ topic: fc.oneof(hostileText, fc.constantFrom('oil', 'x'.repeat(95))), page: fc.integer({ min: 2, max: 99 }) }, { requiredKeys: ['page'] }),
});
const nextPage = fc.oneof(randomNextPage, validNextPage);

/** Paging as the use cases make it, and nonsense (NaN, negatives, a page past the pages). */
export const paging: fc.Arbitrary<Paging> = fc.record({
  page: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, -1, Number.NaN, 1.5)),
  pages: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(Number.NaN)),
  exact: fc.boolean(),
  next: fc.option(nextPage, { nil: null }),
});

export const message: fc.Arbitrary<Message> = fc.record(
  {
    visibility: fc.constantFrom('public' as const, 'ephemeral' as const),
    title: nullable(longText),
    intro: nullable(longText),
    items: fc.array(item, { maxLength: 30 }),
    sections: fc.array(section, { maxLength: 4 }),
    more: fc.nat({ max: 500 }),
    paging: nullable(paging),
    notice: nullable(
      fc.record({
        tone: fc.constantFrom('info' as const, 'success' as const, 'warning' as const, 'error' as const),
        text: longText,
        hint: nullable(longText),
        correlationId: nullable(hostileText),
      }),
    ),
    footer: nullable(longText),
    shareable: fc.boolean(),
  },
  { requiredKeys: ['visibility', 'items'] },
);
