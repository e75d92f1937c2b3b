// Quote extraction with speakers: Article -> quotes (direct, partial, block) and canonical speakers.
// Pure and linear in the article length: one pass to register names, one to attribute quotes.
import type { Article, ArticleSpeaker, Quote, QuoteKind } from '../article.ts';
import { attribute, introduction, sentenceSpeaker, type Attribution } from './attribution.ts';
import { isKnownPlace, type Entity, type Registry } from './entities.ts';
import { paragraphsOf, registerNames, type Paragraph } from './paragraphs.ts';
import type { Segment } from './marks.ts';
import { isSpeechVerb } from './mentions.ts';
import { FIRST_NAMES } from './lexicon.ts';
import { resolveNominal } from './nominals.ts';


export interface QuoteExtraction {
  quotes: Quote[];
  speakers: ArticleSpeaker[];
}

interface Found {
  para: Paragraph;
  seg: Segment;
  attr: Attribution | null;
  speaker: Entity | null;
  mention: string | null;
  direct: boolean;
  /** Index of the quote's token in the paragraph. */
  q: number;
}

const LABEL = /^([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s/;

export function extractQuotes(article: Article): QuoteExtraction {
  const paragraphs = paragraphsOf(article);
  const reg = registerNames(paragraphs);
  const quotes: Quote[] = [];
  // Each quote's speaker entity: names are read at the end, when every name of the article is final.
  const speakerOf: Array<Entity | null> = [];
  const used = new Map<Entity, Set<string>>();
  let last: Entity | null = null;
  let lastAt = -1;
  let lastSentence = -1;
  let prevFound: Found[] = [];
  let prevIntro: { speaker: Entity | null; mention: string | null; attr: Attribution } | null = null;
  let prevPara: Paragraph | null = null;
  let blockSpeaker: { speaker: Entity | null; mention: string | null } | null = null;

  const resolve = (p: Paragraph, a: Attribution): { speaker: Entity | null; mention: string } => {
    const m = a.mention;
    const tok = p.tokens[m.to - 1] ?? p.tokens[m.from]!;
    const pos = p.start + tok.start;
    const sentence = p.sentenceOf[m.to - 1] ?? 0;
    let speaker: Entity | null = null;
    if (m.kind === 'name' && isStrayCapital(p, m.from, m.to) && !reg.lookup(m.name, pos, false)) speaker = null;
    else if (m.kind === 'name' || m.kind === 'group') speaker = reg.lookup(m.name, pos, true);
    else if (m.kind === 'pronoun') {
      // "He hoped Jay-Z would "…", he added": the sentence's opening pronoun, not the name after it.
      // "Mr Blair has "the same passion" …, he said": a closing "he said" is not the name the sentence began with.
      const s0 = p.sentenceStart[m.from] ?? m.from;
      const opener = p.tokens[s0];
      const closing = (a.via === 'post' || a.via === 'final') && m.from > s0 &&
        !p.tokens.slice(s0, Math.min(a.verb, m.from)).some((t) => t.text === ':' || isSpeechVerb(t));
      const at = opener && s0 < m.from && (opener.lower === m.name || closing) ? p.start + opener.start : pos;
      speaker = reg.resolvePronoun(m.name, at, sentence, last, lastAt, lastSentence);
    }
    else speaker = resolveNominal(reg, m.name, m.text, pos, sentence);
    if (speaker && m.kind === 'name' && m.role) reg.addRole(speaker, m.role);
    // Organisations and spokespeople: a body that speaks through staff is an organisation.
    if (speaker && m.org && speaker.kind === 'person') speaker.kind = 'organisation';
    return { speaker, mention: m.text };
  };

  const emit = (para: Paragraph, start: number, end: number, kind: QuoteKind, speaker: Entity | null, mention: string | null): void => {
    quotes.push({ text: para.text.slice(start, end), start: para.start + start, end: para.start + end, kind, speaker: speaker?.name ?? null, mention });
    speakerOf.push(speaker);
    if (speaker) {
      const set = used.get(speaker) ?? new Set<string>();
      if (mention) set.add(mention);
      used.set(speaker, set);
      last = speaker;
      lastAt = para.start + start;
      const q = para.tokens.findIndex((t) => t.end > start);
      lastSentence = q >= 0 ? (para.sentenceOf[q] ?? lastSentence) : lastSentence;
    }
  };

  for (const para of paragraphs) {
    const found: Found[] = [];
    for (const seg of para.segments) {
      const q = para.tokens.findIndex((t) => t.kind === 'quote' && t.start > seg.open);
      if (q < 0) continue;
      const sent = para.sentences.find((s) => q >= s.from && q < s.to) ?? { from: 0, to: para.tokens.length, id: 0 };
      let direct = isDirect(para, q, sent.from);
      // `"A," said X, chief executive of Y, "B."`: the second half of a split quote.
      if (!direct && found.length > 0) {
        let k = q - 1;
        if (para.tokens[k]?.text === '"') k--;
        const lastFound = found[found.length - 1]!;
        const lq = lastFound.q;
        if (para.tokens[k]?.text === ',' && lastFound.direct && para.sentenceOf[lq] === para.sentenceOf[q] && /,$/.test(para.tokens[lq]?.text ?? '')) direct = true;
      }
      const label = LABEL.exec(para.text.slice(seg.start, seg.end));
      let attr: Attribution | null = null;
      let speaker: Entity | null = null;
      let mention: string | null = null;
      if (label?.[1]) {
        // Transcript turns ("WALLACE: …"): the label names the speaker, written in title case when new.
        const known = reg.lookup(label[1], para.start + seg.start, false);
        speaker = known ?? reg.lookup(label[1].toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()), para.start + seg.start, true);
        mention = label[1];
      } else {
        attr = attribute(para.tokens, q, sent.from, sent.to, para.masked);
        if (attr) ({ speaker, mention } = resolve(para, attr));
      }
      if (!label && isTitle(para, q, para.text.slice(seg.start, seg.end))) continue;
      found.push({ para, seg, attr, speaker, mention, direct: direct || !!label, q });
      // The latest speaker is known as soon as a quote is attributed, for the next "he said" in this paragraph.
      // Chains: a partial quote credited to someone named in it ("Mr Blair said Mr Jackson was a "…"") makes
      // them the latest speaker too, for a "he added" after it.
      if (speaker && (direct || label || attr?.mention.kind === 'name')) {
        last = speaker;
        lastAt = para.start + seg.start;
        lastSentence = para.sentenceOf[q] ?? lastSentence;
      }
    }
    // Unattributed direct quotes share the attribution of a neighbour in the paragraph, or continue the previous paragraph.
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      if (f.attr || f.mention) continue;
      if (!f.direct) continue;
      // A paragraph opening with a quote after one left open (`He said: "… [no closing mark]`) continues that
      // speaker, even when a later sentence of the paragraph quotes someone else.
      const openPrev = prevFound[prevFound.length - 1];
      if (i === 0 && openPrev && openPrev.seg.close === -1 && opensParagraph(para, f.seg) && !sameSentenceAttribution(para, f, found)) {
        f.speaker = openPrev.speaker; f.mention = openPrev.mention; f.attr = openPrev.attr;
        continue;
      }
      // A later quote lends its speaker only within the sentence or across nothing but quotes;
      // a reporter's sentence in between ("Ms X tells Y that …") may be about someone else.
      let prev = found.slice(0, i).reverse().find((g) => g.attr || g.mention);
      if (prev && !adjacent(para, prev, f)) {
        // "… "A," said X. Mr Dunn warned that … "B."": a reporter's sentence naming a new speaker comes between.
        const q = f.q;
        const si = para.sentences.findIndex((s) => q >= s.from && q < s.to);
        const ps = si > 0 ? para.sentences[si - 1] : undefined;
        const quoteFree = ps && !para.tokens.slice(ps.from, ps.to).some((t) => t.kind === 'quote');
        const a = quoteFree ? sentenceSpeaker(para.tokens, ps.from, ps.to, para.masked, false) : null;
        if (a && a.mention.kind === 'name') {
          const r = resolve(para, a);
          if (r.speaker && r.speaker !== prev.speaker) prev = undefined;
        }
      }
      const next = found.slice(i + 1).find((g) => (g.attr || g.mention) && adjacent(para, f, g));
      const source = prev ?? next;
      if (source) { f.speaker = source.speaker; f.mention = source.mention; f.attr = source.attr; continue; }
      // A quote sentence after a reporter's sentence about someone: "Schiff said. "…"", "Sanders identified … "…""
      const q = f.q;
      const si = para.sentences.findIndex((s) => q >= s.from && q < s.to);
      const ps = si > 0 ? para.sentences[si - 1] : undefined;
      if (ps) {
        const a = sentenceSpeaker(para.tokens, ps.from, ps.to, para.masked, true);
        if (a) { f.attr = a; ({ speaker: f.speaker, mention: f.mention } = resolve(para, a)); continue; }
      }
      const startsParagraph = f.seg.open === 0 || para.tokens.findIndex((t) => t.kind === 'word' || t.kind === 'quote') >= para.tokens.findIndex((t) => t.kind === 'quote');
      if (i !== 0 || !startsParagraph) continue;
      // A paragraph opening with an unattributed quote continues the previous paragraph's speaker:
      // its introduction ("He said:"), its last quote, or a reporter's sentence with a speech verb.
      const lastPrev = prevFound[prevFound.length - 1];
      if (prevIntro) {
        f.speaker = prevIntro.speaker;
        f.mention = prevIntro.mention;
        f.attr = prevIntro.attr;
      } else if (lastPrev) {
        f.speaker = lastPrev.speaker;
        f.mention = lastPrev.mention;
        f.attr = lastPrev.attr;
      } else if (prevPara && prevPara.segments.length === 0) {
        const ls = prevPara.sentences[prevPara.sentences.length - 1];
        const a = ls ? sentenceSpeaker(prevPara.tokens, ls.from, ls.to, prevPara.masked, false) : null;
        if (a) {
          f.attr = a;
          ({ speaker: f.speaker, mention: f.mention } = resolve(prevPara, a));
        }
      }
    }
    for (const f of found) {
      if (!f.attr && !f.mention) continue;
      emit(para, f.seg.start, f.seg.end, f.direct ? 'direct' : 'partial', f.speaker, f.mention);
    }
    // Block quotes: unquoted paragraphs after an introduction such as "Zelensky told a press conference:".
    const isBlock = para.segments.length === 0 && (para.kind === 'blockquote' ? (prevIntro ?? blockSpeaker) : prevIntro);
    if (isBlock) {
      const src: { speaker: Entity | null; mention: string | null } = prevIntro ?? blockSpeaker!;
      emit(para, 0, para.text.length, 'block', src.speaker, src.mention);
      blockSpeaker = para.kind === 'blockquote' ? src : null;
    } else blockSpeaker = null;
    const intro = introduction(para.tokens, para.masked);
    prevIntro = intro ? { ...resolve(para, intro), attr: intro } : null;
    prevFound = found.filter((f) => f.attr || f.mention);
    if (para.segments.length === 0 && !isBlock) prevFound = [];
    prevPara = para;
  }
  quotes.forEach((q, i) => { q.speaker = speakerOf[i]?.name ?? null; });
  return { quotes, speakers: speakersOf(used) };
}

/** Quotes `a` (earlier) and `b` share a sentence, or only quotes and punctuation stand between them. */
function adjacent(para: Paragraph, a: Found, b: Found): boolean {
  const qa = a.q;
  const qb = b.q;
  if (qa < 0 || qb < 0) return true;
  const [x, y] = qa < qb ? [qa, qb] : [qb, qa];
  if (para.sentenceOf[x] === para.sentenceOf[y]) return true;
  for (let k = x + 1; k < y; k++) if (para.tokens[k]!.kind === 'word') return false;
  return true;
}

function opensParagraph(para: Paragraph, seg: Segment): boolean {
  const firstWord = para.tokens.findIndex((t) => t.kind === 'word' || t.kind === 'quote');
  return seg.open === 0 || para.tokens[firstWord]?.kind === 'quote';
}

/** Another quote of the same sentence carries an attribution (`"…," he said, "…"`). */
function sameSentenceAttribution(para: Paragraph, f: Found, found: readonly Found[]): boolean {
  const sentenceOfSeg = (g: Found): number => {
    return g.q < 0 ? -1 : (para.sentenceOf[g.q] ?? -1);
  };
  const s = sentenceOfSeg(f);
  return found.some((g) => g !== f && (g.attr || g.mention) && sentenceOfSeg(g) === s);
}

/** A lone capitalised word opening a sentence ("Fears had been expressed…") that the article never names elsewhere. */
function isStrayCapital(p: Paragraph, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const t = p.tokens[from]!;
  const initial = from === p.sentenceStart[from] || p.tokens[from - 1]?.text === '"';
  return initial && !FIRST_NAMES.has(t.lower) && !isKnownPlace(t.text) && !/^\p{Lu}{2,}$/u.test(t.text);
}

function isDirect(para: Paragraph, q: number, sentStart: number): boolean {
  let k = q - 1;
  if (para.tokens[k]?.text === '"') k--;
  if (k < sentStart) return true;
  const t = para.tokens[k]!;
  if (t.text === ':' || t.kind === 'quote' || t.text === '"') return true;
  if (t.text === ',' && isSpeechVerb(para.tokens[k - 1])) return true;
  if ((t.text === ',' || t.text === '—') && para.tokens[k - 1]?.kind === 'word' && para.tokens[k - 2]?.kind === 'word' && isSpeechVerb(para.tokens[k - 2])) return true;
  return false;
}

/** A programme, book or event name: Title Case words after "on", "of", "in", "at" or a possessive, or a stage direction. */
function isTitle(para: Paragraph, q: number, text: string): boolean {
  if (/^\(.*\)\.?$/.test(text)) return true;
  let k = q - 1;
  if (para.tokens[k]?.text === '"') k--;
  const prev = para.tokens[k];
  if (!prev || prev.kind !== 'word') return false;
  return /^(?:on|of|in|at|from|titled|entitled|show|program|programme|book|film|movie|song|album|watching)$/.test(prev.lower) || /'s$/.test(prev.lower) ? isTitleLike(text) : false;
}

function isTitleLike(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const content = words.filter((w) => w.length > 3);
  if (content.length === 0 || words.length > 8) return false;
  return content.every((w) => /^\p{Lu}/u.test(w));
}

function speakersOf(used: Map<Entity, Set<string>>): ArticleSpeaker[] {
  const out: ArticleSpeaker[] = [];
  for (const [e, mentions] of used) {
    const aliases = [...new Set([...mentions].filter((m) => m && m !== e.name && !/^(?:he|she|they|i|we|it)$/i.test(m)))];
    const role = e.roles.map((r) => r.split(';').map((x) => x.trim().replace(/^(?:the|a|an)\s+/i, '')).find((x) => /\p{L}{3,}/u.test(x) && !/^(?:mr|mrs|ms|dr|miss)\.?$/i.test(x))).find(Boolean) ?? null;
    out.push({ name: e.name, aliases, role, kind: e.kind });
  }
  return out;
}
