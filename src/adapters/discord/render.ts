// Message -> Discord payloads: one embed per story or quote, the title, notice and footer as
// content. Every limit of Discord is a constant here; article text is sanitised and escaped
// (escape.ts). A reply too big for one message is split into follow-ups (at most MAX_PAYLOADS),
// and what still does not fit is counted in a visible "…and N more".
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIEmbedField } from 'discord.js';
import { moreLine, reportedByList } from '../../core/message.ts';
import type { Item, Message, Notice, QuoteItem, ReportedBy, Section, StoryItem } from '../../core/message.ts';
import { clipRaw, countOf, fitEscaped, trimQuote, safeHttpUrl, sanitizeLine, sanitizeText, sourceLine } from '../../core/sanitize.ts';
import { discordPlain, escapeMarkdown } from './escape.ts';
import { moreCustomId, moreRow, nextPageText } from './more-button.ts';

export interface DiscordMessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  allowed_mentions: { parse: [] };
  /** The More button of a paged answer (on the last payload only). */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** 64 = ephemeral (interaction responses only). */
  flags?: number;
}

/** Discord's limits (discord-api-docs). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
} as const;

/** Our own budgets, well inside the limits, so that cards stay readable. */
const BUDGET = {
  keyPoints: 6,
  keyPoint: 350,
  storyQuote: 1000,
  quoteText: 1800,
  speaker: 120,
  footer: 200,
  intro: 400,
  notice: 600,
  hint: 300,
  messageFooter: 250,
  nextPage: 300,
  /** The whole "Also reported by" line, links included. */
  reportedBy: 700,
  reportedByName: 60,
} as const;

/** A long answer becomes at most this many messages (the reply and its follow-ups). */
export const MAX_PAYLOADS = 3;
export const EPHEMERAL_FLAG = 64;
/** Longer URLs are left out rather than risk a rejected embed. */
const MAX_URL = 2000;

const md = (raw: string, max: number): string => fitEscaped(sanitizeLine(clipRaw(raw, max)), max, escapeMarkdown);
const mdText = (raw: string, max: number): string => fitEscaped(sanitizeText(clipRaw(raw, max)), max, escapeMarkdown);
const plain = (raw: string, max: number): string => fitEscaped(sanitizeLine(clipRaw(raw, max)), max, (s) => discordPlain(s));

function footerOf(source: string | null, date: string | null): APIEmbed['footer'] | undefined {
  const text = plain(sourceLine(source, date), BUDGET.footer);
  return text ? { text } : undefined;
}

function withUrl(embed: APIEmbed, url: string | null): APIEmbed {
  const safe = safeHttpUrl(url);
  return safe && safe.length <= MAX_URL ? { ...embed, url: safe } : embed;
}

/** "Also reported by [A](url), B and 2 more", within BUDGET.reportedBy ('' when none). */
function reportedByLine(list: readonly ReportedBy[] | undefined): string {
  const { named, more } = reportedByList(list);
  const parts: string[] = [];
  let size = 0;
  let left = more;
  for (const r of named) {
    const name = md(r.name, BUDGET.reportedByName);
    if (!name) { left++; continue; }
    const url = safeHttpUrl(r.url)?.replace(/@/g, '%40') ?? null; // a link in text: no mention syntax
    const part = url && url.length <= 300 ? `[${name}](${url})` : name;
    if (size + part.length + 2 > BUDGET.reportedBy - 40) { left++; continue; }
    parts.push(part);
    size += part.length + 2;
  }
  if (!parts.length) return '';
  return `Also reported by ${parts.join(', ')}${left > 0 ? ` and ${left} more` : ''}`;
}

function storyEmbed(item: StoryItem): APIEmbed {
  const lines = item.keyPoints
    .slice(0, BUDGET.keyPoints)
    .map((k) => md(k, BUDGET.keyPoint))
    .filter((k) => k.length > 0)
    .map((k) => `• ${k}`);
  if (item.quote) {
    const text = md(trimQuote(item.quote.text), BUDGET.storyQuote);
    if (text) {
      lines.push('', `> “${text}”`);
      const speaker = item.quote.speaker ? md(item.quote.speaker, BUDGET.speaker) : '';
      if (speaker) lines.push(`> — **${speaker}**`);
    }
  }
  const also = reportedByLine(item.alsoReportedBy);
  if (also) lines.push('', also);
  if (item.updated) lines.unshift('*Updated*');
  const embed: APIEmbed = { title: md(item.headline, DISCORD_LIMITS.title) || 'Untitled story' };
  const description = lines.join('\n').trim();
  if (description) embed.description = description;
  const footer = footerOf(item.source, item.date);
  if (footer) embed.footer = footer;
  return withUrl(embed, item.url);
}

function quoteEmbed(item: QuoteItem): APIEmbed {
  const embed: APIEmbed = {
    author: { name: plain(`${item.speaker}${item.kind === 'partial' ? ' (partial quote)' : ''}`, DISCORD_LIMITS.author) || 'Unknown speaker' },
    description: `“${md(trimQuote(item.text), BUDGET.quoteText)}”`,
  };
  const also = reportedByLine(item.alsoReportedBy);
  if (also) embed.description += `\n${also}`;
  const headline = md(item.headline, DISCORD_LIMITS.title);
  if (headline) embed.title = headline;
  const footer = footerOf(item.source, item.date);
  if (footer) embed.footer = footer;
  return embed.title ? withUrl(embed, item.url) : embed;
}

function itemEmbed(item: Item): APIEmbed {
  return item.type === 'story' ? storyEmbed(item) : quoteEmbed(item);
}

/** Sections (e.g. /help) as the fields of one embed, shared fairly within the embed budget. */
function sectionsEmbed(sections: readonly Section[]): APIEmbed | null {
  const list = sections.slice(0, DISCORD_LIMITS.fields);
  if (list.length === 0) return null;
  const share = Math.floor((DISCORD_LIMITS.embedTotal - 500) / list.length);
  const fields: APIEmbedField[] = list.map((s) => {
    const name = md(s.heading, Math.min(DISCORD_LIMITS.fieldName, Math.floor(share / 4))) || '—';
    const value = mdText(s.lines.join('\n'), Math.min(DISCORD_LIMITS.fieldValue, share - name.length)) || '—';
    return { name, value };
  });
  return { fields };
}

/** The characters Discord counts toward the 6000 across a message's embeds. */
export function embedSize(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

const TONE_MARK: Record<Notice['tone'], string> = { info: 'ℹ️', success: '✅', warning: '⚠️', error: '❌' };

function noticeLines(notice: Notice): string[] {
  const lines = [`${TONE_MARK[notice.tone]} ${mdText(notice.text, BUDGET.notice)}`];
  const hint = notice.hint ? mdText(notice.hint, BUDGET.hint) : '';
  if (hint) lines.push(hint);
  const id = notice.correlationId ? sanitizeLine(notice.correlationId) : '';
  if (id && !(notice.hint ?? '').includes(id)) lines.push(`Error code: ${md(id, 40)}`);
  return lines;
}

function headLines(message: Message): string[] {
  const lines: string[] = [];
  const title = message.title ? md(message.title, DISCORD_LIMITS.title) : '';
  if (title) lines.push(`**${title}**`);
  const intro = message.intro ? mdText(message.intro, BUDGET.intro) : '';
  if (intro) lines.push(intro);
  if (message.notice) lines.push(...noticeLines(message.notice));
  return lines;
}

function tailLines(message: Message, more: number, button: boolean): string[] {
  const lines: string[] = [];
  const counts = moreLine(more, message.paging);
  if (counts) lines.push(counts);
  // no room for the command in a button: say what to type instead
  const next = button ? null : nextPageText(message.paging?.next);
  if (next) lines.push(`Next page: ${md(next, BUDGET.nextPage)}`);
  const footer = message.footer ? md(message.footer, BUDGET.messageFooter) : '';
  if (footer) lines.push(`-# ${footer}`);
  return lines;
}

/** Joins content lines; the budgets keep it within 2000, the final cut is only a guard. */
function content(lines: string[]): string | undefined {
  const text = lines.join('\n').trim();
  if (!text) return undefined;
  return text.length <= DISCORD_LIMITS.content ? text : `${text.slice(0, DISCORD_LIMITS.content - 1)}…`;
}

/** Packs embeds into messages: at most 10 per message and 6000 characters across them. */
function pack(embeds: APIEmbed[]): { groups: APIEmbed[][]; packed: number } {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  let packed = 0;
  for (const embed of embeds) {
    const n = embedSize(embed);
    if (current.length === DISCORD_LIMITS.embedsPerMessage || (current.length > 0 && size + n > DISCORD_LIMITS.embedTotal)) {
      groups.push(current);
      if (groups.length === MAX_PAYLOADS) return { groups, packed };
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
    packed++;
  }
  if (current.length > 0) groups.push(current);
  return { groups, packed };
}

/** The first payload is the reply; any others are follow-ups (a long answer split in parts). */
export function renderDiscord(message: Message): DiscordMessagePayload[] {
  const itemEmbeds = message.items.map(itemEmbed);
  const sections = sectionsEmbed(message.sections ?? []);
  const all = sections ? [...itemEmbeds, sections] : itemEmbeds;
  const { groups, packed } = pack(all);
  const dropped = itemEmbeds.length - Math.min(packed, itemEmbeds.length);
  const more = countOf(message.more) + dropped;

  const head = headLines(message);
  const customId = moreCustomId(message.paging?.next);
  const tail = tailLines(message, more, customId !== null);
  const count = Math.max(1, groups.length);
  const flags = message.visibility === 'ephemeral' ? { flags: EPHEMERAL_FLAG } : {};
  const payloads: DiscordMessagePayload[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [...(i === 0 ? head : []), ...(i === count - 1 ? tail : [])];
    const embeds = groups[i] ?? [];
    const text = content(lines) ?? (embeds.length === 0 ? 'Nothing to show.' : undefined);
    payloads.push({
      ...(text !== undefined ? { content: text } : {}),
      ...(embeds.length > 0 ? { embeds } : {}),
      ...(customId && i === count - 1 ? { components: [moreRow(customId)] } : {}),
      allowed_mentions: { parse: [] },
      ...flags,
    });
  }
  return payloads;
}
