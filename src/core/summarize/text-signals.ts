// Word-level signals for the summarizer: content words, names and numbers, captions, datelines. Pure.

const STOPWORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves said says say told according mr mrs ms dr one two new also year years last first ' +
    'may might must shall us s t re ve ll d m don didn doesn isn wasn weren won wouldn couldn shouldn')
    .split(/\s+/),
);

/** Whether a lower-case word is a stop word (function words, reporting verbs). */
export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower);
}

/** A light, deterministic stem: enough to match "talks"/"talk", "stabbed"/"stabbing". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}

/** One pass over a sentence: its stemmed content words, its word count, and its names and numbers. */
export interface TextStats {
  words: string[];
  count: number;
  entities: number;
  /** Words starting in lower case: prose has many, a results table or a name list has few. */
  lowercase: number;
  /** The names and numbers themselves, stemmed and lower-cased (a subset of `words`). */
  entityWords: string[];
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

/** Words, scanned by character code (several times faster than a Unicode regex). */
export function textStats(text: string): TextStats {
  const words: string[] = [];
  const entityWords: string[] = [];
  let count = 0;
  let entities = 0;
  let lowercase = 0;
  const n = text.length;
  const lowerText = text.toLowerCase();
  const sameLength = lowerText.length === n; // true unless a letter lower-cases to two code units
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let digit = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digit = true;
      else if (!isWordCode(c)) break;
      i++;
    }
    const end = i;
    // skip an apostrophe suffix: "Xi's", "don't"
    const c = text.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isWordCode(text.charCodeAt(i))) i++;
    }
    const lower = sameLength ? lowerText.slice(start, end) : text.slice(start, end).toLowerCase();
    const stop = STOPWORDS.has(lower);
    const capital = isCapital(text, lowerText, start, sameLength);
    const entity = digit || (count > 0 && !stop && capital);
    if (entity) entities++;
    if (!digit && !capital) lowercase++;
    count++;
    if (!stop && (lower.length > 1 || digit)) {
      const w = stem(lower);
      words.push(w);
      if (entity) entityWords.push(w);
    }
  }
  return { words, count, entities, lowercase, entityWords };
}

function isCapital(text: string, lowerText: string, at: number, aligned: boolean): boolean {
  if (aligned) return text.charCodeAt(at) !== lowerText.charCodeAt(at);
  const c = text[at] ?? '';
  return c !== c.toLowerCase();
}

/** Stemmed content words of a text (stop words removed), in order, with repeats. */
export function contentWords(text: string): string[] {
  return textStats(text).words;
}

/** Number of words (as a reader counts them). */
export function wordCount(text: string): number {
  return textStats(text).count;
}

/** Names and numbers: capitalised words not opening the sentence, and figures. */
export function entityCount(text: string): number {
  return textStats(text).entities;
}

/**
 * A photo caption glued in front of the text (Daily Mail style): a short label and a colon
 * ("Injured: Chris Copeland, ..."), or a caption run into the next sentence with no full stop.
 */
export function looksLikeCaption(text: string): boolean {
  if (!text.includes(': ')) return false;
  if (/^\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,2}: \p{Lu}/u.test(text)) return true; // "Injured: Chris Copeland ..."
  return /\p{Ll} \p{Lu}\p{Ll}+: \p{Lu}/u.test(text); // "... on Wednesday Cuffed: Pero Antic ..."
}

/** Length of a source tag or dateline opening a sentence: "(CNN)", "LONDON (Reuters) - ", "PARIS — ". */
export function datelineLength(text: string): number {
  const m = /^(?:\((?:[A-Z][\w.&' ]{0,30})\)\s*|[A-Z]{2}[A-Z .,'’-]{0,40}(?:\s*\([\w .&']{1,30}\))?\s+[-—–]+\s+)(?=[A-Z"“‘'])/.exec(text);
  return m && m[0].length < text.length - 10 ? m[0].length : 0;
}
