// Message -> readable text for the console: wrapped lines, bullets, quotes with “ ” and
// "— Speaker", source · date, the notice with its hint, "…and N more". Article text is sanitised
// (control characters, including terminal escape sequences, are removed).
import { formatCommandText } from '../../app/command-text.ts';
import { moreLine, reportedByList } from '../../core/message.ts';
import type { Item, Message, Notice, Section } from '../../core/message.ts';
import { clipRaw, countOf, safeHttpUrl, trimQuote, sanitizeLine, sanitizeText, sourceLine, truncateText } from '../../core/sanitize.ts';

/** Lines are wrapped at this many columns (a terminal of 100 columns or more is the norm). */
export const TEXT_WIDTH = 100;
const MAX_QUOTE = 2000;
const MAX_LINE_ITEM = 1000;

/** Word-wraps one paragraph to `width` columns; the first line starts with `first`, the rest with `rest`. */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const max = Math.max(width, first.length + 10, rest.length + 10);
  const lines: string[] = [];
  let current = first;
  let columns = first.length;
  let hasWord = false;
  const push = (): void => {
    lines.push(current.trimEnd());
    current = rest;
    columns = rest.length;
    hasWord = false;
  };
  const add = (chars: string[]): void => {
    current += (hasWord ? ' ' : '') + chars.join('');
    columns += (hasWord ? 1 : 0) + chars.length;
    hasWord = true;
  };
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    let chars = [...word];
    if (hasWord && columns + 1 + chars.length > max) push();
    // A word longer than a whole line (a URL, a hostile run of characters) is broken up.
    while (columns + (hasWord ? 1 : 0) + chars.length > max) {
      const room = max - columns - (hasWord ? 1 : 0);
      if (room <= 0) {
        push();
        continue;
      }
      add(chars.slice(0, room));
      chars = chars.slice(room);
      push();
    }
    if (chars.length > 0) add(chars);
  }
  if (hasWord || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/** Cleaned, on one line, and at most `max` characters (shortened at a sentence or word). */
function clean(raw: string, max = MAX_LINE_ITEM): string {
  return truncateText(sanitizeLine(clipRaw(raw, max)), max);
}

/** Wraps one paragraph; continuation lines are indented under the text after the prefix. */
type Paragraph = (text: string, first?: string) => string[];

function paragraphAt(width: number): Paragraph {
  return (text, first = '') => wrap(text, width, first, first.replace(/\S/g, ' '));
}

const TONE_MARK: Record<Notice['tone'], string> = { info: 'i', success: '✓', warning: '!', error: '✗' };

function noticeLines(notice: Notice, paragraph: Paragraph): string[] {
  const lines = paragraph(clean(notice.text), `${TONE_MARK[notice.tone]} `);
  const hint = notice.hint ? sanitizeText(clipRaw(notice.hint, MAX_LINE_ITEM)) : '';
  for (const h of hint.split('\n').filter(Boolean)) lines.push(...paragraph(h, '  '));
  const id = notice.correlationId ? clean(notice.correlationId) : '';
  if (id && !hint.includes(id)) lines.push(...paragraph(`Error code: ${id}`, '  '));
  return lines;
}

function itemLines(item: Item, paragraph: Paragraph): string[] {
  const lines: string[] = [];
  if (item.type === 'story') {
    lines.push(...paragraph(clean(item.headline, MAX_LINE_ITEM) || 'Untitled story'));
    for (const k of item.keyPoints) {
      const text = clean(k, MAX_LINE_ITEM);
      if (text) lines.push(...paragraph(text, '  • '));
    }
    if (item.quote) {
      const text = clean(trimQuote(item.quote.text), MAX_QUOTE);
      const speaker = item.quote.speaker ? clean(item.quote.speaker) : '';
      if (text) lines.push(...paragraph(`“${text}”`, '  '), ...(speaker ? paragraph(`— ${speaker}`, '    ') : []));
    }
  } else {
    lines.push(...paragraph(`“${clean(trimQuote(item.text), MAX_QUOTE)}”`));
    lines.push(...paragraph(`— ${clean(item.speaker) || 'Unknown speaker'}${item.kind === 'partial' ? ' (partial quote)' : ''}`, '  '));
    const headline = clean(item.headline, MAX_LINE_ITEM);
    if (headline) lines.push(...paragraph(headline, '  '));
  }
  const meta = [item.type === 'story' && item.updated ? 'Updated' : '', sourceLine(item.source, item.date)].filter(Boolean).join(' · ');
  if (meta) lines.push(...paragraph(meta, '  '));
  const url = safeHttpUrl(item.url);
  if (url) lines.push(`  ${url}`);
  const { named, more } = reportedByList(item.alsoReportedBy);
  const also = named.map((r) => { const name = clean(r.name, 60); const link = safeHttpUrl(r.url); return name ? (link ? `${name} (${link})` : name) : ''; }).filter(Boolean);
  if (also.length) lines.push(...paragraph(`Also reported by ${also.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, '  '));
  return lines;
}

function sectionLines(section: Section, paragraph: Paragraph): string[] {
  const lines = paragraph(clean(section.heading));
  for (const l of section.lines) {
    const text = clean(l);
    if (text) lines.push(...paragraph(text, '  '));
  }
  return lines;
}

export interface TextRenderOptions {
  /** Wrap at this many columns (default TEXT_WIDTH); Infinity = no wrapping. */
  width?: number;
}

export function renderText(message: Message, opts: TextRenderOptions = {}): string {
  const paragraph = paragraphAt(opts.width ?? TEXT_WIDTH);
  const blocks: string[][] = [];
  const head: string[] = [];
  const title = message.title ? clean(message.title) : '';
  if (title) head.push(...paragraph(title));
  const intro = message.intro ? clean(message.intro) : '';
  if (intro) head.push(...paragraph(intro));
  if (message.notice) head.push(...noticeLines(message.notice, paragraph));
  if (head.length > 0) blocks.push(head);
  for (const item of message.items) blocks.push(itemLines(item, paragraph));
  for (const section of message.sections ?? []) blocks.push(sectionLines(section, paragraph));
  const tail: string[] = [];
  const counts = moreLine(countOf(message.more), message.paging);
  if (counts) tail.push(counts);
  const next = message.paging?.next ? formatCommandText(message.paging.next.command, null, message.paging.next.options) : null;
  if (next) tail.push(...paragraph(`Type ${clean(next)} for the next page.`));
  const footer = message.footer ? clean(message.footer) : '';
  if (footer) tail.push(...paragraph(footer));
  if (tail.length > 0) blocks.push(tail);
  if (blocks.length === 0) return 'Nothing to show.';
  return blocks.map((b) => b.join('\n')).join('\n\n');
}
