// Sentence segmentation for news text, abbreviation-safe. Pure and linear in the text.
//
// Rules, in order:
// - a blank line (paragraph break) always ends a sentence;
// - inside a paragraph, a bullet line ("- ", "• ", "* ", "1. ") starts a new sentence unless the
//   line before it runs on (ends with "," ";" "and" "or");
// - after ". ! ? …" (with any closing quotes or brackets, which belong to the sentence) and
//   whitespace, a sentence ends unless the next word starts in lower case, or the full stop closes
//   an abbreviation: a title ("Mr.", "Gen."), an initial ("John F. Kerry"), an abbreviation before
//   a number ("Sept. 11", "No. 10"), a dotted acronym ("U.S.") or a company/list word ("Inc.",
//   "etc.") not followed by a typical sentence opener ("The", "He", "But", ...).
// Decimals, URLs, e-mail addresses and "$15.6" never break: a full stop ends a sentence only
// when whitespace follows it. Also:
// - an inline enumeration that opens a paragraph ("1) … 2) …", "a. … b. …", "• 4. … • 5. …")
//   gives one sentence per item, cut before the next label in sequence (enumerations.ts);
// - a spaced ellipsis (". . .") is one mark: three dots never end a sentence, four (an ellipsis and
//   a full stop) do before a capital;
// - "a.m."/"p.m." before a capital ends a sentence, unless the sentence so far is only the time
//   phrase ("At 7 a.m. Mrs. Diaz…"); "I." after a lower-case word is the pronoun, not an initial;
// - a citation in parentheses after a closing quote ('"…" (Reid 12).') stays with its sentence.
import type { Sentence } from '../article.ts';
import { AMBIGUOUS, BEFORE_NUMBER, OPENERS, TITLES } from './abbreviations.ts';
import { enumerationCuts, isEnumerationLabel } from './enumerations.ts';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g;
// no look-ahead: a long run of dots must be matched once, not once per dot (linear time)
const TERMINATOR = /[.!?…]+["'”’)\]»]*/g;
const BULLET_LINE = /\n[ \t]*(?:[-•*▪●◦–—]|\d{1,2}[.)])[ \t]+/g;
const RUNS_ON = /(?:[,;]|\b(?:and|or))[ \t]*$/;
const OPENING = /["'“‘(\[«]/;
const LOWERCASE_OK = new Set(['e.g', 'i.e', 'vs', 'v', 'cf', 'viz', 'approx', 'ca', 'etc', 'al', 'pp', 'p', 'ref']);

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let pos = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    splitParagraph(text, pos, m.index, out);
    pos = m.index + m[0].length;
  }
  splitParagraph(text, pos, text.length, out);
  return out;
}

function splitParagraph(text: string, start: number, end: number, out: Sentence[]): void {
  if (start >= end) return;
  const cuts: number[] = [];
  if (text.indexOf('\n', start) !== -1 && text.indexOf('\n', start) < end) bulletCuts(text, start, end, cuts);
  const items = enumerationCuts(text, start, end);
  let item = 0;
  let sentenceStart = start;
  TERMINATOR.lastIndex = start;
  for (let m = TERMINATOR.exec(text); m && m.index < end; m = TERMINATOR.exec(text)) {
    const stop = m.index + m[0].length;
    if (stop >= end) break;
    while (item < items.length && (items[item] as number) <= m.index) sentenceStart = Math.max(sentenceStart, items[item++] as number);
    if (!isSpace(text.charCodeAt(stop))) continue; // "3.5", "U.S.", "bbc.co.uk"
    if (isEnumerationLabel(text, sentenceStart, m.index)) continue; // "1. Raise taxes", "• 4. Cut"
    if (endsSentence(text, m.index, m[0], stop, end, sentenceStart)) {
      cuts.push(stop);
      sentenceStart = stop;
    }
  }
  for (const c of items) if (c > start) cuts.push(c);
  missingStops(text, start, end, cuts);
  if (cuts.length > 1) cuts.sort((a, b) => a - b);
  let from = start;
  for (const cut of cuts) {
    if (cut <= from) continue;
    push(text, from, cut, out);
    from = cut;
  }
  push(text, from, end, out);
}

// "…at high speed They spend twice as long…": a sentence opener in capitals after a lower-case
// word, with a lower-case word after it, where a full stop was lost (or a photo caption was glued
// to the story). Titles ("Faking It and…", "How We do") have a capital before the opener; day and
// month names are the exception ("…on Monday If you…").
const MISSING_STOP = /(?<=(?:^|[\s(])(?:\p{Ll}[\p{Ll}'’-]+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July|August|September|October|November|December)) (?=(?:The|He|She|They|It|We|If|But|This|These|There|When|After|His|Her|Their|Its) \p{Ll}{2})/gu;

function missingStops(text: string, start: number, end: number, cuts: number[]): void {
  const para = text.slice(start, end);
  if (!/[\p{Ll}y] (?:The|He|She|They|It|We|If|But|This|These|There|When|After|His|Her|Their|Its) /u.test(para)) return;
  MISSING_STOP.lastIndex = 0;
  for (let m = MISSING_STOP.exec(para); m; m = MISSING_STOP.exec(para)) cuts.push(start + m.index + 1);
}

function bulletCuts(text: string, start: number, end: number, cuts: number[]): void {
  BULLET_LINE.lastIndex = start;
  for (let m = BULLET_LINE.exec(text); m && m.index < end; m = BULLET_LINE.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const previous = text.slice(Math.max(lineStart, start), m.index);
    if (previous.trim() && !RUNS_ON.test(previous)) cuts.push(m.index);
  }
}

function push(text: string, from: number, to: number, out: Sentence[]): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (to > from) out.push({ text: text.slice(from, to), start: from, end: to });
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a);
}

/** Decide whether the terminator `term` found at `at` (ending at `stop`, whitespace next) ends a sentence. */
function endsSentence(text: string, at: number, term: string, stop: number, end: number, sentenceStart: number): boolean {
  let j = stop;
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  if (j >= end) return false;
  let first = text[j] ?? '';
  if (first === '.' || first === '…') return false; // inside a spaced ellipsis ". . ."
  let k = j;
  while (k < end && OPENING.test(first)) first = text[++k] ?? '';
  const quoted = k > j;
  if (isLower(first)) return false;
  if (/^[\s,;:]/.test(first)) return false;
  if (text[j] === '(' && /["”’'\]]$/.test(term) && isCitation(text, j, end)) return false; // '"…" (Reid 12).'
  if (term[0] === '…' || term.startsWith('..')) return !isSpace(text.charCodeAt(at - 1)); // "I'm A Celebrity ... Get Me Out" is one title
  if (term[0] !== '.') return true; // ! and ? end a sentence before a capital
  if (isSpace(text.charCodeAt(at - 1)) && text[at - 2] === '.') return spacedDots(text, at) >= 4; // ". . . ." ends, ". . ." does not
  const word = wordBefore(text, at);
  if (word === '' || /\d$/.test(word)) return true;
  const lower = word.toLowerCase();
  // "Mr", "Sept", "Inc" (title case) or a lower-case list word; "SEC" or "NO" in capitals are words of their own
  const capital = /^\p{Lu}\p{Ll}*$/u.test(word) || LOWERCASE_OK.has(lower);
  const next = nextWord(text, k, end);
  const opener = quoted || OPENERS.has(next.toLowerCase());
  if (word === 'I' && isLower(previousWordStart(text, at - 1))) return true; // "you and I. Did…": the pronoun
  if (/^[a-z]$/i.test(word)) return opener;
  if (/^(?:[a-z]\.)+[a-z]$/i.test(word)) {
    if (lower === 'a.m' || lower === 'p.m') return (isUpper(first) || quoted) && wordsBetween(text, sentenceStart, at) > 3;
    if (lower === 'e.g' || lower === 'i.e') return false;
    return opener;
  }
  if (/^n[°º]$/i.test(word) && /\d/.test(first)) return false; // "N°. 1026"
  if (capital && TITLES.has(lower)) return false;
  if (capital && BEFORE_NUMBER.has(lower) && /\d/.test(first)) return false;
  if (capital && AMBIGUOUS.has(lower)) return opener;
  return true;
}

/** Dots in the spaced run ". . . ." that ends at `at`. */
function spacedDots(text: string, at: number): number {
  let n = 0;
  let i = at;
  while (i >= 0 && text[i] === '.') {
    n++;
    i--;
    while (i >= 0 && text[i] === ' ') i--;
  }
  return n;
}

/** "(Reid 12)." or "(Times, 2019)," at `open`: a short parenthesis followed by punctuation or the end. */
function isCitation(text: string, open: number, end: number): boolean {
  const close = text.indexOf(')', open);
  if (close < 0 || close - open > 60 || close >= end) return false;
  if (/[.!?]/.test(text.slice(open, close))) return false;
  const after = text[close + 1];
  return after === undefined || close + 1 >= end || /[.,;:]/.test(after);
}

/** The first letter of the word before position `i` ("you and I" at "I" -> "a"). */
function previousWordStart(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  while (k > 0 && !isSpace(text.charCodeAt(k - 1))) k--;
  return text[k] ?? '';
}

function wordsBetween(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1)) && !/["'“‘(\[«—–\/]/.test(text[i - 1] ?? '')) i--;
  return text.slice(i, at);
}

function nextWord(text: string, from: number, end: number): string {
  let i = from;
  while (i < end && /[\p{L}\p{N}]/u.test(text[i] ?? '')) i++; // "It's" -> "It"
  return text.slice(from, i);
}

function isLower(c: string): boolean {
  return c !== '' && c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== '' && c !== c.toLowerCase() && c === c.toUpperCase();
}
