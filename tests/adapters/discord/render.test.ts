import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../../src/adapters/discord/render.ts';
import { errorToMessage } from '../../../src/app/error-reply.ts';
import { helpMessage } from '../../../src/app/help.ts';
import { BriefingError } from '../../../src/core/errors.ts';
import type { Message, QuoteItem, StoryItem } from '../../../src/core/message.ts';
import { discordViolations } from '../property/limits.ts';

const story = (n: number, extra: Partial<StoryItem> = {}): StoryItem => ({
  type: 'story',
  articleId: n,
  headline: `Story ${n}: talks resume in Geneva`,
  url: `https://news.example/${n}`,
  keyPoints: ['Delegations met for six hours.', 'A second round is planned.'],
  quote: { text: 'We are ready to talk.', speaker: 'Vladimir Putin' },
  source: 'Example News',
  date: '2026-11-29T08:00:00Z',
  ...extra,
});

const quote: QuoteItem = {
  type: 'quote',
  text: 'Peace is possible.',
  speaker: 'Vladimir Putin',
  kind: 'direct',
  articleId: 1,
  headline: 'Putin speaks on peace',
  url: 'https://news.example/1',
  source: 'Example News',
  date: '2026-11-29',
};

describe('renderDiscord', () => {
  it('GIVEN one story THEN one embed: linked headline, bullet key points, the quote with its speaker, source and date in the footer', () => {
    const payloads = renderDiscord({ visibility: 'public', title: "Today's briefing", items: [story(1)] });
    expect(payloads).toEqual([
      {
        content: "**Today's briefing**",
        embeds: [
          {
            title: 'Story 1: talks resume in Geneva',
            url: 'https://news.example/1',
            description: '• Delegations met for six hours.\n• A second round is planned.\n\n> “We are ready to talk.”\n> — **Vladimir Putin**',
            footer: { text: 'Example News · 2026-11-29' },
          },
        ],
        allowed_mentions: { parse: [] },
      },
    ]);
  });

  it('GIVEN a quote THEN the speaker as author, the quote as description, the headline linked', () => {
    const [p] = renderDiscord({ visibility: 'public', items: [quote] });
    expect(p?.embeds?.[0]).toEqual({
      author: { name: 'Vladimir Putin' },
      description: '“Peace is possible.”',
      title: 'Putin speaks on peace',
      url: 'https://news.example/1',
      footer: { text: 'Example News · 2026-11-29' },
    });
  });

  it('GIVEN an ephemeral reply THEN flags 64 on every payload', () => {
    const payloads = renderDiscord({ visibility: 'ephemeral', items: Array.from({ length: 25 }, (_, i) => story(i)) });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(p.flags).toBe(64);
  });

  it('GIVEN a user mistake THEN the notice and its hint as ephemeral content', () => {
    const m = errorToMessage(new BriefingError('bad_option', 'count: must be between 1 and 10 (got 11).', { hint: '/quote who:<name> [count:<1-10>]' }), { error: () => {} });
    expect(renderDiscord(m)).toEqual([
      { content: '⚠️ count: must be between 1 and 10 (got 11).\n/quote who:<\u200Bname> \\[count:<\u200B1-10>\\]', allowed_mentions: { parse: [] }, flags: 64 },
    ]);
  });

  it('GIVEN an internal error THEN the correlation id is shown', () => {
    const m = errorToMessage(new Error('boom'), { error: () => {} }, () => 'c0ffee12');
    expect(renderDiscord(m)[0]?.content).toContain('c0ffee12');
  });

  it('GIVEN 30 stories and 5 more THEN at most 3 messages, each within limits, and the rest counted in "…and N more"', () => {
    const items = Array.from({ length: 30 }, (_, i) => story(i, { keyPoints: ['A long key point. '.repeat(18), 'Another one. '.repeat(25)] }));
    const payloads = renderDiscord({ visibility: 'public', title: 'Digest', items, more: 5 });
    expect(payloads.length).toBeLessThanOrEqual(3);
    for (const p of payloads) expect(discordViolations(p, false)).toEqual([]);
    const shown = payloads.flatMap((p) => p.embeds ?? []).length;
    expect(shown).toBeLessThan(30);
    expect(payloads.at(-1)?.content).toBe(`…and ${30 - shown + 5} more`);
    expect(payloads[0]?.content).toBe('**Digest**');
  });

  it('GIVEN a javascript: or relative URL THEN no link', () => {
    const [p] = renderDiscord({ visibility: 'public', items: [story(1, { url: 'javascript:alert(1)' }), story(2, { url: '/relative' })] });
    expect(p?.embeds?.map((e) => e.url)).toEqual([undefined, undefined]);
  });

  it('GIVEN an empty message THEN a short content, never an empty payload', () => {
    expect(renderDiscord({ visibility: 'public', items: [] })).toEqual([{ content: 'Nothing to show.', allowed_mentions: { parse: [] } }]);
  });

  it('GIVEN the /help reply THEN one embed with a field per command', () => {
    const [p] = renderDiscord(helpMessage());
    expect(p?.embeds?.[0]?.fields?.map((f) => f.name.split(' ')[0])).toEqual(['/brief', '/quote', '/digest', '/sources', '/help']);
    expect(p?.flags).toBe(64);
    expect(discordViolations(p!, true)).toEqual([]);
  });

  it('GIVEN a footer line THEN it closes the last message as subtext', () => {
    const payloads = renderDiscord({ visibility: 'public', items: [story(1)], footer: 'Late digest: delivered after the bot restarted' });
    expect(payloads.at(-1)?.content).toBe('-# Late digest: delivered after the bot restarted');
  });
});

describe('renderDiscord of a long story', () => {
  it('GIVEN a 300-character headline and 20 key points THEN the title is shortened with "…" and at most 6 key points are shown', () => {
    const m: Message = { visibility: 'public', items: [story(1, { headline: 'Word '.repeat(60), keyPoints: Array.from({ length: 20 }, (_, i) => `Point ${i}.`) })] };
    const embed = renderDiscord(m)[0]?.embeds?.[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(embed?.description?.match(/^• /gm)).toHaveLength(6);
  });
});
