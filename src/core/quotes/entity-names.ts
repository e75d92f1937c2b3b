// Entity names: folding, name words without titles, and what kind of thing a name names.
import type { SpeakerKind } from '../article.ts';
import { FIRST_NAMES, ORG_WORDS, PLACE_WORDS, TITLES } from './lexicon.ts';

const PLACES = new Set(['united states', 'america', 'washington', 'russia', 'china', 'ukraine', 'moscow', 'beijing', 'kyiv', 'kiev', 'britain', 'london', 'europe', 'iran', 'israel', 'japan', 'germany', 'france', 'india', 'canada', 'mexico', 'syria', 'iraq', 'afghanistan', 'north korea', 'south korea', 'taiwan', 'new york', 'california', 'texas', 'florida', 'ohio', 'pennsylvania', 'virginia', 'chicago', 'brussels', 'paris', 'berlin', 'tokyo', 'scotland', 'wales', 'england', 'ireland', 'turkey', 'egypt', 'saudi arabia', 'pakistan', 'australia', 'brazil', 'spain', 'italy', 'poland', 'nato', 'white house', 'kremlin', 'downing street', 'pentagon', 'whitehall', 'westminster', 'capitol hill']);

export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’]/g, "'");
}

export function nameWords(name: string): string[] {
  const words = fold(name).replace(/'s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  while (words.length > 1 && /^(?:jr|sr|ii|iii|iv)$/.test(words[words.length - 1]!)) words.pop();
  return words;
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'hundred', 'thousand', 'first', 'second', 'third']);

export function kindOf(name: string, words: readonly string[]): SpeakerKind {
  const f = words.join(' ');
  // Names: "China and Russia" is a group of speakers, but "Department for Ports and Ferries" and
  // "Food and Drug Administration" are one organisation.
  if (words.includes('and') && !words.some((w) => ORG_WORDS.has(w) || w === 'for' || w === 'of')) return 'group';
  // "Liam Fox", "Charlotte Church", "Tony Hall": a first name before a surname that is also an org or place word.
  const last = words[words.length - 1]!;
  if (words.length >= 2 && words.length <= 3 && FIRST_NAMES.has(words[0]!) && !PLACES.has(f) && !/^(?:station|airport|stadium|hospital|university|college|school|street|road|square|bridge|prison|palace|centre|center|arena|foundation|institute|trust|fund)$/.test(last)) return 'person';
  if (PLACES.has(f) || (words.length > 1 && PLACE_WORDS.has(last))) return 'place';
  if (words.some((w) => ORG_WORDS.has(w)) || /^\p{Lu}{2,5}$/u.test(name.trim())) return 'organisation';
  if (/^[\p{Lu}\s.'’-]+$/u.test(name) && /\s/.test(name.trim())) return 'unknown';
  // "Six Nations", "Three Kings": a name opening with a number word is an event or a thing.
  if (NUMBER_WORDS.has(words[0]!)) return 'unknown';
  return 'person';
}

export function isKnownPlace(name: string): boolean {
  return PLACES.has(nameWords(name).join(' '));
}
