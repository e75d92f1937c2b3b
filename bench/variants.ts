// Large archives made from real articles. Variant i of the corpus is article i mod n, round
// r = floor(i / n): round 0 is the article itself; later rounds swap the surnames of its speakers
// (from a pool of 8,000 made-up surnames), shift every number by r and give the article its own
// guid; a headline with neither names nor numbers gets a place and the round. Variants do not
// deduplicate, headlines differ, and the speaker registry grows as a real archive's does. Bodies
// of one article's variants stay alike (a story-clustering store may group them). The briefing is computed once per real article and varied the
// same way (direct store ingestion: the db build does not re-run the briefing core).
import type { Article, Briefing } from '../src/core/article.ts';
import { buildBriefing } from '../src/core/briefing.ts';
import { parseDocument } from '../src/core/parse/index.ts';
import { pickTopQuote } from '../src/core/top-quote.ts';
import { fileLabel, type Corpus } from './corpus.ts';

export interface Briefed {
  article: Article;
  briefing: Briefing;
  /** The speakers' surnames as they appear in the text, and a regex matching any of them. */
  surnames: RegExp | null;
}

const SYLLABLES = ['bar', 'ker', 'son', 'ley', 'wick', 'mor', 'ton', 'ash', 'fen', 'dal', 'rid', 'gan', 'vel', 'sto', 'lin', 'ham', 'cro', 'pen', 'ward', 'bel'];
const POOL: string[] = [];
for (const a of SYLLABLES) for (const b of SYLLABLES) for (const c of SYLLABLES) POOL.push(cap(a + b + c));
const PLACES = ['Leeds', 'Cardiff', 'Belfast', 'Glasgow', 'Bristol', 'York', 'Dundee', 'Norwich', 'Exeter', 'Derby', 'Bangor', 'Truro'];

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses and briefs every corpus text once (articles that fail to parse are left out). */
export function briefCorpus(corpus: Corpus): Briefed[] {
  const out: Briefed[] = [];
  corpus.texts.forEach((content, i) => {
    for (const article of parseDocument({ content, file: fileLabel(corpus.files[i]!), url: null })) {
      const briefing = buildBriefing(article);
      const names = new Set<string>();
      for (const sp of briefing.speakers) {
        if (sp.kind !== 'person') continue;
        const last = sp.name.split(/\s+/).pop() ?? '';
        if (/^\p{Lu}\p{Ll}{2,}$/u.test(last)) names.add(last);
      }
      const surnames = names.size ? new RegExp(`\\b(${[...names].map(escape).join('|')})\\b`, 'gu') : null;
      out.push({ article, briefing, surnames });
    }
  });
  return out;
}

export interface Variant {
  article: Article;
  briefing: Briefing;
  ingestedAt: Date;
}

const EPOCH = Date.UTC(2026, 0, 1);

/** Variant i of the corpus (see the file comment); ingested one minute after variant i - 1. */
export function variant(corpus: Briefed[], i: number): Variant {
  const base = corpus[i % corpus.length]!;
  const r = Math.floor(i / corpus.length);
  const ingestedAt = new Date(EPOCH + i * 60_000);
  if (r === 0) return { article: base.article, briefing: base.briefing, ingestedAt };
  const tx = (s: string): string => {
    const named = base.surnames ? s.replace(base.surnames, (n) => POOL[(hash(n) + r * 7919) % POOL.length]!) : s;
    return named.replace(/\d+/g, (d) => String(Number(d) + r));
  };
  const b = base.briefing;
  let body = tx(base.article.body);
  if (body === base.article.body) body += `\n\nReported from ${PLACES[r % PLACES.length]} (${r}).`;
  // a headline with no name or number to vary still differs from round to round
  const varied = tx(b.headline);
  const headline = varied === b.headline ? `${b.headline}: ${PLACES[r % PLACES.length]} update ${r}` : varied;
  const quotes = b.quotes.map((q) => ({ ...q, text: tx(q.text), speaker: q.speaker && tx(q.speaker), mention: q.mention && tx(q.mention) }));
  const briefing: Briefing = {
    headline,
    headlineFrom: b.headlineFrom,
    keyPoints: b.keyPoints.map((k) => ({ ...k, text: tx(k.text) })),
    quotes,
    speakers: b.speakers.map((s) => ({ ...s, name: tx(s.name), aliases: s.aliases.map(tx), role: s.role && tx(s.role) })),
    topQuote: pickTopQuote(quotes),
  };
  const article: Article = { ...base.article, guid: `bench:${i}`, url: null, file: `variant-${i}.txt`, headline: base.article.headline === null ? null : headline, body };
  return { article, briefing, ingestedAt };
}
