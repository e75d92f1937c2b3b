// A paragraph with its quoted words masked out, and its sentences, so that attribution rules
// read only the reporter's words ("qqqq," he said) and punctuation inside quotes splits nothing.
import { ABBREVIATIONS, SPEECH_VERBS } from './lexicon.ts';
import type { Segment } from './marks.ts';

/** The character that replaces quoted words in a masked paragraph. */
export const MASK = '\u2591';

export interface Masked {
  /** Same length as the paragraph: quote contents become MASK (a final . , ? ! is kept), marks become '"'. */
  text: string;
  /** Sentence ranges [start, end) over the paragraph. */
  sentences: Array<{ start: number; end: number }>;
}

export function maskParagraph(text: string, segments: readonly Segment[], blanks: readonly Segment[] = []): Masked {
  const chars = segments.length > 0 || blanks.length > 0 ? text.split('') : [];
  // Nicknames inside names (`Marcia "Cia" Price`) vanish so the name reads as one.
  for (const b of blanks) for (let i = b.open; i <= b.close && i < chars.length; i++) chars[i] = ' ';
  for (const s of segments) {
    if (s.depth !== 0) continue;
    const end = s.close === -1 ? text.length : s.close;
    for (let i = s.open + 1; i < end; i++) chars[i] = i >= s.start && i < s.end ? MASK : ' ';
    let k = s.end - 1;
    while (k > s.start && /['’"”]/.test(text[k]!)) k--;
    const last = text[k];
    if (last && /[.,?!]/.test(last) && s.end - 1 > s.open) chars[s.end - 1] = last;
    chars[s.open] = '"';
    if (s.close !== -1) chars[s.close] = '"';
  }
  // Parentheticals ("(R-Ohio)") are noise for attribution; blank them, keep offsets.
  let masked = segments.length > 0 || blanks.length > 0 ? chars.join('') : text;
  if (masked.includes('(')) masked = masked.replace(/\([^()"]{0,80}\)/g, (m) => ' '.repeat(m.length));
  if (/[‘’]/.test(masked)) masked = masked.replace(/[‘’]/g, "'");
  return { text: masked, sentences: splitSentences(masked) };
}

const BOUNDARY = /[.?!]+["')\]]*\s+(?=["'(\[]?[A-Z0-9\u2591])/g;

export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index;
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? '';
    const word = before.toLowerCase().replace(/^\.+/, '');
    if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before)) continue;
    const end = at + m[0].length;
    // `"Why?" Clinton asked.` — a name and a speech verb after ?" or !" continue the sentence.
    if (/[?!]["']/.test(m[0]) && attributionFollows(text.slice(end, end + 80))) continue;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function attributionFollows(rest: string): boolean {
  const words = rest.split(/\s+/).slice(0, 7);
  for (const w of words) {
    const bareWord = w.replace(/[^\p{L}'’-]/gu, '');
    if (SPEECH_VERBS.has(bareWord) && bareWord === bareWord.toLowerCase()) return true;
    if (/[.!?;]$/.test(w) && !/^(?:\p{Lu}\.|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.)$/u.test(w)) return false;
  }
  return false;
}
