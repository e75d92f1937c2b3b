// The neutral reply model: what to show, never how. Every string here is raw text
// (from articles or users); each platform renderer escapes it and enforces its limits.
import { countOf } from './sanitize.ts';

/** Another outlet that reported the same story (or printed the same quote). */
export interface ReportedBy {
  source: string | null;
  url: string | null;
}

/** Outlets named at most in an "also reported by" line; the rest are counted ("and 3 more"). */
export const MAX_REPORTED_BY = 5;

/** A story card: the briefing of a story's most complete article, and the other outlets. */
export interface StoryItem {
  type: 'story';
  articleId: number | null;
  headline: string;
  url: string | null;
  keyPoints: string[];
  /** The most notable quote, when the article has one. */
  quote: { text: string; speaker: string | null } | null;
  source: string | null;
  /** ISO-8601 date (published, else ingested), or null. */
  date: string | null;
  /** The other outlets of the story: "Also reported by …" (linked where there is a URL). */
  alsoReportedBy?: ReportedBy[];
  /** A story shown before, shown again because it changed materially: "Updated". */
  updated?: boolean;
}

/** One quote with its speaker and the article it came from. */
export interface QuoteItem {
  type: 'quote';
  text: string;
  speaker: string;
  kind: 'direct' | 'partial' | 'block';
  articleId: number | null;
  headline: string;
  url: string | null;
  source: string | null;
  date: string | null;
  /** Other outlets that printed the same utterance. */
  alsoReportedBy?: ReportedBy[];
}

export type Item = StoryItem | QuoteItem;

export interface Notice {
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
  /** A usage line, example or suggestion shown under the text. */
  hint?: string | null;
  /** Shown for internal errors so a user can quote it to an operator. */
  correlationId?: string | null;
}

/** A titled block of plain lines (e.g. one command in /help). Added for issue 5. */
export interface Section {
  heading: string;
  lines: string[];
}

/** The command that shows the next page of a paged answer: run again as if the user typed it. */
export interface NextPage {
  /** A command of commands/ (e.g. 'brief'). */
  command: string;
  /** Its validated options, `page` included (the page it asks for). */
  options: Record<string, string | number | boolean>;
}

/** Where a paged answer (/brief, /quote) is in the whole list. */
export interface Paging {
  /** This page, from 1. */
  page: number;
  /** How many pages there are (at least this many when `exact` is false). */
  pages: number;
  /** False when more matched than were counted: `pages` and the message's `more` are lower bounds. */
  exact: boolean;
  /** The next page as a neutral action (a More button, or a command to type), or null on the last page. */
  next: NextPage | null;
}

export interface Message {
  /** 'ephemeral' = visible only to the user who asked, where the platform allows it. */
  visibility: 'public' | 'ephemeral';
  /** A short title line ("Today's briefing", "Vladimir Putin said"). */
  title?: string | null;
  /** A line of plain text under the title. */
  intro?: string | null;
  items: Item[];
  /** Optional titled blocks shown after the items (help text, status details). */
  sections?: Section[];
  /** How many more items matched but were not included (after this page, for a paged answer). */
  more?: number;
  /** A paged answer: "page 1 of 9" and the way to the next page. */
  paging?: Paging | null;
  notice?: Notice | null;
  /** A small closing line (e.g. "Late digest: delivered after the bot restarted"). */
  footer?: string | null;
  /** Slack: offer a "Share in channel" button that posts the same answer publicly. */
  shareable?: boolean;
}

export function noticeMessage(notice: Notice, visibility: Message['visibility'] = 'ephemeral'): Message {
  return { visibility, items: [], notice };
}

/** "…and 40 more · page 1 of 9" (a "+" marks lower bounds); '' when there is nothing to say. */
export function moreLine(more: number, paging: Paging | null | undefined): string {
  const plus = paging && paging.exact === false ? '+' : '';
  const parts: string[] = [];
  const n = countOf(more);
  if (n > 0) parts.push(`…and ${n}${plus} more`);
  const page = countOf(paging?.page);
  const pages = countOf(paging?.pages);
  if (page > 0 && (pages > 1 || page > 1)) parts.push(`page ${page} of ${Math.max(page, pages)}${plus}`);
  return parts.join(' · ');
}

/**
 * The outlets of an "also reported by" line, named (a source, else the link's host), at most
 * MAX_REPORTED_BY, and how many more there are. Raw text: each renderer escapes and links them.
 */
export function reportedByList(list: readonly ReportedBy[] | null | undefined): { named: Array<{ name: string; url: string | null }>; more: number } {
  const named: Array<{ name: string; url: string | null }> = [];
  let total = 0;
  for (const r of Array.isArray(list) ? list : []) {
    let name = typeof r?.source === 'string' ? r.source.trim() : '';
    const url = typeof r?.url === 'string' ? r.url : null;
    if (!name && url) {
      try {
        name = new URL(url).hostname;
      } catch {
        name = '';
      }
    }
    if (!name) continue;
    total++;
    if (named.length < MAX_REPORTED_BY) named.push({ name, url });
  }
  return { named, more: total - named.length };
}
