// Tokens of a masked paragraph: words, punctuation and masked quotes, with paragraph offsets.
import { ABBREVIATIONS } from './lexicon.ts';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** Starts with a capital letter (or is an initial / acronym). */
  cap: boolean;
}

const TOKEN = /\u2591+[.,?!]?|\p{N}+-(?:year|month|week|day)s?-old\b|(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}'’\-]*|\p{N}[\p{N}.,:]*\p{N}|\p{N}|\S/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN)) {
    const t = m[0];
    const start = from + m.index;
    const c = t[0]!;
    const code = t.charCodeAt(0);
    const isQuote = code === 0x2591;
    let isLetter: boolean;
    let cap: boolean;
    if (code < 128) {
      cap = code >= 65 && code <= 90;
      isLetter = cap || (code >= 97 && code <= 122);
    } else {
      const upperC = c.toUpperCase();
      isLetter = !isQuote && c.toLowerCase() !== upperC;
      cap = isLetter && c === upperC;
    }
    const isWord = !isQuote && (isLetter || (code >= 48 && code <= 57) || (code >= 128 && t.length > 1 && /^\p{N}/u.test(t)));
    let word = t;
    let lower = t.toLowerCase();
    // Attach the period of an abbreviation or an initial ("Mr.", "J.") to the word.
    if (isWord && text[start + t.length] === '.' && (ABBREVIATIONS.has(lower) || (t.length === 1 && cap))) {
      word = t + '.';
      lower += '.';
    }
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    out.push({ text: word, lower, start, end: start + word.length, kind: isQuote ? 'quote' : isWord ? 'word' : 'punct', cap });
  }
  // Drop period tokens that were attached to the preceding word.
  return out.filter((tok, i) => !(tok.text === '.' && i > 0 && out[i - 1]!.end === tok.end));
}

/** Lowercase word without a possessive ending or trailing dot: "Putin's" -> "putin", "Mr." -> "mr". */
export function bare(lower: string): string {
  return lower.replace(/'s$|'$/u, '').replace(/\.$/, '');
}
