// Shared text cleaning for everything a renderer shows: article text and user input are hostile.
// Pure: no I/O. Platform escaping lives in adapters/*/escape.ts; this only removes what no
// platform should ever show and shortens text at sentence or word boundaries.

/**
 * Invisible format characters (Unicode category Cf): zero-width (U+200B-U+200F), bidi embeddings
 * and overrides (U+202A-U+202E), isolates (U+2066-U+2069), word joiners (U+2060-U+2064), the
 * Arabic letter mark (U+061C), the BOM (U+FEFF), soft hyphens, tag characters and the like.
 */
const INVISIBLE = /\p{Cf}/gu;
/** C0 and C1 control characters except tab and newline (ESC included: no terminal escapes). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Lone surrogates: invalid UTF-16 that JSON consumers and platforms reject. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes invisible, bidi and control characters; keeps newlines (CR LF, CR, U+2028/9 become \n). */
export function sanitizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** sanitizeText, then every run of whitespace (newlines too) becomes one space: for titles and names. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Cuts raw text that is far longer than what will be shown (a 50 MB article, a 10,000-character
 * quotation) before the cleaning regexes run over it; the cut is marked with " …".
 */
export function clipRaw(text: string, max: number): string {
  const keep = max * 2 + 256;
  return text.length <= keep ? text : `${safeSlice(text, keep)} …`;
}

/** Number of UTF-16 code units; platforms count at most this many characters. */
export function textLength(text: string): number {
  return text.length;
}

const ELLIPSIS = '…';

/** Cuts at a code-unit index without splitting a surrogate pair. */
function safeSlice(text: string, end: number): string {
  if (end <= 0) return '';
  if (end >= text.length) return text;
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/**
 * Shortens text to at most `max` UTF-16 units, ending with "…": at the last sentence end when that
 * keeps at least 60% of the room, else at the last word boundary (at least 50%), else mid-word.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  const head = safeSlice(text, room);
  // A sentence end: . ! ? (optionally followed by a closing quote or bracket) and then whitespace.
  const sentenceEnd = /[.!?…][”"’')\]]?(?=\s)/g;
  let cut = -1;
  const probe = `${head} `;
  for (let m = sentenceEnd.exec(probe); m; m = sentenceEnd.exec(probe)) {
    const end = m.index + m[0].length;
    if (end <= head.length) cut = end;
  }
  if (cut >= room * 0.6) return `${head.slice(0, cut)} ${ELLIPSIS}`.slice(0, max);
  const space = head.search(/\s\S*$/);
  if (space >= room * 0.5) return `${head.slice(0, space).trimEnd()}${ELLIPSIS}`;
  return `${head}${ELLIPSIS}`;
}

/**
 * Shortens raw text so that `escape(result)` fits in `max` units: escaping makes text longer, so
 * the raw text is cut (at a boundary) until the escaped form fits. Never cuts an escape sequence.
 */
export function fitEscaped(raw: string, max: number, escape: (s: string) => string): string {
  let escaped = escape(raw);
  if (escaped.length <= max) return escaped;
  let budget = Math.min(raw.length, max);
  while (budget > 0) {
    escaped = escape(truncateText(raw, budget));
    if (escaped.length <= max) return escaped;
    budget -= Math.max(1, escaped.length - max);
  }
  return '';
}

/**
 * Returns the URL when it is an absolute http(s) URL, normalised by the WHATWG parser, else null
 * (javascript:, data:, relative and malformed URLs never become links).
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const cleaned = sanitizeLine(url);
  if (cleaned.length === 0 || cleaned.length > 2000) return null;
  let parsed: URL;
  try {
    parsed = new URL(cleaned);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  // Characters that would end or split a link in Discord or Slack markup are percent-encoded.
  return parsed.href.replace(/[()<>|[\]\s"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * A quotation as shown on its own: without the comma, semicolon or colon that ended it inside the
 * sentence it came from ("…ready for it," he said -> “…ready for it”).
 */
export function trimQuote(text: string): string {
  return text.replace(/[\s,;:]+$/u, '');
}

/**
 * "Reuters · 2026-11-29": source and the date part of an ISO date, whichever are present; a date
 * that is only when the story was added (no publication date known) reads "added 2026-11-29".
 */
export function sourceLine(source: string | null | undefined, date: string | null | undefined, dateAdded = false): string {
  const parts: string[] = [];
  const s = source ? sanitizeLine(source) : '';
  if (s) parts.push(s);
  const d = date ? formatDate(date) : '';
  if (d) parts.push(dateAdded ? `added ${d}` : d);
  return parts.join(' · ');
}

/** An ISO-8601 date or date-time shown as its date (YYYY-MM-DD); anything else is cleaned and kept. */
export function formatDate(date: string): string {
  const clean = sanitizeLine(date);
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(clean);
  return m?.[1] ?? truncateText(clean, 40);
}

/** A count to show ("…and N more"): a whole number >= 0 (NaN, negatives and fractions are cleaned). */
export function countOf(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}
