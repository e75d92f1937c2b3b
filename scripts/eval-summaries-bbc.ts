// Briefs of the BBC corpus as a user sees them (../shared/corpus/bbc, read through the real text
// parser and buildBriefing): how many briefs repeat the card's quote in a key point, how many
// open with a key point that leans on a sentence the reader does not see, and how fast
// split + summarize runs (and that it stays linear in the article). For measuring only.
//   npx tsx scripts/eval-summaries-bbc.ts [--data <dir>] [--show N]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/core/article.ts';
import { buildBriefing } from '../src/core/briefing.ts';
import { parseDocument } from '../src/core/parse/index.ts';
import { splitSentences } from '../src/core/sentences/index.ts';
import { openingReference, summarize } from '../src/core/summarize/index.ts';
import { textStats } from '../src/core/summarize/text-signals.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(opt('--data') ?? '../shared/corpus/bbc');
const show = Number(opt('--show') ?? '0');

function listTexts(d: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) out.push(...listTexts(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

const norm = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const seen = new Set<string>();
const articles: { file: string; article: Article }[] = [];
for (const path of listTexts(dir)) {
  const content = readFileSync(path, 'utf8');
  const hash = createHash('sha1').update(content).digest('hex');
  if (seen.has(hash)) continue; // the BBC set repeats some stories
  seen.add(hash);
  const [article] = parseDocument({ content, file: relative(dir, path), url: null });
  if (article) articles.push({ file: relative(dir, path), article });
}

let withQuote = 0;
let repeatQuote = 0;
let nearQuote = 0;
let pronounFirst = 0;
let definiteFirst = 0;
let briefs = 0;
const examples: string[] = [];
for (const { file, article } of articles) {
  const b = buildBriefing(article);
  if (b.keyPoints.length === 0) continue;
  briefs++;
  const q = b.topQuote ? norm(b.topQuote.text) : '';
  if (q) {
    withQuote++;
    const qWords = new Set(textStats(b.topQuote?.text ?? '').words);
    if (b.keyPoints.some((k) => norm(k.text).includes(q))) repeatQuote++;
    if (b.keyPoints.some((k) => { const w = new Set(textStats(k.text).words); let n = 0; for (const x of qWords) if (w.has(x)) n++; return qWords.size > 0 && n / qWords.size >= 0.6; })) nearQuote++;
  }
  const first = b.keyPoints[0];
  if (first) {
    const sentences = splitSentences(article.body);
    const at = first.sentence ?? 0;
    const before = new Set(sentences.slice(0, at).flatMap((s) => textStats(s.text).words));
    const ref = openingReference(first.text, (w) => before.has(w));
    if (ref.kind === 'pronoun' || ref.kind === 'connective') pronounFirst++;
    if (ref.kind === 'definite' || ref.kind === 'surname') definiteFirst++;
    if (ref.kind !== 'none' && examples.length < show) examples.push(`${file} [${ref.kind}] ${first.text.slice(0, 120)}`);
  }
}
const pct = (n: number, d: number): string => `${n} of ${d} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;
console.log(`BBC briefs: ${briefs} unique articles from ${dir}`);
console.log(`key points repeat the card's quote (quote text inside a key point): ${pct(repeatQuote, briefs)}; of briefs with a quote: ${pct(repeatQuote, withQuote)}`);
console.log(`key points nearly repeat the card's quote (>= 60% of its words in one key point): ${pct(nearQuote, briefs)}`);
console.log(`first key point opens with a pronoun or connective: ${pct(pronounFirst, briefs)}`);
console.log(`first key point opens with a definite description or bare surname used before it: ${pct(definiteFirst, briefs)}`);
for (const e of examples) console.log(`  ${e}`);

// speed: split + summarize, warm, over the corpus for at least a second
const bodies = articles.map((a) => a.article);
for (let w = 0; w < 5; w++) for (const a of bodies) summarize(a, splitSentences(a.body));
let rounds = 0;
const t0 = performance.now();
while (performance.now() - t0 < 1000 || rounds < 2) {
  for (const a of bodies) summarize(a, splitSentences(a.body));
  rounds++;
}
const ms = (performance.now() - t0) / (rounds * bodies.length);
const kb = bodies.reduce((n, a) => n + a.body.length, 0) / bodies.length / 1000;
console.log(`split+summarize: ${ms.toFixed(3)} ms/article of ${kb.toFixed(1)} KB (${Math.round(1000 / ms)} articles/s, one core)`);

// linearity: one article made 1, 4 and 16 times longer; time per KB should stay flat
const base = bodies.slice(0, 50).map((a) => a.body).join('\n\n');
for (const times of [1, 4, 16]) {
  const body = Array.from({ length: times }, () => base).join('\n\n');
  const a: Article = { ...(bodies[0] as Article), body, blocks: [], headline: null };
  let best = Infinity; // best of 5: the machine is shared, the minimum is the least disturbed run
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    summarize(a, splitSentences(a.body));
    best = Math.min(best, performance.now() - t);
  }
  console.log(`  ${String(Math.round(body.length / 1000)).padStart(5)} KB body: ${((1000 * best) / (body.length / 1000)).toFixed(1)} µs/KB (best of 5)`);
}
