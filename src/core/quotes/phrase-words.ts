// Word classes and the Mention type shared by the phrase parsers (mentions.ts, phrase-after.ts). Pure.
import { ORG_WORDS, PLACE_WORDS, PRONOUNS, SPEECH_VERBS } from './lexicon.ts';
import { bare, type Token } from './tokens.ts';

export type MentionKind = 'name' | 'pronoun' | 'nominal' | 'group';

export interface Mention {
  kind: MentionKind;
  /** The words at the attribution ("Retired Lt. Gen. Michael Flynn", "he", "the Russian president"). */
  text: string;
  /** For names and groups: the name without titles ("Michael Flynn"); for nominals: the noun phrase without determiner. */
  name: string;
  /** Words describing the person at this mention ("Russian President", "a top Trump surrogate"). */
  role: string | null;
  /** Token index range [from, to) of the mention. */
  from: number;
  to: number;
  /** The name is an organisation speaking through a spokesperson ("a spokeswoman for Lakeside Ferries"). */
  org?: boolean;
}

/** Staff who speak for the body after "for"/"at"/"from" ("a spokesman for X"). */
export const SPOKES = /^(?:spokes(?:man|woman|person)|representative|official)$/;

export const POSSESSIVE = /(?:'s|s')$/;
/** The head word of an organisation's or a place's name ("Union", "Hospital"), written with a capital. */
export const orgHead = (t: Token | undefined): boolean => !!t && t.kind === 'word' && t.cap && (ORG_WORDS.has(bare(t.lower)) || PLACE_WORDS.has(bare(t.lower)));
/** A plural possessive (token `p`) inside an organisation's name: "Lawyers' Christian Fellowship". */
export function pluralBeforeOrg(tokens: readonly Token[], p: number): boolean {
  if (!/s'$/.test(tokens[p]?.lower ?? '')) return false;
  for (let j = p + 1; j < tokens.length && j <= p + 4 && tokens[j]!.kind === 'word' && tokens[j]!.cap; j++) if (orgHead(tokens[j])) return true;
  return false;
}
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'one', 'another', 'some', 'two', 'three', 'several', 'both', 'many', 'most']);
export const CONNECTORS = new Set(['of', 'de', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'da', 'der', 'den', 'ter', 'dos', 'das', 'del', 'della', 'di', 'el', 'ibn', 'st.']);
export const BARE_PLURALS = new Set(['officials', 'aides', 'sources', 'critics', 'analysts', 'experts', 'police', 'prosecutors', 'researchers', 'supporters', 'witnesses', 'residents', 'protesters', 'lawmakers', 'democrats', 'republicans', 'observers', 'investigators', 'economists', 'scientists', 'doctors', 'advisers', 'advisors', 'organizers', 'organisers', 'authorities', 'people', 'voters']);
export const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'when', 'while', 'if', 'because', 'as', 'but', 'so', 'or', 'where', 'after', 'before', 'since', 'than', 'then', 'to', 'for', 'with', 'by', 'from', 'in', 'on', 'at', 'into', 'about', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'be', 'been', 'not', 'also', 'and', 'it', 'what', 'how', 'why', 'even', 'though', 'although', 'did', 'does', 'do', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'over', 'under', 'against', 'during', 'without', 'through', 'like', 'said', 'says']);

export function isSpeechVerb(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !t.cap && SPEECH_VERBS.has(t.lower);
}

/** A speech verb in a form that cannot be a modifier ("said", "tells"; not "talk radio"). */
export function finiteSpeech(w: string): boolean {
  return SPEECH_VERBS.has(w) && (/(?:ed|s|ing)$/.test(w) || /^(?:said|told|wrote|spoke|say|tell|write|add|ask)$/.test(w));
}

/** "he", "she's", "they'd": the pronoun without its contraction, or null. */
export function pronounOf(t: Token | undefined): string | null {
  if (!t || t.kind !== 'word') return null;
  const w = t.lower.replace(/'(?:s|d|ll|ve|re|m)$/, '');
  return PRONOUNS.has(w) ? w : null;
}
