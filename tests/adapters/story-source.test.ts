// A story read from a file is known by its file where it has no source name (Discord's embed
// footer, Slack's context line), and Slack shows a quote's speaker in bold in /brief as in /quote.
import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';
import { storyItemOf, type DigestStory } from '../../src/core/digest.ts';
import type { Message } from '../../src/core/message.ts';

const row = (over: Partial<DigestStory>): DigestStory => ({
  articleId: 1,
  headline: 'Harbour plan approved',
  url: null,
  source: null,
  file: 'business/399.txt',
  published: '2023-03-22',
  ingestedAt: '2026-11-30T06:00:00Z',
  keyPoints: ['The council approved the harbour plan on Monday.'],
  topQuote: { text: 'It is a good day for the town.', speaker: 'Anna Berg' },
  ...over,
});
const brief = (s: DigestStory): Message => ({ visibility: 'public', title: 'Latest briefing', items: [storyItemOf(s)] });

describe('the source line of a stored story', () => {
  it.each([
    ['GIVEN a file with no source name and no link', row({}), 'business/399.txt · 2023-03-22', undefined],
    ['GIVEN a page with a site name and a link', row({ source: 'Harbour Times', file: 'pages/harbour.html', url: 'https://harbour.example/plan' }), 'Harbour Times · 2023-03-22', 'https://harbour.example/plan'],
    ['GIVEN a fetched URL (no file)', row({ source: null, file: null, url: 'https://harbour.example/plan' }), '2023-03-22', 'https://harbour.example/plan'],
  ])('%s THEN the Discord footer and Slack context say %j, and the headline links when a link is known', (_name, story, line, url) => {
    const [payload] = renderDiscord(brief(story));
    const embed = payload!.embeds![0]!;
    expect(embed.footer?.text).toBe(line);
    expect(embed.url).toBe(url);
    const blocks = renderSlack(brief(story)).blocks as Array<{ type: string; elements?: Array<{ text: string }> }>;
    expect(blocks.filter((b) => b.type === 'context').map((b) => b.elements?.[0]?.text)).toContain(line);
  });
});

describe('Slack: a quote speaker looks the same in /brief and /quote', () => {
  it('GIVEN a story quote and a /quote answer by the same speaker THEN both show *Anna Berg* (bold)', () => {
    const story = JSON.stringify(renderSlack(brief(row({}))).blocks);
    const quote = JSON.stringify(
      renderSlack({
        visibility: 'public',
        title: 'What Anna Berg said',
        items: [{ type: 'quote', text: 'It is a good day for the town.', speaker: 'Anna Berg', kind: 'direct', headline: 'Harbour plan approved', url: null, source: null, date: '2023-03-22', articleId: 1 }],
      } as Message).blocks,
    );
    for (const text of [story, quote]) {
      expect(text).toContain('*Anna Berg*');
      expect(text).not.toContain('_Anna Berg_');
    }
  });
});
