import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../../src/adapters/slack/render.ts';
import { errorToMessage } from '../../../src/app/error-reply.ts';
import { helpMessage } from '../../../src/app/help.ts';
import { BriefingError } from '../../../src/core/errors.ts';
import type { QuoteItem, StoryItem } from '../../../src/core/message.ts';
import { slackViolations } from '../property/limits.ts';

const story = (n: number, extra: Partial<StoryItem> = {}): StoryItem => ({
  type: 'story',
  articleId: n,
  headline: `Story ${n}: talks resume`,
  url: `https://news.example/${n}?a=1&b=2`,
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

describe('renderSlack', () => {
  it('GIVEN a story THEN header, a section with the linked headline, bullets and quote, and a context with source and date', () => {
    const p = renderSlack({ visibility: 'public', title: "Today's briefing", items: [story(1)] });
    expect(p.response_type).toBe('in_channel');
    expect(p.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: "Today's briefing", emoji: false } },
      {
        type: 'section',
        block_id: 'item-0',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: '*<https://news.example/1?a=1&amp;b=2|Story 1: talks resume>*\n• Delegations met for six hours.\n• A second round is planned.\n> “We are ready to talk.”\n> — *Vladimir Putin*',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: 'Example News · 2026-11-29' }] },
    ]);
    expect(p.text).toBe("Today's briefing\n• Story 1: talks resume");
  });

  it('GIVEN two items THEN a divider between them', () => {
    const p = renderSlack({ visibility: 'public', items: [story(1), quote] });
    expect(p.blocks.map((b) => b.type)).toEqual(['section', 'context', 'divider', 'section', 'context']);
    expect(p.blocks[3]).toMatchObject({ text: { text: '> “Peace is possible.”\n— *Vladimir Putin*' } });
    expect(p.blocks[4]).toMatchObject({ elements: [{ text: '<https://news.example/1|Putin speaks on peace> · Example News · 2026-11-29' }] });
  });

  it.each([
    [true, 'v1:quote:Putin', 1],
    [true, undefined, 0],
    [false, 'v1:quote:Putin', 0],
    [true, 'x'.repeat(2001), 0],
  ] as const)('GIVEN shareable=%s and share value %j THEN %i "Share in channel" buttons', (shareable, shareValue, count) => {
    const p = renderSlack({ visibility: 'ephemeral', items: [quote], shareable }, shareValue === undefined ? {} : { shareValue });
    const actions = p.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(count);
    if (count) expect(actions[0]).toEqual({ type: 'actions', elements: [{ type: 'button', action_id: 'newsbrief_share', text: { type: 'plain_text', text: 'Share in channel', emoji: false }, value: shareValue }] });
    expect(p.response_type).toBe('ephemeral');
  });

  it('GIVEN a user mistake THEN an ephemeral warning with the hint in a context block', () => {
    const p = renderSlack(errorToMessage(new BriefingError('unknown_speaker', 'I have no quotes from "Putn".', { hint: 'Did you mean: Vladimir Putin?' }), { error: () => {} }));
    expect(p.response_type).toBe('ephemeral');
    expect(p.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: ':warning: I have no quotes from "Putn".' } },
      { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: 'Did you mean: Vladimir Putin?' }] },
    ]);
    expect(p.text).toBe('I have no quotes from "Putn".');
  });

  it('GIVEN 30 stories THEN at most 50 blocks, within the text budget, and "…and N more" for the rest', () => {
    const p = renderSlack({ visibility: 'public', title: 'Digest', items: Array.from({ length: 30 }, (_, i) => story(i)), more: 3, footer: 'Late digest' });
    expect(slackViolations(p, false)).toEqual([]);
    const shown = p.blocks.filter((b) => b.type === 'section' && b.block_id?.startsWith('item-')).length;
    expect(shown).toBeLessThan(30);
    expect(p.blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: `…and ${30 - shown + 3} more` }] });
    expect(p.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: 'Late digest' }] });
  });

  it('GIVEN the /help reply THEN a section per command, within limits', () => {
    const p = renderSlack(helpMessage());
    expect(slackViolations(p, true)).toEqual([]);
    expect(p.blocks.filter((b) => b.type === 'section').length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(p.blocks)).toContain('/quote who:&lt;name&gt; [about:&lt;words&gt;] [count:&lt;1-10&gt;]');
  });

  it('GIVEN an empty message THEN one section, never an empty message', () => {
    const p = renderSlack({ visibility: 'public', items: [] });
    expect(p.blocks).toHaveLength(1);
    expect(p.text).toBe('newsbrief');
  });

  it('GIVEN a 200-character title THEN the header is shortened to 150 with "…"', () => {
    const p = renderSlack({ visibility: 'public', title: 'Headline words '.repeat(14), items: [] });
    const header = p.blocks[0];
    expect(header?.type).toBe('header');
    const text = header && header.type === 'header' ? header.text.text : '';
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith('…')).toBe(true);
  });
});
