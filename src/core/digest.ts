// Stories ingested in a time window -> one digest Message. Pure: no I/O, no clock.
import type { Message, ReportedBy, StoryItem } from './message.ts';

/** A story as the digest needs it (structurally a store StoryRow). */
export interface DigestStory {
  articleId: number;
  headline: string;
  url: string | null;
  source: string | null;
  /** The file it was read from (relative to the folder given), when read from a file. */
  file?: string | null;
  published: string | null;
  ingestedAt: string;
  keyPoints: string[];
  topQuote: { text: string; speaker: string | null } | null;
  /** The story's other outlets. */
  alsoReportedBy?: ReportedBy[];
  /** When the story was first seen (ISO-8601): a story first seen before the window is an update. */
  firstSeen?: string;
}

export interface DigestInput {
  stories: DigestStory[];
  /** The scheduled instant (or the request time of a "now" digest). */
  slot: Date;
  /** Start of the window: the end of the last delivered digest, or 24 h before the first. */
  since: Date;
  timezone: string;
  topic: string | null;
  /** Delivered after its slot (the bot was down): says so in the footer. */
  late?: boolean;
  /** At most this many stories; the rest are counted in `more`. */
  limit?: number;
  /** How many stories arrived in the window, when more did than `stories` holds (a capped fetch). */
  total?: number;
  title?: string;
}

export const DIGEST_LIMIT = 10;
const HOUR = 3_600_000;
/** A story with key points, or with a quote, ranks like one this much newer. */
export const RICHNESS_BONUS_MS = 6 * HOUR;

function freshness(s: DigestStory): number {
  const published = s.published ? Date.parse(s.published) : NaN;
  const ingested = Date.parse(s.ingestedAt);
  // A published date is the better signal, but never later than the ingestion (clock skew, typos).
  if (Number.isFinite(published)) return Number.isFinite(ingested) ? Math.min(published, ingested) : published;
  return Number.isFinite(ingested) ? ingested : 0;
}

function score(s: DigestStory): number {
  return freshness(s) + (s.keyPoints.length > 0 ? RICHNESS_BONUS_MS : 0) + (s.topQuote ? RICHNESS_BONUS_MS : 0);
}

/** Newest first, a story with key points and a quote ranking like one 12 h newer; stable by id. */
export function rankStories<T extends DigestStory>(stories: readonly T[]): T[] {
  return [...stories].sort((a, b) => score(b) - score(a) || b.articleId - a.articleId);
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 30 Nov, 08:00" in the timezone. */
export function formatLocalTime(at: Date, timeZone: string): string {
  let format = localFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
}

/** A stored story as a story card (used by /brief too); at most `maxKeyPoints` key points. */
export function storyItemOf(s: DigestStory, maxKeyPoints = Infinity, updated = false): StoryItem {
  return {
    type: 'story',
    articleId: s.articleId,
    headline: s.headline,
    url: s.url,
    keyPoints: s.keyPoints.slice(0, maxKeyPoints),
    quote: s.topQuote,
    // a story read from a file with no source name is known by its file (business/399.txt)
    source: s.source ?? s.file ?? null,
    date: s.published ?? s.ingestedAt,
    ...(s.alsoReportedBy?.length ? { alsoReportedBy: s.alsoReportedBy } : {}),
    ...(updated ? { updated: true } : {}),
  };
}

/** A story first seen before the window: in it again because it changed materially (the store's revised_at). */
export function isUpdate(s: DigestStory, since: Date): boolean {
  const first = s.firstSeen ? Date.parse(s.firstSeen) : NaN;
  return Number.isFinite(first) && first <= since.getTime();
}

/** The digest for a window, or null when there is nothing new (then nothing is posted). */
export function buildDigest(input: DigestInput): Message | null {
  const deduped = [...new Map(input.stories.map((s) => [s.articleId, s])).values()];
  if (deduped.length === 0) return null;
  const limit = Math.max(1, input.limit ?? DIGEST_LIMIT);
  const ranked = rankStories(deduped);
  const shown = ranked.slice(0, limit);
  const n = Math.max(deduped.length, input.total ?? 0);
  const tz = input.timezone;
  const updates = deduped.filter((s) => isUpdate(s, input.since)).length;
  const about = input.topic ? ` about “${input.topic}”` : '';
  return {
    visibility: 'public',
    title: input.title ?? (input.topic ? `News digest: ${input.topic}` : 'News digest'),
    intro: `${n} new ${n === 1 ? 'story' : 'stories'}${updates ? ` (${updates} updated)` : ''}${about} since ${formatLocalTime(input.since, tz)} (${tz})`,
    items: shown.map((s) => storyItemOf(s, 3, isUpdate(s, input.since))),
    more: n - shown.length,
    footer: input.late
      ? `Late digest: due ${formatLocalTime(input.slot, tz)} (${tz}), delivered after the bot restarted`
      : null,
  };
}
