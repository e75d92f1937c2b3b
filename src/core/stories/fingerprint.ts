// What a story is compared on: a MinHash signature of the body's shingles (near-duplicates:
// wire copy republished with small edits), and the terms and names of its headline and lead
// (different write-ups of one event). Pure.
import type { Article } from '../article.ts';
import { bandKeys, minhash, shingleHashes, SIGNATURE_LENGTH } from './minhash.ts';

export interface StoryFingerprint {
  /** MinHash signature of the body's word shingles. */
  signature: number[];
  /** LSH keys of the signature: articles sharing one are candidates. */
  bands: string[];
  /** Stemmed content words of the headline (counted twice) and lead, with counts. */
  leadTerms: Record<string, number>;
  /** Proper names in the headline and lead, lowercased ("gordon brown", "treasury"). */
  entities: string[];
  /**
   * The shingle hashes themselves (sorted), when there are no more than SIGNATURE_LENGTH of them:
   * short texts are then compared exactly, where a MinHash estimate over few shingles is noisy.
   */
  shingles?: number[];
}

/** Words of the lead taken into account (the first paragraphs, up to this many words). */
export const LEAD_WORDS = 60;

const STOPWORDS = new Set(
  ('a an the and or but if of to in on at for with by from as is are was were be been being has have had do does did ' +
    'will would shall should can could may might must it its this that these those he she they we i you his her their ' +
    'our your him them us me not no than then there here what which who whom when where why how all any some more most ' +
    'other such own same so too very just also said says say about after before over under into out up down off again ' +
    'further once new last year years one two three first week month time people mr mrs ms dr its it\'s s').split(' '),
);

/** Capitalised words that do not make a name on their own (sentence starters, titles). */
const NOT_NAMES = new Set(
  ('the a an in on at for but and or it he she they we i this that these those his her its their our if as so however ' +
    'when while after before last next now some many most there mr mrs ms dr sir lord lady later earlier meanwhile ' +
    'yesterday today tomorrow also still then yet both each every why what how where who asked speaking during ' +
    'monday tuesday wednesday thursday friday saturday sunday').split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) out.push(m[0].replace(/['’]s$/u, '').replace(/’/g, "'"));
  return out;
}

/** A light stemmer: enough for "elections"/"election", "talks"/"talk", "unveiled"/"unveil". */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The first paragraphs of the body, up to LEAD_WORDS words. */
export function leadOf(article: Pick<Article, 'body'>): string {
  const paras = article.body.split(/\n\s*\n/);
  const out: string[] = [];
  let n = 0;
  for (const p of paras) {
    if (n >= LEAD_WORDS) break;
    const w = p.trim().split(/\s+/).filter(Boolean);
    if (!w.length) continue;
    out.push(w.slice(0, LEAD_WORDS - n).join(' '));
    n += w.length;
  }
  return out.join(' ');
}

/** Runs of capitalised words that are not sentence starters: "Gordon Brown", "Bank of England". */
export function properNames(text: string): string[] {
  const out = new Set<string>();
  const tokens = [...text.matchAll(/(?:\p{Lu}\.){2,}|[\p{L}][\p{L}\p{M}'’-]*|[.!?:;"“”]/gu)].map((m) => m[0]);
  let run: string[] = [];
  let sentenceStart = true;
  const flush = () => {
    while (run.length && (run[run.length - 1] === 'of' || NOT_NAMES.has(run[run.length - 1]!.toLowerCase()))) run.pop();
    if (run.length) out.add(run.join(' ').toLowerCase().replace(/['’]s$/u, ''));
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^[.!?:;"“”]$/.test(t)) {
      flush();
      if (/[.!?:]/.test(t)) sentenceStart = true;
      continue;
    }
    const cap = /^\p{Lu}/u.test(t);
    const common = NOT_NAMES.has(t.toLowerCase()) || STOPWORDS.has(t.toLowerCase());
    // A capitalised first word of a sentence is a name only when a capitalised word follows
    // ("Elena Markov won", not "Officials said").
    const startsName = !sentenceStart || /^\p{Lu}/u.test(tokens[i + 1] ?? '');
    if (cap && (run.length > 0 || (!common && startsName))) run.push(t.replace(/\.$/, ''));
    else if (t === 'of' && run.length) run.push(t);
    else flush();
    sentenceStart = false;
  }
  flush();
  return [...out];
}

export function fingerprint(article: Pick<Article, 'headline' | 'body'>): StoryFingerprint {
  const bodyWords = words(article.body);
  const sh = shingleHashes(bodyWords.length ? bodyWords : words(article.headline ?? ''));
  const signature = minhash(sh);
  const lead = leadOf(article);
  const leadTerms: Record<string, number> = {};
  const add = (w: string, n: number) => {
    if (STOPWORDS.has(w) || /^\p{N}+$/u.test(w)) return;
    const s = stem(w);
    leadTerms[s] = (leadTerms[s] ?? 0) + n;
  };
  for (const w of words(article.headline ?? '')) add(w, 2);
  for (const w of words(lead)) add(w, 1);
  const entities = properNames(`${article.headline ?? ''}. ${lead}`);
  return { signature, bands: bandKeys(signature), leadTerms, entities, ...(sh.length <= SIGNATURE_LENGTH ? { shingles: Array.from(sh) } : {}) };
}
