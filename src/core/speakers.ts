// Speaker names: normalisation, spelling-variant keys and similarity, shared by the quote extractor
// and the cross-article speaker registry (the store indexes speakers under `nameKeys(name)`).
import { distance } from 'fastest-levenshtein';
import { PERSONAL_TITLES } from './titles.ts';

/** Dropped from the front of a name: titles of address, office and rank (core/titles.ts), and "the". */
const TITLES: ReadonlySet<string> = new Set([...PERSONAL_TITLES, 'the']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function words(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '');
  const out = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (out.length > 1 && TITLES.has(out[0]!)) out.shift();
  while (out.length > 1 && SUFFIXES.has(out[out.length - 1]!)) out.pop();
  return out;
}

/** Lowercase, accent-free, punctuation-free, titles and possessives dropped: "Mr. López's" -> "lopez". */
export function normalizeName(name: string): string {
  return words(name).join(' ');
}

/** A compact spelling key for one word: Zelenskyy, Zelensky and Zelenskiy -> "zelenski". */
function variantWord(w: string): string {
  return w
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    .replace(/(?:iy|yy|ij|ii|y)$/g, 'i')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Loose spelling key for a whole name: "Volodymyr Zelenskyy" and "Wolodymyr Zelensky" share one. */
export function variantKey(name: string): string {
  return words(name).map(variantWord).join(' ');
}

/** Surname of a name as normalised words ("" when empty). */
export function surname(name: string): string {
  const w = words(name);
  return w[w.length - 1] ?? '';
}

/**
 * The keys under which the registry indexes a speaker name: the full name, first + last name,
 * the surname, and the spelling-variant key of each.
 */
export function nameKeys(name: string): string[] {
  const w = words(name);
  if (w.length === 0) return [];
  const full = w.join(' ');
  const last = w[w.length - 1]!;
  const keys = [full, variantKey(full), last, variantWord(last)];
  if (w.includes('and')) {
    // A group is the set of its members: "Russia and China" = "China and Russia".
    keys.push(full.split(' and ').sort().join(' and '));
  } else if (w.length > 2) {
    const firstLast = `${w[0]} ${last}`;
    keys.push(firstLast, `${variantWord(w[0]!)} ${variantWord(last)}`);
  }
  return [...new Set(keys)];
}

/** True when two names plausibly denote the same person: same surname key and compatible first names. */
export function sameSpeaker(a: string, b: string): boolean {
  const wa = words(a).map(variantWord);
  const wb = words(b).map(variantWord);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  if (wa.length === 1 || wb.length === 1) return true;
  return wa[0]![0] === wb[0]![0];
}

/** The canonical form among several names of one speaker: the longest, then the most frequent. */
export function canonicalName(names: readonly string[]): string | null {
  const clean = names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (clean.length === 0) return null;
  const count = new Map<string, number>();
  for (const n of clean) count.set(n, (count.get(n) ?? 0) + 1);
  return [...count.entries()].sort((x, y) => words(y[0]).length - words(x[0]).length || y[1] - x[1])[0]![0];
}

/** Similarity in [0, 1] between a typed name and a known speaker name, for "did you mean". */
export function nameSimilarity(query: string, name: string): number {
  const q = normalizeName(query);
  if (!q) return 0;
  let best = 0;
  for (const k of nameKeys(name)) {
    for (const qk of [q, variantKey(q)]) {
      if (k === qk) return 1;
      const len = Math.max(k.length, qk.length);
      let s = 1 - distance(k, qk) / len;
      if (k.startsWith(qk)) s = Math.max(s, 0.8 + 0.2 * (qk.length / k.length));
      best = Math.max(best, s);
    }
  }
  return best;
}

/** The known names closest to `query`, best first, above a minimum similarity. */
export function closestNames(query: string, names: readonly string[], limit = 3, min = 0.5): string[] {
  return names
    .map((n) => ({ n, s: nameSimilarity(query, n) }))
    .filter((x) => x.s >= min)
    .sort((a, b) => b.s - a.s || a.n.localeCompare(b.n))
    .slice(0, limit)
    .map((x) => x.n);
}
