// Picks the key sentences of an article without editor bullets. Pure, linear in the article
// (one pass for word statistics, then at most 3 greedy rounds over the candidates).
//
// 1. The lead stays first: news puts the essentials in its first sentence (inverted pyramid), so
//    the first key point is the first sentence that can stand alone; it is passed over only when
//    it is not news (furniture, a byline), a question, a teaser (a fragment, a line ending in ":"
//    or "…"), a dateline alone, or opens with a pronoun.
// 2. Each later point earns its place by what it adds, weighted by where it stands: the article's
//    recurring words (centrality) and names and numbers (counted twice) that it covers and the
//    chosen points do not yet cover, divided by its reading-order rank among the sentences still
//    eligible (the inverted pyramid as a 1/rank prior). Coverage is submodular: a sentence that
//    repeats a chosen one adds nothing, a near-duplicate is skipped.
// 3. Nothing repeats the headline or the card's quote; no point opens with a reference whose
//    antecedent the reader does not see (references.ts), unless the sentence before is chosen.
// 4. How many: 2 for a short item, else 3 (an editor's bullets); how long: points are added until
//    they reach the length of the article's own first usable sentences (the lead they replace),
//    so a gain over the lead is not bought with length.
// No weight was fitted to an evaluation set: the prior is 1/rank, the thresholds are readability
// rules (a near-duplicate shares most of its words; a caption glued to a sentence counts half).
import type { Sentence } from '../article.ts';
import { quoteRoles } from '../sentences/index.ts';
import { isBoilerplate, opensReaderSection } from './boilerplate.ts';
import { isResolved, openingReference, type Reference } from './references.ts';
import { datelineLength, looksLikeCaption, textStats, type TextStats } from './text-signals.ts';

/** What the key points must not repeat, and what they may not use. */
export interface SelectContext {
  /** Sentences that may not be key points (sub-headings, block quotations). */
  excluded?: ReadonlySet<number>;
  /** The article's own headline: a key point must say more than it. */
  headline?: string | null;
  /** The quote the card shows: a key point must not repeat it. */
  topQuote?: string | null;
}

/** Sentences first..last (inclusive) chosen as one key point. */
export interface KeySpan {
  first: number;
  last: number;
}

/** Share of shared content words above which two texts say the same thing. */
const DUPLICATE = 0.6;
/** How many sentences a quotation may span and still be offered whole as one key point. */
const MAX_QUOTE_SENTENCES = 3;

/** How many key points an article of this size gets: 2 for a short item, else an editor's 3. */
export function keyPointCount(sentences: readonly Sentence[], stats: readonly TextStats[] = sentences.map((s) => textStats(s.text))): number {
  const words = stats.reduce((n, s) => n + s.count, 0);
  return sentences.length <= 6 || words < 150 ? 2 : 3;
}

interface Candidate {
  first: number;
  last: number;
  words: Set<string>;
  /** names and numbers (stemmed), a few per sentence */
  entities: string[];
  length: number;
  text: string;
  /** computed when first needed (most candidates are never looked at) */
  reference?: Reference;
  /** 0.5 for a photo caption glued to the sentence, else 1; computed when first needed */
  clean?: number;
}

/** The key sentences, in reading order. A quotation over 2-3 sentences is only ever used whole. */
export function selectKeySpans(sentences: readonly Sentence[], context: SelectContext = {}): KeySpan[] {
  if (sentences.length === 0) return [];
  const excluded = context.excluded ?? new Set<number>();
  const stats = sentences.map((s) => textStats(s.text));
  const want = keyPointCount(sentences, stats);
  const roles = quoteRoles(sentences);
  const bags = stats.map((st) => new Set(st.words));
  const df = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < bags.length; i++) {
    for (const w of bags[i] as Set<string>) {
      const f = df.get(w);
      if (f === undefined) firstSeen.set(w, i);
      df.set(w, (f ?? 0) + 1);
    }
  }
  const avoid = [context.headline, context.topQuote].filter((t): t is string => !!t).map((t) => new Set(textStats(t).words));
  const quoteWords = context.topQuote ? new Set(textStats(context.topQuote).words) : null;
  const readers = sentences.findIndex((s) => opensReaderSection(s.text));

  const prose = (i: number): boolean => {
    const st = stats[i];
    const text = sentences[i]?.text ?? '';
    if (excluded.has(i) || (readers >= 0 && i >= readers)) return false;
    if (!st || st.count < 3 || st.lowercase < 0.25 * st.count) return false; // a results table, a name list
    if (isBoilerplate(text) || isHeading(text, st.count) || isQuestion(text)) return false;
    return true;
  };
  const candidate = (first: number, last: number): Candidate | null => {
    const words = first === last ? (bags[first] as Set<string>) : new Set<string>();
    const entities: string[] = [];
    let length = 0;
    for (let i = first; i <= last; i++) {
      if (first !== last) for (const w of bags[i] ?? []) words.add(w);
      for (const w of stats[i]?.entityWords ?? []) entities.push(w);
      length += stats[i]?.count ?? 0;
    }
    if (avoid.some((a) => containment(words, a) >= DUPLICATE) || (quoteWords && containment(quoteWords, words) >= DUPLICATE)) return null;
    const text = sentences[first]?.text ?? '';
    return { first, last, words, entities, length, text: text.slice(datelineLength(text)) }; // as the reader sees it
  };
  const referenceOf = (c: Candidate): Reference => (c.reference ??= openingReference(c.text, (w) => (firstSeen.get(w) ?? c.first) < c.first));

  const pool: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const whole = roles[i] === 'none' || (roles[i] === 'opens' && i === sentences.length - 1); // never closed: it is whole
    const c = whole && prose(i) && !isTeaser(sentences[i]?.text ?? '', stats[i]?.count ?? 0) ? candidate(i, i) : null;
    if (c) pool.push(c);
  }
  if (pool.length < Math.min(want, 2)) {
    for (let i = 0; i < sentences.length; i++) {
      if (roles[i] !== 'opens') continue;
      let j = i + 1;
      while (j < sentences.length && j - i < MAX_QUOTE_SENTENCES && roles[j] === 'inside') j++;
      const c = roles[j] === 'closes' && j - i < MAX_QUOTE_SENTENCES && prose(i) ? candidate(i, j) : null;
      if (c) pool.push(c);
    }
    pool.sort((a, b) => a.first - b.first);
  }
  return choose(pool, want, df, referenceOf).sort((a, b) => a.first - b.first);
}


function choose(pool: Candidate[], want: number, df: Map<string, number>, referenceOf: (c: Candidate) => Reference): Candidate[] {
  if (pool.length === 0) return [];
  // as long as the lead it replaces: no point is added once the chosen ones reach its length
  const budget = pool.slice(0, want).reduce((n, c) => n + c.length, 0);
  const lengths = pool.map((c) => c.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length / 2)] ?? 20;
  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  const chosenIndex = new Set<number>();
  // the lead: the first sentence that stands alone; a definite description there ("The arrows…")
  // is how news opens, so only a pronoun, a connective or a bare surname disqualify it
  const standsAlone = (r: Reference): boolean => r.kind === 'none' || (r.kind === 'definite' && r.head !== 'year-old');
  const lead = pool.find((c) => standsAlone(referenceOf(c))) ?? pool[0];
  const take = (c: Candidate): void => {
    chosen.push(c);
    for (let i = c.first; i <= c.last; i++) chosenIndex.add(i);
    for (const w of c.words) covered.add(w);
  };
  if (lead) take(lead);
  // value of a new word that recurs in the article: log of 1 + its sentence frequency, double for
  // a name or a number; a sentence's gain is the value of its words not yet covered, per sqrt(length)
  const recurring = pool.map((c) => {
    const ws: string[] = [];
    const vs: number[] = [];
    let all = 0;
    for (const w of c.words) {
      const f = df.get(w) ?? 0;
      if (f < 2) continue;
      const v = Math.log(1 + f) * (c.entities.includes(w) ? 2 : 1);
      ws.push(w);
      vs.push(v);
      all += v;
    }
    const norm = Math.sqrt(Math.max(c.length, typical));
    return { ws, vs, norm, bound: all / norm };
  });
  const bound = recurring.reduce((m, r) => Math.max(m, r.bound), 0);
  const gainOf = (k: number): number => {
    const r = recurring[k];
    if (!r) return 0;
    let g = 0;
    for (let j = 0; j < r.ws.length; j++) if (!covered.has(r.ws[j] as string)) g += r.vs[j] as number;
    return g / r.norm;
  };
  let words = lead?.length ?? 0;
  while (chosen.length < want && words < budget) {
    let best: Candidate | null = null;
    let bestValue = 0;
    let rank = 0; // reading-order rank among the sentences still eligible
    let next: Candidate | null = null;
    for (let k = 0; k < pool.length; k++) {
      const c = pool[k] as Candidate;
      if (chosenIndex.has(c.first)) continue;
      if (chosen.some((d) => cosine(c.words, d.words) >= DUPLICATE)) continue;
      const ref = referenceOf(c);
      if (ref.kind !== 'none' && !isResolved(ref, chosenIndex.has(c.first - 1), wordsBefore(chosen, c.first))) continue;
      rank++;
      next ??= c;
      if (bound / rank <= bestValue) break; // no later sentence can do better: linear, and usually short
      c.clean ??= looksLikeCaption(c.text) ? 0.5 : 1;
      const value = (c.clean * gainOf(k)) / rank; // what it adds, weighted by the position prior
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    best ??= next; // no sentence shares words with the rest (a short item): the next in reading order
    if (!best) break;
    take(best);
    words += best.length;
  }
  return chosen;
}

/** The words of the chosen points that a reader sees before sentence `i`. */
function wordsBefore(chosen: readonly Candidate[], i: number): Set<string> {
  const out = new Set<string>();
  for (const d of chosen) if (d.last < i) for (const w of d.words) out.add(w);
  return out;
}

/** A lead that is not a statement: a fragment, or a line that announces what follows. */
function isTeaser(text: string, words: number): boolean {
  return words < 6 || /(?:[:…]|\.\.\.)["'”’)\]]*$/.test(text.trim());
}

/** A question, or a quoted question attributed after it (`"Why build…?" he asked`). */
function isQuestion(text: string): boolean {
  if (!text.includes('?')) return false;
  const t = text.trim();
  return /\?["'”’)\]]*$/.test(t) || /\?["”’']\s*,?\s*(?:\p{L}+\s+){0,3}(?:asked|asks|wondered|wonders)\b/u.test(t);
}

function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/** Share of `a`'s words that are also in `b`. */
function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.size;
}

/** A sub-heading inside the body: short and without closing punctuation. */
function isHeading(text: string, words: number): boolean {
  return words <= 8 && !/[.!?…]["'”’)\]]*$/.test(text);
}
