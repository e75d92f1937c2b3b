// Names as written: titles and roles split from the name proper ("Russian President Vladimir Putin").
import { FIRST_NAMES, NOT_NAME, ORG_WORDS, ROLE_NOUNS, TITLES } from './lexicon.ts';
import { bare, type Token } from './tokens.ts';

/** Every word of [from, to) is a title or role ("Prime Minister", "Bishop"), so the run names no one. */
export function allTitles(tokens: readonly Token[], from: number, to: number): boolean {
  let any = false;
  for (let k = from; k < to; k++) {
    const w = bare(tokens[k]!.lower);
    if (NOT_NAME.has(w) || w === 'of') continue;
    if (/^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof)$/.test(w)) return false; // "Mr King" is a name
    if (!isTitle(tokens[k]!)) return false;
    any = true;
  }
  return any;
}

/** "the Ealing North MP", "the Spaniard": a definite run ending in a role or a nationality noun describes a person. */
export function rolePhrase(tokens: readonly Token[], det: Token | undefined, from: number, to: number): boolean {
  if (det?.lower !== 'the' || to <= from) return false;
  const last = tokens[to - 1]!;
  if (/'s$/.test(last.lower) || ORG_WORDS.has(bare(last.lower))) return false;
  if (/^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof)$/.test(bare(last.lower))) return false;
  return isTitle(last) || (to - from === 1 && isNationalityNoun(last.text));
}

/** Nouns of nationality ("Spaniard", "Frenchman", "Briton", "Australian"). */
export function isNationalityNoun(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:ard|man|woman|men|ian|ean|ese|ish|ton|ot|ine|an|i)$/u.test(word);
}

export function isTitle(t: Token): boolean {
  return TITLES.has(bare(t.lower)) || ROLE_NOUNS.has(bare(t.lower)) || /^(?:ex|vice|co)-/.test(t.lower);
}

export function join(tokens: readonly Token[], from: number, to: number, text: string): string {
  if (from >= to) return '';
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end).replace(/\s+/g, ' ').trim();
}

/** Splits a capitalised run [from, to) into role words and the name proper. */
export function nameFromRun(tokens: readonly Token[], from: number, to: number, text: string): { name: string; role: string | null; nameFrom: number } | null {
  let i = from;
  while (i < to && NOT_NAME.has(bare(tokens[i]!.lower))) i++;
  let lastTitle = -1;
  for (let k = i; k < to - 1; k++) if (isTitle(tokens[k]!)) lastTitle = k;
  if (lastTitle >= 0 && tokens.slice(lastTitle + 1, to).some((t) => ORG_WORDS.has(bare(t.lower)))) lastTitle = -1;
  const nameFrom = lastTitle >= 0 ? lastTitle + 1 : i;
  if (nameFrom >= to) return null;
  const of = tokens.slice(nameFrom, to).findIndex((t) => t.lower === 'of');
  if (of > 0 && (lastTitle >= 0 || FIRST_NAMES.has(tokens[nameFrom]!.lower))) to = nameFrom + of;
  // "Bishop of Durham": a title with its see is the name as written.
  if (nameFrom < to && tokens[nameFrom]!.lower === 'of' && lastTitle >= 0) return { name: join(tokens, lastTitle, to, text), role: join(tokens, i, to, text), nameFrom: lastTitle };
  const name = join(tokens, nameFrom, to, text).replace(/['’]s$/u, '').replace(/['’]$/u, '');
  if (!name || !/\p{L}/u.test(name)) return null;
  const role = nameFrom > from ? join(tokens, from, nameFrom, text) : null;
  return { name, role, nameFrom };
}

/** "Russian President Vladimir Putin" -> { name: "Vladimir Putin", role: "Russian President" } (for names joined by "and"). */
export function stripRole(name: string): { name: string; role: string | null } {
  const words = name.split(/\s+/).filter(Boolean);
  let cut = 0;
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!.toLowerCase().replace(/\.$/, '');
    if (TITLES.has(w) || ROLE_NOUNS.has(w)) cut = i + 1;
  }
  return { name: words.slice(cut).join(' '), role: cut > 0 ? words.slice(0, cut).join(' ') : null };
}
