// Does a sentence open with a reference back to something said before it? Pure.
//
// A key point read on its own must not start with words whose meaning is in a sentence the
// reader does not see:
// - a pronoun or a connective ("He", "They", "But", "However", "This");
// - a definite description that points back ("The man", "The 22-year-old", "The club"): "The",
//   "This", "These" and a common noun that the article has already used before this sentence;
// - a title and surname without a first name ("Mr van Gogh"), the news form of a second mention,
//   when the surname appeared before.
// The reference is resolved when the sentence just before it is also a key point, or when its
// head word is in an earlier key point.
import { isStopword, stem } from './text-signals.ts';

const PRONOUNS = new Set([
  'he', 'she', 'it', 'they', 'them', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'him',
]);
const CONNECTIVES = new Set([
  'but', 'however', 'and', 'so', 'yet', 'also', 'then', 'still', 'instead', 'meanwhile', 'moreover', 'furthermore',
  'nevertheless', 'thus', 'there', 'here', 'such', 'both', 'neither', 'either', 'or', 'nor', 'which', 'besides', 'otherwise', 'therefore', 'hence', 'likewise', 'similarly', 'indeed', 'nonetheless',
]);
const TITLES = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\.?$/;
const DETERMINERS = new Set(['the', 'this', 'these', 'that', 'those', 'such']);

export type Reference =
  | { kind: 'none' }
  | { kind: 'pronoun' | 'connective'; word: string }
  /** a definite description or a title and surname; `head` is the stemmed word it points back to */
  | { kind: 'definite' | 'surname'; word: string; head: string };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The reference a sentence opens with. `seenBefore` tells whether a stemmed word occurs earlier in the article. */
export function openingReference(text: string, seenBefore: (stemmed: string) => boolean): Reference {
  const quoteLed = /^[^\p{L}\p{N}]*["“‘]/u.test(text);
  if (quoteLed) return speakerReference(text);
  WORD.lastIndex = 0;
  const words: string[] = [];
  for (let m = WORD.exec(text); m && words.length < 4; m = WORD.exec(text)) words.push(m[0]);
  const first = words[0];
  if (!first) return { kind: 'none' };
  const lower = first.toLowerCase();
  if (PRONOUNS.has(lower)) {
    // "This week…", "That evening…": a determiner before a time word is not a reference
    if ((lower === 'this' || lower === 'that') && /^(?:week|year|month|morning|afternoon|evening|time|summer|winter|spring|autumn|season|weekend)$/i.test(words[1] ?? '')) return { kind: 'none' };
    if (DETERMINERS.has(lower) && isCommonNoun(words[1]) && !isStopword((words[1] ?? '').toLowerCase())) return definite(words, seenBefore);
    return { kind: 'pronoun', word: first };
  }
  if (CONNECTIVES.has(lower)) return { kind: 'connective', word: first };
  if (DETERMINERS.has(lower)) return definite(words, seenBefore);
  if (TITLES.test(first) && words[1] && /^\p{Lu}/u.test(words[1]) || (TITLES.test(first) && /^(?:van|de|von|al|le|la)$/.test(words[1] ?? ''))) {
    const surname = (/^(?:van|de|von|al|le|la)$/.test(words[1] ?? '') ? words[2] : words[1]) ?? '';
    const head = stem(surname.toLowerCase().replace(/['’]s$/, ''));
    return seenBefore(head) ? { kind: 'surname', word: `${first} ${surname}`, head } : { kind: 'none' };
  }
  return { kind: 'none' };
}

/** "The man", "The 22-year-old", "These plans": a determiner and a common noun already used before. */
function definite(words: string[], seenBefore: (stemmed: string) => boolean): Reference {
  for (const w of words.slice(1, 4)) {
    if (!isCommonNoun(w)) return { kind: 'none' }; // "The Premier League", "The BBC": a name, a first mention
    const head = stem(w.toLowerCase().replace(/['’]s?$/, ''));
    if (/^\d+-year-old$/.test(w.toLowerCase())) return { kind: 'definite', word: `${words[0]} ${w}`, head: 'year-old' };
    if (seenBefore(head)) return { kind: 'definite', word: `${words[0]} ${w}`, head };
  }
  return { kind: 'none' };
}

function isCommonNoun(w: string | undefined): boolean {
  return w !== undefined && /^[\p{Ll}\p{N}]/u.test(w);
}

/** `"Why build…" he asked`: a quotation whose speaker is only a pronoun. */
function speakerReference(text: string): Reference {
  const m = /["”’]\s*,?\s*(he|she|they|it)\s+(?:said|says|asked|added|told|explained|insisted|continued|wrote|went on)\b/i.exec(text);
  return m?.[1] ? { kind: 'pronoun', word: m[1] } : { kind: 'none' };
}

/** Whether a reference is resolved by the key points chosen so far. */
export function isResolved(ref: Reference, previousChosen: boolean, chosenWords: ReadonlySet<string>): boolean {
  if (ref.kind === 'none') return true;
  if (previousChosen) return true;
  if (ref.kind === 'definite' || ref.kind === 'surname') return ref.head !== 'year-old' && chosenWords.has(ref.head);
  return false;
}
