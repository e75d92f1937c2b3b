// Message -> readable text. PLACEHOLDER: the real renderer comes with issue 5.
import type { Message } from '../../core/message.ts';

export function renderText(message: Message): string {
  const lines: string[] = [];
  if (message.title) lines.push(message.title);
  if (message.notice) lines.push(message.notice.text, ...(message.notice.hint ? [message.notice.hint] : []));
  for (const item of message.items) {
    if (item.type === 'story') {
      lines.push('', item.headline, ...item.keyPoints.map((k) => `  • ${k}`));
      if (item.quote) lines.push(`  “${item.quote.text}” — ${item.quote.speaker ?? 'unknown'}`);
      lines.push(`  ${[item.source, item.date].filter(Boolean).join(' · ')}`);
    } else {
      lines.push('', `“${item.text}” — ${item.speaker}`, `  ${item.headline} · ${item.date ?? ''}`);
    }
  }
  return lines.join('\n');
}
