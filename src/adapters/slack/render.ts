// Message -> Slack payload: Block Kit (header, sections, context, dividers) plus a plain `text`
// fallback. Every limit is a constant here; article text is sanitised and escaped (escape.ts).
// What does not fit in 50 blocks or the text budget is counted in a visible "…and N more".
import type { types } from '@slack/bolt';
import { formatCommandText } from '../../app/command-text.ts';
import { moreLine } from '../../core/message.ts';
import type { Item, Message, NextPage, Notice, QuoteItem, ReportedBy, Section, StoryItem } from '../../core/message.ts';
import { reportedByList } from '../../core/message.ts';
import { clipRaw, countOf, fitEscaped, trimQuote, safeHttpUrl, sanitizeLine, sanitizeText, sourceLine, truncateText } from '../../core/sanitize.ts';
import { escapeSlack, slackLink, slackPlain } from './escape.ts';

type KnownBlock = types.KnownBlock;

export interface SlackMessagePayload {
  text: string;
  blocks: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
}

export interface SlackRenderOptions {
  /** When the message is shareable: the value of the "Share in channel" button (action_id `newsbrief_share`). */
  shareValue?: string;
}

/** Slack's limits (Block Kit reference); `totalText` stays well under the ~12-13k that fails. */
export const SLACK_LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  contextElements: 10,
  contextText: 2000,
  text: 3000,
  totalText: 11000,
  buttonValue: 2000,
} as const;

export const SHARE_ACTION_ID = 'newsbrief_share';
/** The More button of a paged answer; its value is the next page's command text (`/brief page:2`). */
export const MORE_ACTION_ID = 'newsbrief_more';

/** The value of a More button for this next page, or null when it cannot be written (or is too long). */
export function moreValue(next: NextPage | null | undefined): string | null {
  const text = next ? formatCommandText(next.command, null, next.options) : null;
  return text && text.length <= SLACK_LIMITS.buttonValue ? text : null;
}

const BUDGET = {
  intro: 600,
  notice: 800,
  hint: 600,
  keyPoints: 6,
  keyPoint: 300,
  storyQuote: 800,
  quoteText: 1500,
  speaker: 120,
  headline: 250,
  url: 1000,
  context: 400,
  section: 2500,
  footer: 400,
} as const;

const line = (raw: string, max: number): string => fitEscaped(sanitizeLine(clipRaw(raw, max)), max, escapeSlack);
const multi = (raw: string, max: number): string => fitEscaped(sanitizeText(clipRaw(raw, max)), max, escapeSlack);

const section = (text: string, blockId?: string): KnownBlock => ({ type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text, verbatim: true } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] });
const divider: KnownBlock = { type: 'divider' };

function linkedHeadline(headline: string, url: string | null): string {
  const safe = safeHttpUrl(url);
  return slackLink(safe && safe.length <= BUDGET.url ? safe : null, line(headline, BUDGET.headline) || 'Untitled story');
}

/** "Also reported by <url|A>, B and 2 more" within the context budget ('' when none). */
function reportedByLine(list: readonly ReportedBy[] | undefined): string {
  const { named, more } = reportedByList(list);
  const parts: string[] = [];
  let size = 0;
  let left = more;
  for (const r of named) {
    const name = line(r.name, 60);
    if (!name) { left++; continue; }
    const safe = safeHttpUrl(r.url)?.replace(/@/g, '%40') ?? null; // a link in text: no mention syntax
    const part = slackLink(safe && safe.length <= 300 ? safe : null, name);
    if (size + part.length + 2 > BUDGET.context - 40) { left++; continue; }
    parts.push(part);
    size += part.length + 2;
  }
  if (!parts.length) return '';
  return `Also reported by ${parts.join(', ')}${left > 0 ? ` and ${left} more` : ''}`;
}

function storyBlocks(item: StoryItem, blockId: string): KnownBlock[] {
  const candidates: string[] = [];
  for (const k of item.keyPoints.slice(0, BUDGET.keyPoints)) {
    const text = line(k, BUDGET.keyPoint);
    if (text) candidates.push(`• ${text}`);
  }
  if (item.quote) {
    const text = line(trimQuote(item.quote.text), BUDGET.storyQuote);
    const speaker = item.quote.speaker ? line(item.quote.speaker, BUDGET.speaker) : '';
    // the speaker in bold, as in /quote's sections
    if (text) candidates.push(`> “${text}”${speaker ? `\n> — *${speaker}*` : ''}`);
  }
  // Whole lines only: a line that would pass the section limit is left out, never cut.
  let text = `*${linkedHeadline(item.headline, item.url)}*`;
  for (const candidate of candidates) {
    if (text.length + 1 + candidate.length <= SLACK_LIMITS.sectionText) text += `\n${candidate}`;
  }
  const blocks = [section(text, blockId)];
  const meta = [item.updated ? '_Updated_' : '', line(sourceLine(item.source, item.date), BUDGET.context)].filter(Boolean).join(' · ');
  if (meta) blocks.push(context(meta));
  const also = reportedByLine(item.alsoReportedBy);
  if (also) blocks.push(context(also));
  return blocks;
}

function quoteBlocks(item: QuoteItem, blockId: string): KnownBlock[] {
  const speaker = line(item.speaker, BUDGET.speaker) || 'Unknown speaker';
  const partial = item.kind === 'partial' ? ' _(partial quote)_' : '';
  const blocks = [section(`> “${line(trimQuote(item.text), BUDGET.quoteText)}”\n— *${speaker}*${partial}`, blockId)];
  const meta = [linkedHeadline(item.headline, item.url), line(sourceLine(item.source, item.date), BUDGET.context)].filter(Boolean).join(' · ');
  blocks.push(context(meta));
  const also = reportedByLine(item.alsoReportedBy);
  if (also) blocks.push(context(also));
  return blocks;
}

/** Each item's section has block_id `item-<index>` (stable for the adapters and tests). */
function itemBlocks(item: Item, index: number): KnownBlock[] {
  return item.type === 'story' ? storyBlocks(item, `item-${index}`) : quoteBlocks(item, `item-${index}`);
}

function sectionBlocks(s: Section): KnownBlock[] {
  const heading = line(s.heading, 300) || '—';
  const body = multi(s.lines.join('\n'), BUDGET.section);
  return [section(body ? `*${heading}*\n${body}` : `*${heading}*`)];
}

const TONE_MARK: Record<Notice['tone'], string> = { info: ':information_source:', success: ':white_check_mark:', warning: ':warning:', error: ':x:' };

function noticeBlocks(notice: Notice): KnownBlock[] {
  const blocks = [section(`${TONE_MARK[notice.tone]} ${multi(notice.text, BUDGET.notice) || 'Something happened.'}`)];
  const hint = notice.hint ? multi(notice.hint, BUDGET.hint) : '';
  const id = notice.correlationId ? line(notice.correlationId, 40) : '';
  const extra = [hint, id && !(notice.hint ?? '').includes(notice.correlationId ?? '') ? `Error code: ${id}` : ''].filter(Boolean).join('\n');
  if (extra) blocks.push(context(extra));
  return blocks;
}

/** Characters of text in blocks, as Slack counts toward msg_blocks_too_long. */
export function blockTextSize(blocks: readonly KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

const short = (raw: string, max: number): string => truncateText(sanitizeLine(clipRaw(raw, max)), max);

function fallbackText(message: Message): string {
  const parts: string[] = [];
  if (message.title) parts.push(short(message.title, 150));
  if (message.notice) parts.push(short(message.notice.text, 600));
  for (const item of message.items.slice(0, 10)) {
    parts.push(item.type === 'story' ? `• ${short(item.headline, 200)}` : `• “${short(trimQuote(item.text), 200)}” — ${short(item.speaker, 100)}`);
  }
  if (parts.length === 0 && message.intro) parts.push(short(message.intro, 600));
  return fitEscaped(parts.join('\n'), SLACK_LIMITS.text, escapeSlack) || 'newsbrief';
}

export function renderSlack(message: Message, opts: SlackRenderOptions = {}): SlackMessagePayload {
  const head: KnownBlock[] = [];
  const title = message.title ? fitEscaped(sanitizeLine(clipRaw(message.title, SLACK_LIMITS.header)), SLACK_LIMITS.header, slackPlain) : '';
  if (title) head.push({ type: 'header', text: { type: 'plain_text', text: title, emoji: false } });
  const intro = message.intro ? multi(message.intro, BUDGET.intro) : '';
  if (intro) head.push(section(intro));
  if (message.notice) head.push(...noticeBlocks(message.notice));

  const tail: KnownBlock[] = [];
  const footer = message.footer ? line(message.footer, BUDGET.footer) : '';
  if (footer) tail.push(context(footer));
  const share = message.shareable && opts.shareValue && opts.shareValue.length <= SLACK_LIMITS.buttonValue ? opts.shareValue : null;
  const more = moreValue(message.paging?.next);
  const buttons: types.Button[] = [];
  if (more) buttons.push({ type: 'button', action_id: MORE_ACTION_ID, text: { type: 'plain_text', text: 'More', emoji: false }, value: more });
  if (share) buttons.push({ type: 'button', action_id: SHARE_ACTION_ID, text: { type: 'plain_text', text: 'Share in channel', emoji: false }, value: share });
  if (buttons.length > 0) tail.push({ type: 'actions', elements: buttons });

  // Reserve room for the "…and N more" line, then add items and sections while they fit.
  const reservedBlocks = head.length + tail.length + 1;
  let textSize = blockTextSize(head) + blockTextSize(tail) + 200;
  const body: KnownBlock[] = [];
  let dropped = 0;
  const groups = [...message.items.map((item, i) => ({ item: true, blocks: itemBlocks(item, i) })), ...(message.sections ?? []).map((s) => ({ item: false, blocks: sectionBlocks(s) }))];
  for (const group of groups) {
    const blocks = body.length > 0 ? [divider, ...group.blocks] : group.blocks;
    const size = blockTextSize(blocks);
    if (dropped > 0 || reservedBlocks + body.length + blocks.length > SLACK_LIMITS.blocks || textSize + size > SLACK_LIMITS.totalText) {
      if (group.item) dropped++;
      continue;
    }
    body.push(...blocks);
    textSize += size;
  }
  const counts = moreLine(countOf(message.more) + dropped, message.paging);
  const moreBlocks = counts ? [context(counts)] : [];
  const blocks = [...head, ...body, ...moreBlocks, ...tail];
  if (blocks.length === 0) blocks.push(section('Nothing to show.'));
  return {
    text: fallbackText(message),
    blocks,
    response_type: message.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel',
  };
}
