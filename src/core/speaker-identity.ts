// The cross-article speaker registry policy, as pure functions for the store-side use case: under
// which keys two speakers of different articles are one person (full names and spelling or
// transliteration variants of them, never a surname alone, a title or a role), which aliases stay
// article-local roles, which "names" are not names, and which quotes are listed by default.
import type { Quote, SpeakerKind } from './article.ts';
import { PERSONAL_TITLES, TITLE_WORDS } from './titles.ts';

/** Cyrillic letters in the common news romanisation (Путин -> Putin, Зеленский -> Zelenskiy). */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz',
};

/** Latin letters for Cyrillic ones, keeping the case of the first letter ("Владимир Путин" -> "Vladimir Putin"). */
export function transliterate(text: string): string {
  if (!/[\u0400-\u04ff]/u.test(text)) return text;
  return text.replace(/[\u0400-\u04ff]/gu, (c) => {
    const lower = c.toLowerCase();
    const latin = CYRILLIC[lower] ?? '';
    return c !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  });
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Name words: transliterated, accent-free, lowercase, possessive and leading titles and "the" dropped. */
function nameWords(name: string): string[] {
  const folded = transliterate(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '');
  const out = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (out.length > 1 && (PERSONAL_TITLES.has(out[0]!) || out[0] === 'the')) out.shift();
  while (out.length > 1 && SUFFIXES.has(out[out.length - 1]!)) out.pop();
  return out;
}

/** "Mr. López's" -> "lopez", "Владимир Путин" -> "vladimir putin". */
export function foldName(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * A compact spelling key for one word, so that transliteration and spelling variants meet:
 * Zelenskyy, Zelensky and Zelenskiy -> "zelenski"; Khodorkovsky, Hodorkovskiy -> "hodorkovski".
 */
export function spellingKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/kh/g, 'h')
    .replace(/w/g, 'v')
    .replace(/(?:iy|yy|ij|ii|yj|y)$/g, 'i')
    .replace(/y/g, 'i')
    .replace(/j(?=[aeiou])/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Members of a group speaker: "China and Russia" -> ["China", "Russia"]; any other name -> [name]. */
export function groupMembers(name: string): string[] {
  const parts = name.split(/\s*(?:,|\band\b|&)\s*/i).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts : [name.trim()];
}

/**
 * The keys under which a speaker may be merged with speakers of other articles: the full name and
 * its spelling/transliteration variant. A person known by one word only ("Brown") has none: a surname
 * alone is weak evidence. A group ("China and Russia") has none: it is not one speaker (index its
 * members, see groupMembers). A title or a role never yields a key.
 */
export function identityKeys(name: string, kind: SpeakerKind = 'person'): string[] {
  const checked = checkSpeakerName(name, kind);
  if (checked.name === null || kind === 'group' || groupMembers(name).length > 1) return [];
  const w = nameWords(checked.name);
  if (w.length === 0 || (kind === 'person' && w.length < 2)) return [];
  const full = w.join(' ');
  return [...new Set([full, w.map(spellingKey).join(' ')])];
}

/**
 * Keys to look a typed name up by (`/quote who:`): the identity keys plus the surname and its spelling
 * key, so "Путин", "Putin" and "Vladimir Putin" all find "Vladimir Putin". Surname keys are for lookup
 * only, where the answer says which person it chose; they never merge two speakers.
 */
export function lookupKeys(query: string): string[] {
  const w = nameWords(query);
  if (w.length === 0) return [];
  const last = w[w.length - 1]!;
  return [...new Set([w.join(' '), w.map(spellingKey).join(' '), last, spellingKey(last)])];
}

/** Two names of different articles are one speaker: they share an identity key. */
export function sameIdentity(a: string, b: string, kind: SpeakerKind = 'person'): boolean {
  const kb = new Set(identityKeys(b, kind));
  return identityKeys(a, kind).some((k) => kb.has(k));
}

const DESCRIPTION_WORDS = /^(?:the|a|an|his|her|their|its|of|for|at|and|[0-9]+-year-old|year-old|new|top|senior|chief|former|then|current|local|national|regional|federal|foreign|home|shadow)$/;
const DEMONYM = /^(?:[a-z]+(?:an|ian|ese|ish|ic|i))$/;

/**
 * An alias that is a title, role or description rather than a name: "the minister", "the prime minister",
 * "Russian President", "the 48-year-old", "a spokesman". Roles are article-local: they resolve to a
 * person within their article, and never merge speakers across articles.
 */
export function isRoleAlias(alias: string): boolean {
  const raw = transliterate(alias).normalize('NFKD').replace(/\p{M}+/gu, '').trim();
  if (!raw) return false;
  const words = raw.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  if (words.length === 0) return false;
  // "the harbour master", "a spokesman for the union": a determiner and no capitalised name word.
  const capitalised = raw.split(/\s+/).slice(1).some((w) => /^\p{Lu}/u.test(w) && !TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')) && !DEMONYM.test(w.toLowerCase()));
  if (/^(?:the|a|an)$/.test(words[0]!) && !capitalised) return true;
  return words.every((w) => TITLE_WORDS.has(w) || ROLE_WORDS.has(w) || DESCRIPTION_WORDS.test(w) || DEMONYM.test(w));
}

/** Role nouns that are not titles before a name but describe a speaker ("the striker", "the author"). */
const ROLE_WORDS = new Set(('spokesman spokeswoman spokesperson source aide adviser advisor official minister secretary ' +
  'president chancellor governor mayor senator lawmaker mp mep leader chairman chairwoman chair boss owner founder author ' +
  'lawyer attorney prosecutor judge police officer captain coach manager striker player singer actor actress star ' +
  'presenter host economist analyst expert scientist doctor professor campaigner activist protester resident worker ' +
  'chief executive director head ambassador envoy diplomat general commander king queen prince princess pope premier').split(/\s+/));

/** The role->person lookup key of a role alias ("The Russian President" -> "russian president"), or null for a name. */
export function roleKey(alias: string): string | null {
  if (!isRoleAlias(alias)) return null;
  const words = transliterate(alias).normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  while (words.length > 1 && /^(?:the|a|an|his|her|their|its)$/.test(words[0]!)) words.shift();
  return words.length > 0 ? words.join(' ') : null;
}

const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them)$/i;

/**
 * Sorts an article speaker's aliases: `names` are spellings of the speaker's own name (indexable as
 * identity keys, e.g. a misspelt variant the article used), `roles` are titles and descriptions kept
 * as article-local aliases and role->person keys. Pronouns and other people's names are dropped.
 */
export function classifyAliases(name: string, aliases: readonly string[], kind: SpeakerKind = 'person'): { names: string[]; roles: string[] } {
  const names: string[] = [];
  const roles: string[] = [];
  const own = nameWords(name);
  const ownLast = own[own.length - 1] ?? '';
  for (const a of aliases) {
    const alias = a.replace(/\s+/g, ' ').trim();
    if (!alias || PRONOUN.test(alias)) continue;
    if (isRoleAlias(alias)) {
      const key = roleKey(alias);
      if (key && !roles.includes(alias)) roles.push(alias);
      continue;
    }
    const w = nameWords(alias);
    const last = w[w.length - 1] ?? '';
    // A spelling of the same surname, or (for organisations) another name the article gave it ("the Tories").
    const sameName = !!last && (spellingKey(last) === spellingKey(ownLast) || kind === 'organisation');
    if (sameName && checkSpeakerName(alias, kind).name !== null && !names.includes(alias)) names.push(alias);
  }
  return { names, roles };
}

/** Capitalised words that complete a title ("Chancellor of the Exchequer", "Secretary of State for Health"). */
const TITLE_COMPLEMENTS = new Set(['exchequer', 'treasury', 'state', 'commons', 'lords', 'duchy', 'interior', 'justice',
  'health', 'education', 'defence', 'defense', 'environment', 'transport', 'energy', 'culture', 'trade', 'industry', 'home', 'office',
  'foreign', 'affairs', 'works', 'pensions', 'communities', 'housing', 'labor', 'labour', 'agriculture', 'fisheries', 'war']);

export type CheckedName =
  | { name: string; changed: boolean }
  | { name: null; reason: 'empty' | 'title' | 'event' };

/**
 * A speaker name checked before it enters the registry. Title complements and stray function words
 * are cut ("Exchequer Gordon Brown" -> "Gordon Brown", "Vadim Mitroshin The" -> "Vadim Mitroshin");
 * a title alone ("Prime Minister") or an event named after a title ("Prime Minister's Questions") is
 * not a speaker.
 */
export function checkSpeakerName(input: string, kind: SpeakerKind = 'person'): CheckedName {
  const name = input.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(name)) return { name: null, reason: 'empty' };
  // "Prime Minister's Questions", "the President's Cup": a possessive inside a person's name names a thing
  // (organisations may have one: "the Children's Society").
  if (kind === 'person' && /\p{L}['’]s\s+\p{Lu}/u.test(name) || /\p{L}s['’]\s+\p{Lu}/u.test(name)) return { name: null, reason: 'event' };
  const parts = name.split(' ');
  const lower = (w: string) => w.toLowerCase().replace(/[.,]$/, '');
  let from = 0;
  let to = parts.length;
  // Trailing junk: "Vadim Mitroshin The" (a lost full stop).
  while (to - from > 1 && /^(?:the|a|an|and|or|but|of|in|on|at|to|for|by|with|he|she|it|they|this|that)$/.test(lower(parts[to - 1]!))) to--;
  // Leading title complements before a person's name: "Exchequer Gordon Brown" (not "Pensions Policy Institute").
  while (kind === 'person' && to - from > 2 && (TITLE_COMPLEMENTS.has(lower(parts[from]!)) || /^(?:of|the|for)$/.test(lower(parts[from]!)))) from++;
  const kept = parts.slice(from, to);
  // A title of address, office or rank alone ("Prime Minister", "MP"); a party word ("Labour") names an organisation.
  if (kept.every((w) => PERSONAL_TITLES.has(lower(w)) || /^(?:of|the|for)$/.test(lower(w)))) return { name: null, reason: 'title' };
  const out = kept.join(' ');
  return { name: out, changed: out !== name };
}

/** How many words a quote has (letters or digits runs). */
function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length;
}

/**
 * Low-value quotes: whether a quote is listed as what someone said. Full quotes (direct, block) and
 * partial quotes of three words or more are; one- or two-word partial quotes ("hurt", "very tough")
 * count for search but are listed only when asked for (`kind:all`).
 */
export function isListedQuote(quote: Pick<Quote, 'text' | 'kind'>, listing: 'default' | 'all' = 'default'): boolean {
  if (listing === 'all' || quote.kind !== 'partial') return true;
  return wordCount(quote.text) >= 3;
}
