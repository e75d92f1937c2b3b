// A headline made from the lead when the article has none. Pure.
//
// The lead sentence, whole when it fits; otherwise cut at a word boundary with "…", and never
// inside a quotation: when the cut would fall inside one, the headline stops before it opens.
import type { Sentence } from '../article.ts';
import { quoteRoles, quoteSpans } from '../sentences/index.ts';
import { isBoilerplate } from './boilerplate.ts';
import { datelineLength } from './text-signals.ts';

export const HEADLINE_MAX = 100;
const ELLIPSIS = '…';
/** A cut shorter than this reads as a fragment: try the next sentence instead. */
const MIN_USEFUL = 25;

/** Shorten one sentence to at most `max` characters, or null when no clean cut exists. */
export function shortenHeadline(sentence: string, max = HEADLINE_MAX): string | null {
  const text = sentence.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text.replace(/(?<![.\s])\.$/, ''); // headline style: no final full stop
  const limit = max - ELLIPSIS.length;
  let cut = lastWordBoundary(text, limit);
  for (const q of quoteSpans(text)) {
    if (q.start < cut && cut < q.end) cut = q.start; // inside a quotation: stop before it opens
  }
  const head = tidyEnd(text.slice(0, cut));
  if (head.length === 0) return null;
  return head + ELLIPSIS;
}

/** Drop trailing punctuation and a dangling little word ("…the city by 2030, the" -> "…by 2030"). */
function tidyEnd(text: string): string {
  let out = text;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/[\s,;:—–-]+$/u, '').replace(/\s+(?:and|or|but|of|to|the|a|an|in|on|at|for|from|with|by|as|that|which|who|said|says|told)$/i, '');
  }
  return out;
}

function lastWordBoundary(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const space = text.lastIndexOf(' ', limit);
  return space > 0 ? space : 0;
}

/** The best short headline from the first sentences of the body; '' for an empty body. */
export function headlineFromLead(sentences: readonly Sentence[], max = HEADLINE_MAX): string {
  let fallback: string | null = null;
  const first = sentences.slice(0, 8);
  const roles = quoteRoles(first);
  const lead = first.filter((s, i) => roles[i] === 'none' && !isBoilerplate(s.text)).slice(0, 5);
  for (const s of lead) {
    const head = shortenHeadline(s.text.slice(datelineLength(s.text)), max);
    if (head && head.length >= Math.min(MIN_USEFUL, s.text.length)) return head;
    if (head && fallback === null) fallback = head;
  }
  if (fallback) return fallback;
  // Every lead sentence is (part of) a long quotation: cut inside it, but close it, so no half quote shows.
  const text = (lead[0] ?? first[0])?.text.replace(/\s+/g, ' ').trim() ?? '';
  const spans = quoteSpans(text);
  const open = spans.find((q) => !q.closed);
  if (text.length <= max - 1) return open ? text + closingFor(text[open.start] ?? '"') : text;
  const cut = lastWordBoundary(text, max - 2);
  const inside = spans.find((q) => q.start < cut && cut < q.end);
  const head = tidyEnd(text.slice(0, cut));
  if (!inside) return head + ELLIPSIS;
  return head + ELLIPSIS + closingFor(text[inside.start] ?? '"');
}

function closingFor(open: string): string {
  if (open === '“') return '”';
  if (open === '‘') return '’';
  return open;
}
