// The article as paragraphs (one per line of a block), each with its quote segments, masked text,
// tokens and sentences; and the first pass that registers every named person and organisation.
import type { Article, Block } from '../article.ts';
import { createRegistry, isKnownPlace, type Registry } from './entities.ts';
import { findSegments, type Segment } from './marks.ts';
import { maskParagraph } from './masked.ts';
import { DEMONYMS, FIRST_NAMES, NOT_NAME, ORG_DESCRIPTORS, ORG_WORDS, PLACE_WORDS, ROLE_NOUNS, TITLES } from './lexicon.ts';
import { isSpeechVerb, phraseBefore, pluralBeforeOrg, stripRole } from './mentions.ts';
import { isNationalityNoun } from './names.ts';
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
      if (t.lower === 'the' && (i === p.sentenceStart[i] || tokens[i - 1]?.text === ',' || tokens[i - 1]?.text === '"')) {
        // "The 48-year-old actor said…", "The Tory leader was asked…": a description of someone already named.
        const d = describedSubject(reg, p, i);
        if (d) { i = d; continue; }
      }
      if (!(t.kind === 'word' && t.cap)) { i++; continue; }
      let j = i;
      while (j < tokens.length && (
        (tokens[j]!.kind === 'word' && tokens[j]!.cap) ||
        (tokens[j]!.kind === 'word' && /^(?:of|de|van|von|bin|al|la|du|da|der|del|di)$/.test(tokens[j]!.lower) && tokens[j + 1]?.cap && j > i))) {
        j++;
        // "Guy's Hospital" stays one name; "Clinton's campaign" ends at the possessive.
        if (/(?:'s|s')$/.test(tokens[j - 1]!.lower) && !(tokens[j]?.cap && (ORG_WORDS.has(bare(tokens[j]!.lower)) || PLACE_WORDS.has(bare(tokens[j]!.lower)))) && !pluralBeforeOrg(tokens, j - 1)) break;
      }
      let a = i;
      while (a < j && NOT_NAME.has(bare(tokens[a]!.lower))) a++;
      // Names: trailing junk ("Vadim Mitroshin The company…", a full stop lost): the function word is not the name's.
      let z = j;
      while (z > a + 1 && NOT_NAME.has(bare(tokens[z - 1]!.lower))) z--;
      if (z < j) { if (a < z) register(reg, p, a, z, a - p.sentenceStart[a]! <= 2, false); i = z; continue; }
      const single = j - a === 1 ? bare(tokens[a]!.lower) : null;
      const initial = a - p.sentenceStart[a]! === 0 || tokens[a - 1]?.text === '"';
      // "Tory leader Michael Howard": a party or title word before a role noun names no one.
      const roleAfter = tokens[j]?.kind === 'word' && !tokens[j]!.cap && ROLE_NOUNS.has(tokens[j]!.lower);
      // "At Easter, …", "By Monday, …": an opening time phrase names no one.
      const openingPhrase = a - p.sentenceStart[a]! === 1 && /^(?:at|in|on|by|during|after|before|since|until|over|for)$/.test(tokens[a - 1]!.lower) && tokens[j]?.text === ',';
      if (single && openingPhrase && !reg.lookup(tokens[a]!.text, p.start + tokens[a]!.start, false)) { i = j; continue; }
      if (single && (DEMONYMS.has(single) || (roleAfter && TITLES.has(single)) || (initial && !midCaps.has(single) && !FIRST_NAMES.has(single) && !isKnownPlace(single) && !reg.lookup(tokens[a]!.text, p.start + tokens[a]!.start, false) && !/^\p{Lu}{2,}$/u.test(tokens[a]!.text)))) {
        i = j;
        continue;
      }
      if (a < j) {
        const lead = a - p.sentenceStart[a]!;
        // After an inverted speech verb ("…, noted NBC's Dante Chinni") the name is the verb's subject too.
        const v = /(?:'s|s')$/.test(tokens[a - 1]?.lower ?? '') && tokens[a - 1]!.cap ? a - 2 : a - 1;
        // A possessive ("Mr Brown's Budget was…") is not the subject of its sentence.
        // "Meanwhile, Perpignan centre Jean-Philippe Granclaude is…": counted from an introductory comma.
        let intro = -1;
        for (let c = p.sentenceStart[a]!; c < a && c < p.sentenceStart[a]! + 6; c++) if (tokens[c]!.text === ',') intro = c;
        // Chains: the subject of a clause after a conjunction ("… but McIlroy is unfazed") is a subject too.
        const clause = /^(?:but|while|although|though|whereas|and)$/.test(tokens[a - 1]?.lower ?? '') && /^(?:is|was|has|had|says|said|insists|insisted|remains|remained|believes|believed|admits|admitted|thinks)$/.test(tokens[j]?.lower ?? '');
        const subject = !/(?:'s|s')$/.test(tokens[j - 1]!.lower) && (lead <= 2 || clause || (intro >= 0 && a - intro - 1 <= 2) || tokens[a - 1]?.text === ',' || tokens[a - 1]?.text === '"' || (isSpeechVerb(tokens[v]) && (tokens[v - 1]?.text === ',' || tokens[v - 1]?.kind === 'quote' || tokens[v - 1]?.text === '"')));
        register(reg, p, a, j, subject, /(?:'s|s')$/.test(tokens[j - 1]!.lower));
      }
      i = j;
    }
  }
  reg.finish();
  return reg;
}

function describedSubject(reg: Registry, p: Paragraph, i: number): number | null {
  const { tokens } = p;
  // The longest run of up to four words after "the" that ends in a role, an age or a nationality noun.
  let to = -1;
  for (let k = i + 1; k < tokens.length && k <= i + 4 && tokens[k]!.kind === 'word'; k++) {
    const t = tokens[k]!;
    const head = bare(t.lower);
    if (ROLE_NOUNS.has(head) || /year-old$/.test(head) || (k === i + 1 && isNationalityNoun(t.text))) to = k + 1;
    if (/(?:'s|s')$/.test(t.lower) || (t.cap && !TITLES.has(head) && !DEMONYMS.has(head) && k > i + 1)) break;
  }
  // A possessive ("The prime minister's enthusiasm") is not the subject.
  if (to < 0 || /(?:'s|s')$/.test(tokens[to - 1]!.lower)) return null;
  const head = bare(tokens[to - 1]!.lower);
  if (/^(?:spokes(?:man|woman|person)|source|official|aide)$/.test(head) || tokens[to]?.lower === 'of') return null;
  const name = p.masked.slice(tokens[i + 1]!.start, tokens[to - 1]!.end);
  const pos = p.start + tokens[i]!.start;
  const sentence = p.sentenceOf[i]!;
  // Heads of state and government are usually someone other than the person just named.
  const e = reg.resolveNominal(name, pos) ?? (/^(?:president|chancellor|king|queen|pope|premier|minister|secretary)$/.test(head) ? null : reg.resolveSalient(pos, sentence));
  if (!e) return null;
  reg.chainEntity(e, pos, sentence);
  return to;
}

function register(reg: Registry, p: Paragraph, a: number, b: number, subject: boolean, possessive = false): void {
  const { tokens } = p;
  // "the Commons science and technology committee": a named body written partly in lowercase.
  let e = b;
  const definite = tokens[a]!.lower === 'the' || tokens[a - 1]?.lower === 'the';
  while (definite && e < tokens.length && e - b < 5 && tokens[e]!.kind === 'word' && !tokens[e]!.cap && !/^(?:said|says|has|had|is|was|on|in|at|to|for|by|with|that|which|who|the|a|an|its|his|her|their)$/.test(tokens[e]!.lower)) e++;
  while (e > b && !ORG_WORDS.has(tokens[e - 1]!.lower)) e--;
  if (e > b && !/(?:'s|s')$/.test(tokens[b - 1]!.lower)) {
    const first = NOT_NAME.has(bare(tokens[a]!.lower)) ? a + 1 : a;
    reg.mention(p.masked.slice(tokens[first]!.start, tokens[e - 1]!.end), null, p.start + tokens[e - 1]!.start, p.sentenceOf[e - 1]!, subject);
    return;
  }
  // "King's Cross station", "the Mandir temple": a name followed by a place noun names the place.
  const next = tokens[b];
  if (next && next.kind === 'word' && !next.cap && PLACE_WORDS.has(next.lower) && !/(?:'s|s')$/.test(tokens[b - 1]!.lower)) {
    const first = NOT_NAME.has(bare(tokens[a]!.lower)) ? a + 1 : a;
    if (first < b) reg.mention(p.masked.slice(tokens[first]!.start, next.end), null, p.start + next.start, p.sentenceOf[b]!, false);
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
    const e = reg.mention(n, role, pos, sentence, subject, possessive);
    // "copy protection firm Veritrax": introduced as a firm, it is an organisation.
    const before = tokens[a - 1];
    if (e && e.kind === 'person' && e.gender === null && before && before.kind === 'word' && !before.cap && ORG_DESCRIPTORS.has(before.lower) && e.words.length <= 2) e.kind = 'organisation';
  }
}

/** `Marcia "Cia" Price`: a short capitalised quote between two parts of a name is a nickname. */
function isNickname(text: string, s: Segment): boolean {
  if (s.close < 0) return false;
  const inner = text.slice(s.start, s.end);
  if (!/^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u.test(inner)) return false;
  return /\p{Lu}[\p{L}.'’-]*\s$/u.test(text.slice(Math.max(0, s.open - 30), s.open)) && /^\s\p{Lu}/u.test(text.slice(s.close + 1, s.close + 3));
}
