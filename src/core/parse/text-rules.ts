// The general rules the plain-text parser uses to tell a headline, a sub-heading, a bullet and a
// block-quote introduction from an ordinary paragraph. Pure string predicates, no state.

const OPENERS = /^["'“‘«(\[]+/u;
const TERMINAL = /[.!?…]$/u;
const ANY_END_PUNCT = /[.!?…,;:\-–—]$/u;

/** Short words that stay lower-case in a title-cased headline ("Putin and Xi Meet in Moscow"). */
const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of',
  'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than',
  'is', 'be', 'it', 'its', 'if', 'de', 'la', 'von', 'van', 'der',
]);

/** Words a complete heading does not end on: a line that ends on one is a broken sentence. */
const DANGLING_END = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from',
  'as', 'that', 'which', 'who', 'said', 'says', 'is', 'was', 'were', 'are', 'be', 'his', 'her',
  'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'than', 'into', 'has', 'have', 'had',
]);

const BULLET = /^(?:[•●▪◦·‣∙]|[-*–](?=\s))\s*/u;

export function wordsOf(s: string): string[] {
  return s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

const CLOSER_CHARS = new Set(['"', "'", '”', '’', '»', ')', ']', ' ', '\t', '\u00A0']);

/** The line without trailing closing quotes/brackets/spaces (a loop: no regex backtracking). */
function stripClosers(s: string): string {
  let end = s.length;
  while (end > 0 && CLOSER_CHARS.has(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

export function endsWithTerminal(s: string): boolean {
  return TERMINAL.test(stripClosers(s));
}

export function isBulletLine(s: string): boolean {
  return BULLET.test(s) && s.replace(BULLET, '').trim().length > 0;
}

export function stripBullet(s: string): string {
  return s.replace(BULLET, '').trim();
}

/** Share of the significant words that start with a capital letter or a digit. */
export function titleCaseRatio(s: string): number {
  const words = wordsOf(s).map((w) => w.replace(OPENERS, ''));
  const significant = words.filter((w, i) => i === 0 || !MINOR_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return 0;
  const capped = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w));
  return capped.length / significant.length;
}

/** Double quotation marks are balanced (an open quote means the line is part of a quotation). */
function quotesBalanced(s: string): boolean {
  const straight = (s.match(/"/g) ?? []).length;
  const open = (s.match(/“/g) ?? []).length;
  const close = (s.match(/”/g) ?? []).length;
  return straight % 2 === 0 && open === close;
}

function startsLikeSentence(s: string): boolean {
  return /^\p{Lu}|^\p{N}/u.test(s.replace(OPENERS, ''));
}

/**
 * Is the first line of a document its headline? A headline is short, is followed by more text,
 * and either has no terminal punctuation or is title-cased (some outlets end titles with '.').
 */
export function looksLikeHeadline(line: string, hasMore: boolean): boolean {
  if (!hasMore || isBulletLine(line)) return false;
  const text = line.trim();
  const words = wordsOf(text);
  if (words.length === 0 || words.length > 25 || text.length > 200) return false;
  const bare = stripClosers(text);
  if (/[:,]$/u.test(bare)) return false;
  // "Candidates vie for vets' support;": a title with a dangling separator, never a sentence end.
  if (/;$/u.test(bare)) return words.length <= 20;
  if (!endsWithTerminal(text)) return true;
  // Ends like a sentence: a title-cased line, or a short one that does not open like a
  // sentence of running text (pronoun subject, "(CNN)" source tag), is still a headline.
  if (words.length <= 20 && titleCaseRatio(text) >= 0.6) return true;
  const firstWord = (words[0] ?? '').replace(OPENERS, '').replace(/[’']s$/u, '').toLowerCase();
  return words.length <= 11 && !text.startsWith('(') && !RUNNING_TEXT_START.has(firstWord);
}

/** Words that open a sentence of running text but rarely a headline. */
const RUNNING_TEXT_START = new Set([
  'it', 'its', 'they', 'he', 'she', 'we', 'i', 'you', 'this', 'that', 'there', 'here', 'these',
  'those', 'his', 'her', 'their', 'our', 'but', 'and', 'so', 'yet', 'when', 'while', 'if',
]);

/**
 * Is this body paragraph a sub-heading? Short, no end punctuation, starts like a sentence, does
 * not dangle on a function word, is not part of a quotation, and a new sentence follows it.
 */
export function looksLikeSubheading(text: string, prev: string | null, next: string | null): boolean {
  if (next === null || isBulletLine(text)) return false;
  // Between two pieces of prose: a run of short lines is a table or a list, not headings.
  if (!isProse(next) || (prev !== null && !isProse(prev))) return false;
  const words = wordsOf(text);
  if (words.length === 0 || words.length > 10 || text.length > 80) return false;
  if (!words.some((w) => /\p{L}{2}/u.test(w))) return false;
  if (ANY_END_PUNCT.test(stripClosers(text))) return false;
  if (!startsLikeSentence(text) || !quotesBalanced(text)) return false;
  const last = (words[words.length - 1] ?? '').replace(/[^\p{L}]/gu, '').toLowerCase();
  if (DANGLING_END.has(last)) return false;
  return startsLikeSentence(next) || /^["“‘']/u.test(next);
}

/** A paragraph of running text: a sentence end, or long enough to be one. */
function isProse(text: string): boolean {
  return endsWithTerminal(text) || /:$/u.test(text) || wordsOf(text).length >= 12;
}

const SPEECH = /\b(?:said|says|say|told|tells|tell|added|adds|wrote|writes|write|stated|states|reported|reports|report|tweeted|tweets|posted|posts|declared|declares|explained|explains|announced|announces|continued|continues|asked|asks|answered|answers|replied|replies|argued|argues|warned|warns|insisted|insists|noted|notes|commented|comments|statement|remarks|address|conference|interview|read|reads|according to|put it|writing)\b/iu;

/** A line such as "Zelensky told a press conference:" that introduces an unquoted block quote. */
export function introducesBlockQuote(text: string): boolean {
  if (!/:$/u.test(text.trim()) || text.length > 300) return false;
  return SPEECH.test(text);
}

export function startsWithQuoteMark(text: string): boolean {
  return /^[-–—\s]*["“”‘’'«]/u.test(text);
}

export function hasQuoteMark(text: string): boolean {
  return /["“”«»]/u.test(text);
}

/** First-person words: a block quote continues while the speaker keeps speaking. */
export function isFirstPerson(text: string): boolean {
  return /\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|us|my|My|me)\b/u.test(text);
}
