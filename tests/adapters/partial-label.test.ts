// A partial quote (a few words inside reported speech) is labelled as such on every platform.
import { describe, expect, it } from 'vitest';
import type { Message, QuoteItem } from '../../src/core/message.ts';
import { renderText } from '../../src/adapters/console/render.ts';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';

const item = (kind: QuoteItem['kind']): QuoteItem => ({
  type: 'quote', text: 'meaningful and frank', speaker: 'Vladimir Putin', kind,
  articleId: 1, headline: 'Talks', url: null, source: null, date: '2023-03-22',
});
const msg = (kind: QuoteItem['kind']): Message => ({ visibility: 'public', items: [item(kind)] });

describe('partial quote label', () => {
  it.each([
    ['text', (m: Message) => renderText(m)],
    ['discord', (m: Message) => JSON.stringify(renderDiscord(m))],
    ['slack', (m: Message) => JSON.stringify(renderSlack(m).blocks)],
  ])('GIVEN %s WHEN the quote is partial THEN it says so, and not for a direct quote', (_name, render) => {
    expect(render(msg('partial'))).toContain('partial quote');
    expect(render(msg('direct'))).not.toContain('partial quote');
  });
});
