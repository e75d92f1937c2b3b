// The "done when" check: an article whose quotes contain @everyone, <!channel>, <@123>,
// [click](https://example.com) and a 10,000-character quotation renders safely everywhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/adapters/console/render.ts';
import { renderDiscord } from '../../../src/adapters/discord/render.ts';
import { renderSlack } from '../../../src/adapters/slack/render.ts';
import type { Message } from '../../../src/core/message.ts';
import { discordTexts, discordViolations, slackTexts, slackViolations } from './limits.ts';

function hostileMessage(): Message {
  const raw = JSON.parse(readFileSync(new URL('../../fixtures/render/hostile-message.json', import.meta.url), 'utf8')) as Message;
  const long = Array.from({ length: 2000 }, (_, i) => (i % 10 === 9 ? 'peace. @everyone' : 'word')).join(' ').padEnd(10_000, ' x').slice(0, 10_000);
  expect(long).toHaveLength(10_000);
  return { ...raw, items: raw.items.map((item) => (item.type === 'quote' && item.text === 'LONG' ? { ...item, text: long } : item)) };
}

describe('a hostile article', () => {
  const message = hostileMessage();

  it('GIVEN Discord THEN within every limit, allowed_mentions empty, no mention or masked-link syntax, javascript: never a link', () => {
    for (const visibility of ['public', 'ephemeral'] as const) {
      const payloads = renderDiscord({ ...message, visibility });
      for (const p of payloads) expect(discordViolations(p, visibility === 'ephemeral')).toEqual([]);
      const all = payloads.flatMap(discordTexts).join('\n');
      expect(all).not.toMatch(/@everyone|@here|<@|<#|<!/);
      expect(all).not.toContain('[click](https://example.com)');
      expect(all).toContain('\\[click\\](https://example.com)');
      const urls = payloads.flatMap((p) => p.embeds ?? []).map((e) => e.url).filter(Boolean);
      expect(urls).toEqual(['https://news.example/story_%281%29%7Cx%3E', 'https://news.example/long']);
    }
  });

  it('GIVEN Discord THEN the 10,000-character quotation is shortened at a boundary with a visible "…"', () => {
    const embeds = renderDiscord(message).flatMap((p) => p.embeds ?? []);
    const long = embeds.find((e) => e.title === 'A very long statement');
    expect(long?.description?.length).toBeLessThan(4096);
    expect(long?.description).toMatch(/(word|peace\.|@\u200Beveryone) ?…”$/);
    expect(long?.author?.name).toBe('@\u200Bhere');
  });

  it('GIVEN Slack THEN within every limit, &<> escaped, no special token from the article, the share button present', () => {
    const payload = renderSlack(message, { shareValue: 'share:v1:abc' });
    expect(slackViolations(payload, false)).toEqual([]);
    const all = slackTexts(payload).map((t) => t.text).join('\n');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@123&gt;');
    expect(all).not.toMatch(/<!|<@|<#/);
    expect(all).not.toContain('javascript:');
    expect(all).toContain('<https://news.example/story_%281%29%7Cx%3E|');
    const actions = payload.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({ elements: [{ type: 'button', action_id: 'newsbrief_share', value: 'share:v1:abc', text: { text: 'Share in channel' } }] });
    const longSection = payload.blocks.find((b) => b.type === 'section' && b.block_id === 'item-2');
    const text = longSection?.type === 'section' ? (longSection.text?.text ?? '') : '';
    expect(text.length).toBeGreaterThan(500);
    expect(text.length).toBeLessThan(3000);
    expect(text).toMatch(/…”\n— \*@\u200Bhere\*$/);
  });

  it('GIVEN the console THEN readable text without hidden characters, the long quote shortened', () => {
    const text = renderText(message);
    expect(text).toContain('Vladimir Putin said @everyone');
    expect(text.length).toBeLessThan(6000);
    expect(text).toMatch(/…”/);
  });
});
