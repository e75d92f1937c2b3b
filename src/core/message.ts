// The neutral reply model: what to show, never how. Every string here is raw text
// (from articles or users); each platform renderer escapes it and enforces its limits.

/** A story card: one article's briefing. */
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
  /** How many more items matched but were not included. */
  more?: number;
  notice?: Notice | null;
  /** A small closing line (e.g. "Late digest: delivered after the bot restarted"). */
  footer?: string | null;
  /** Slack: offer a "Share in channel" button that posts the same answer publicly. */
  shareable?: boolean;
}

export function noticeMessage(notice: Notice, visibility: Message['visibility'] = 'ephemeral'): Message {
  return { visibility, items: [], notice };
}
