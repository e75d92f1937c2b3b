// Name variants of one entity within an article: organisations under one stem ("the Conservatives",
// "Conservative party", "the Tories") and misspelt surnames ("Mitroshin", "Mitroshyn"). Pure.
import { distance } from 'fastest-levenshtein';
import { spellingKey } from '../speaker-identity.ts';
import { fold } from './entity-names.ts';
import type { SpeakerKind } from '../article.ts';

/** What these rules read of a registry entity. */
interface Named {
  name: string;
  words: string[];
  kind: SpeakerKind;
}

export const HONORIFIC_START = /^\s*(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof)\b/i;

/** Party names that mean one another (general news usage). */
const ORG_SYNONYMS: ReadonlyMap<string, string> = new Map([['tory', 'conservative'], ['gop', 'republican'], ['lib dem', 'liberal democrat'], ['dem', 'democrat'], ['democratic', 'democrat']]);

/** An organisation's name words, titles kept ("Conservative Party" is not "Party"). */
export function rawWords(name: string): string[] {
  return fold(name).replace(/'s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Organisation stems by name as written (a pure function's cache: names repeat across articles); "" for
 *  names that cannot be one. */
const STEMS = new Map<string, string>();
export function stemOfName(name: string): string {
  let s = STEMS.get(name);
  if (s === undefined) {
    const words = rawWords(name);
    s = words.length === 0 || words.length > 4 || words.includes('and') ? '' : orgStem(words);
    if (STEMS.size >= 20_000) STEMS.clear();
    STEMS.set(name, s);
  }
  return s;
}

/** The stem of an organisation's name: "the Conservative Party", "Conservatives", "Tories" -> "conservative". */
export function orgStem(words: readonly string[]): string {
  const w = words.filter((x) => x !== 'the');
  if (w.length > 1 && w[w.length - 1] === 'party') w.pop();
  const last = w[w.length - 1];
  if (last && last.length > 4 && !last.endsWith('ss')) w[w.length - 1] = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.replace(/s$/, '');
  const stem = w.join(' ');
  return ORG_SYNONYMS.get(stem) ?? stem;
}

/**
 * Organisations: one canonical name per organisation in an article. "the Conservatives", "Conservative
 * party", "Conservative" and "the Tories" share a stem with an organisation already named.
 */
export function sameOrganisationIn<E extends Named>(entities: readonly E[], name: string, stemOf: (e: E) => string = (e) => stemOfName(e.name)): E[] {
  let stem: string | null = null;
  for (const e of entities) {
    if (e.kind !== 'organisation') continue;
    stem ??= stemOfName(name);
    if (stem && stemOf(e) === stem) return [e];
  }
  return [];
}

/**
 * Names: a misspelt variant of a surname already in the article ("Mitroshin" then "Mitroshyn") is the
 * same person: one edit apart (or the same spelling key) on a surname of six letters or more, with the
 * same first name or initial when both are given.
 */
export function misspeltIn<E extends Named>(entities: readonly E[], words: readonly string[]): E[] {
  const last = words[words.length - 1]!;
  if (last.length < 6 || words.includes('and') || words.length > 3) return [];
  let key: string | null = null;
  const out: E[] = [];
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const el = e.words[e.words.length - 1]!;
    if (el[0] !== last[0] || Math.abs(el.length - last.length) > 1 || el === last || el.length < 6) continue;
    // (A plural is not a misspelling: "Democrats" is not "Democrat".)
    if (el + 's' === last || last + 's' === el) continue;
    key ??= spelling(last);
    if (spelling(el) !== key && distance(el, last) > 1) continue;
    if (words.length > 1 && e.words.length > 1 && e.words[0]![0] !== words[0]![0]) continue;
    out.push(e);
  }
  return out.length === 1 ? out : [];
}

/** Spelling keys by word (a pure function's cache). */
const SPELLINGS = new Map<string, string>();
function spelling(w: string): string {
  let k = SPELLINGS.get(w);
  if (k === undefined) {
    k = spellingKey(w);
    if (SPELLINGS.size >= 20_000) SPELLINGS.clear();
    SPELLINGS.set(w, k);
  }
  return k;
}
