// The plain `text` fallback (notifications, screen readers) reads like the blocks it stands for.
import { describe, expect, it } from 'vitest';
import type { Message, QuoteItem } from '../../../src/core/message.ts';
import { renderSlack } from '../../../src/adapters/slack/render.ts';

const quote = (text: string): QuoteItem => ({
  type: 'quote', text, speaker: 'Vladimir Putin', kind: 'direct', articleId: 1,
  headline: 'Talks end', url: null, source: null, date: '2023-03-22',
});

describe('Slack fallback text', () => {
  it.each([
    ['GIVEN a quote that ended with a comma in its sentence', 'We are ready for it,', '• “We are ready for it” — Vladimir Putin'],
    ['GIVEN a quote that ended with a colon', 'There are three reasons:', '• “There are three reasons” — Vladimir Putin'],
    ['GIVEN a whole sentence', 'We are ready.', '• “We are ready.” — Vladimir Putin'],
  ])('%s THEN the fallback shows it as the blocks do', (_name, text, line) => {
    const message: Message = { visibility: 'public', title: 'What Vladimir Putin said', items: [quote(text)] };
    const payload = renderSlack(message);
    expect(payload.text.split('\n')).toEqual(['What Vladimir Putin said', line]);
    const section = JSON.stringify(payload.blocks[1]);
    expect(section).toContain(line.slice(2, line.indexOf('”') + 1));
  });
});
