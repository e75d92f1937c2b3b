// The article as paragraphs (one per line of a block), each with its quote segments, masked text,
// tokens and sentences; and the first pass that registers every named person and organisation.
import type { Article, Block } from '../article.ts';
import { createRegistry, isKnownPlace, type Registry } from './entities.ts';
import { findSegments, type Segment } from './marks.ts';
import { maskParagraph } from './masked.ts';
import { DEMONYMS, FIRST_NAMES, NOT_NAME, ORG_WORDS, PLACE_WORDS } from './lexicon.ts';
import { phraseBefore, stripRole } from './mentions.ts';
import { bare, tokenize, type Token } from './tokens.ts';

export interface Paragraph {
  /** Offset of the paragraph in the article body. */
  start: number;
  text: string;
  kind: Block['kind'];
  segments: Segment[];
  masked: string;
  tokens: Token[];
  /** Global sentence id of each token. */
  sentenceOf: number[];
  /** Index of the first token of each token's sentence. */
  sentenceStart: number[];
  /** Token ranges of the sentences, with their global ids. */
  sentences: Array<{ from: number; to: number; id: number }>;
}

export function paragraphsOf(article: Article): Paragraph[] {
  const out: Paragraph[] = [];
  const blocks: Block[] = article.blocks.length > 0 ? article.blocks : [{ kind: 'paragraph', start: 0, end: article.body.length }];
  let sentenceId = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') continue;
    const blockText = article.body.slice(b.start, b.end);
    let offset = 0;
    for (const line of blockText.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const text = line.trim();
      const start = b.start + offset + lead;
      offset += line.length + 1;
      if (!text) continue;
      const all = findSegments(text).filter((s) => s.depth === 0);
      const segments = all.filter((s) => !isNickname(text, s));
      const masked = maskParagraph(text, segments, all.filter((s) => isNickname(text, s)));
      const tokens = tokenize(masked.text);
      const sentenceOf: number[] = new Array<number>(tokens.length).fill(0);
      const sentenceStart: number[] = new Array<number>(tokens.length).fill(0);
      const sentences: Paragraph['sentences'] = [];
      let t = 0;
      for (const s of masked.sentences) {
        const from = t;
        while (t < tokens.length && tokens[t]!.start < s.end) {
          sentenceStart[t] = from;
          sentenceOf[t++] = sentenceId;
        }
        sentences.push({ from, to: t, id: sentenceId++ });
      }
      out.push({ start, text, kind: b.kind, segments, masked: masked.text, tokens, sentenceOf, sentenceStart, sentences });
    }
  }
  return out;
}

const MALE = new Set(['he', 'his', 'him', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

/** First pass: every capitalised name outside quotes, with roles and gender evidence. */
export function registerNames(paragraphs: readonly Paragraph[]): Registry {
  const reg = createRegistry();
  // Words written with a capital in mid-sentence: a sentence-initial "Fears" or "Pointing" is not a name unless seen here.
  const midCaps = new Set<string>();
  for (const p of paragraphs) {
    p.tokens.forEach((t, i) => {
      if (t.kind === 'word' && t.cap && i - p.sentenceStart[i]! > 0 && p.tokens[i - 1]?.kind === 'word') midCaps.add(bare(t.lower));
    });
  }
  for (const p of paragraphs) {
    const { tokens } = p;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (t.kind === 'word' && (MALE.has(t.lower) || FEMALE.has(t.lower))) {
        const male = MALE.has(t.lower);
        reg.vote(male ? 'male' : 'female', p.sentenceOf[i]!, p.start + t.start);
        const lead = i - p.sentenceStart[i]!;
        // A he/she opening a sentence carries its person forward (a light coreference chain).
        if ((t.lower === 'he' || t.lower === 'she') && (lead <= 1 || tokens[i - 1]?.text === ',')) reg.chain(t.lower, p.start + t.start, p.sentenceOf[i]!);
        i++;
        continue;
      }
      if (!(t.kind === 'word' && t.cap)) { i++; continue; }
      let j = i;
      while (j < tokens.length && (
        (tokens[j]!.kind === 'word' && tokens[j]!.cap) ||
        (tokens[j]!.kind === 'word' && /^(?:of|de|van|von|bin|al|la|du|da|der|del|di)$/.test(tokens[j]!.lower) && tokens[j + 1]?.cap && j > i))) {
        j++;
        // "Guy's Hospital" stays one name; "Clinton's campaign" ends at the possessive.
        if (/'s$/.test(tokens[j - 1]!.lower) && !(tokens[j]?.cap && (ORG_WORDS.has(bare(tokens[j]!.lower)) || PLACE_WORDS.has(bare(tokens[j]!.lower))))) break;
      }
      let a = i;
      while (a < j && NOT_NAME.has(bare(tokens[a]!.lower))) a++;
      const single = j - a === 1 ? bare(tokens[a]!.lower) : null;
      const initial = a - p.sentenceStart[a]! === 0 || tokens[a - 1]?.text === '"';
      if (single && (DEMONYMS.has(single) || (initial && !midCaps.has(single) && !FIRST_NAMES.has(single) && !isKnownPlace(single) && !reg.lookup(tokens[a]!.text, p.start + tokens[a]!.start, false) && !/^\p{Lu}{2,}$/u.test(tokens[a]!.text)))) {
        i = j;
        continue;
      }
      if (a < j) {
        const lead = a - p.sentenceStart[a]!;
        const subject = lead <= 2 || tokens[a - 1]?.text === ',' || tokens[a - 1]?.text === '"';
        register(reg, p, a, j, subject);
      }
      i = j;
    }
  }
  reg.finish();
  return reg;
}

function register(reg: Registry, p: Paragraph, a: number, b: number, subject: boolean): void {
  const { tokens } = p;
  // "the Commons science and technology committee": a named body written partly in lowercase.
  let e = b;
  const definite = tokens[a]!.lower === 'the' || tokens[a - 1]?.lower === 'the';
  while (definite && e < tokens.length && e - b < 5 && tokens[e]!.kind === 'word' && !tokens[e]!.cap && !/^(?:said|says|has|had|is|was|on|in|at|to|for|by|with|that|which|who|the|a|an|its|his|her|their)$/.test(tokens[e]!.lower)) e++;
  while (e > b && !ORG_WORDS.has(tokens[e - 1]!.lower)) e--;
  if (e > b && !/'s$/.test(tokens[b - 1]!.lower)) {
    const first = NOT_NAME.has(bare(tokens[a]!.lower)) ? a + 1 : a;
    reg.mention(p.masked.slice(tokens[first]!.start, tokens[e - 1]!.end), null, p.start + tokens[e - 1]!.start, p.sentenceOf[e - 1]!, subject);
    return;
  }
  const m = phraseBefore(tokens, b, p.masked, Math.max(0, a - 5));
  if (!m || m.kind === 'pronoun' || m.kind === 'nominal') return;
  const pos = p.start + tokens[b - 1]!.start;
  const sentence = p.sentenceOf[b - 1]!;
  const names = m.kind === 'group' ? m.name.split(/\s+and\s+/).map(stripRole) : [{ name: m.name, role: m.role }];
  for (const { name: n, role: partRole } of names) {
    // Apposition after the name: "Putin, the Russian president,".
    let role = partRole;
    if (tokens[b]?.text === ',' && /^(?:the|a|an)$/.test(tokens[b + 1]?.lower ?? '')) {
      let k = b + 2;
      while (k < tokens.length && k < b + 10 && tokens[k]!.kind === 'word') k++;
      if (tokens[k]?.text === ',' || tokens[k]?.text === '.') role = [role, p.masked.slice(tokens[b + 1]!.start, tokens[k - 1]!.end)].filter(Boolean).join('; ');
    }
    reg.mention(n, role, pos, sentence, subject);
  }
}

/** `Marcia "Cia" Price`: a short capitalised quote between two parts of a name is a nickname. */
function isNickname(text: string, s: Segment): boolean {
  if (s.close < 0) return false;
  const inner = text.slice(s.start, s.end);
  if (!/^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u.test(inner)) return false;
  return /\p{Lu}[\p{L}.'’-]*\s$/u.test(text.slice(Math.max(0, s.open - 30), s.open)) && /^\s\p{Lu}/u.test(text.slice(s.close + 1, s.close + 3));
}
