// Benchmarks: parsing, briefing (sentences + summary + quotes), ingestion and command queries.
// Speeds are reported as articles/s and as ratios against a baseline run in the same process
// over the same texts (a plain lowercase word tokenization), so numbers compare across machines.
//
//   npm run bench                       # the BBC corpus in ../shared/corpus when present, else seeds/
//   npm run bench -- --corpus DIR --scale 20000   # also ingest N synthetic variants and time queries
import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBriefing } from '../src/core/briefing.ts';
import { parseDocument } from '../src/core/parse/index.ts';
import { extractQuotes } from '../src/core/quotes/index.ts';
import { splitSentences } from '../src/core/sentences/index.ts';
import { summarize } from '../src/core/summarize/index.ts';
import type { Article } from '../src/core/article.ts';
import { openStore } from '../src/store/index.ts';
import { storeArticle } from '../src/app/store-article.ts';
import { findSpeakers, suggestSpeakers } from '../src/app/speakers/find-speakers.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, scale: { type: 'string' }, rounds: { type: 'string', default: '3' } } });

function listTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTexts(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

const defaultCorpus = resolve('../shared/corpus/bbc');
const corpusDir = values.corpus ?? (statSync(defaultCorpus, { throwIfNoEntry: false }) ? defaultCorpus : resolve('seeds'));
const files = listTexts(corpusDir);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const kb = texts.reduce((t, s) => t + Buffer.byteLength(s), 0) / 1024;
const rounds = Number(values.rounds);

function time(fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

let sink = 0;
const baseline = time(() => {
  for (const t of texts) sink += t.toLowerCase().split(/[^\p{L}\p{N}]+/u).length;
});
const articles: Article[] = texts.flatMap((t, i) => parseDocument({ content: t, file: files[i]!, url: null }));
const rows: Array<[string, number]> = [
  ['parse', time(() => { for (const [i, t] of texts.entries()) sink += parseDocument({ content: t, file: files[i]!, url: null }).length; })],
  ['sentences', time(() => { for (const a of articles) sink += splitSentences(a.body).length; })],
  ['summarize', time(() => { for (const a of articles) sink += summarize(a).keyPoints.length; })],
  ['quotes', time(() => { for (const a of articles) sink += extractQuotes(a).quotes.length; })],
  ['briefing (all)', time(() => { for (const a of articles) sink += buildBriefing(a).keyPoints.length; })],
];

console.log(`corpus: ${corpusDir} — ${texts.length} articles, ${(kb / texts.length).toFixed(1)} KB each on average`);
console.log(`baseline (lowercase word tokenization): ${baseline.toFixed(1)} ms`);
console.log('step'.padEnd(16), 'ms'.padStart(9), 'articles/s'.padStart(12), '5 KB art./s'.padStart(12), 'x baseline'.padStart(11));
for (const [name, ms] of rows) {
  const perSec = (texts.length / ms) * 1000;
  const per5kb = (kb / 5 / ms) * 1000; // throughput in 5 KB-article equivalents (work is linear in length)
  console.log(name.padEnd(16), ms.toFixed(1).padStart(9), Math.round(perSec).toString().padStart(12), Math.round(per5kb).toString().padStart(12), (ms / baseline).toFixed(1).padStart(11));
}

// ingestion into a real SQLite file, then the queries behind /brief and /quote
const dir = mkdtempSync(join(tmpdir(), 'nb-bench-'));
const store = await openStore(join(dir, 'bench.db'));
const heap0 = process.memoryUsage().heapUsed;
const scale = Number(values.scale ?? 0);
const t0 = process.hrtime.bigint();
let n = 0;
const total = Math.max(scale, articles.length);
for (let i = 0; i < total; i++) {
  const base = articles[i % articles.length]!;
  const a = i < articles.length ? base : { ...base, guid: `synthetic-${i}`, body: `${base.body}\n\nVariant ${i}.` };
  await storeArticle(store, a, buildBriefing(a), new Date(Date.UTC(2024, 0, 1) + i * 1000));
  n++;
}
const ingestMs = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`\ningest into SQLite: ${n} articles in ${ingestMs.toFixed(0)} ms = ${Math.round((n / ingestMs) * 1000)} articles/s (briefing included)`);
const top = await suggestSpeakers(store, '', 5);
const queries: Array<[string, () => unknown]> = [
  ['/brief', () => store.latestStories({ limit: 5 })],
  ['/brief topic:election', () => store.latestStories({ topic: 'election', limit: 5 })],
  [`/quote who:${top[0]?.name ?? 'x'}`, async () => store.quotesBySpeakers({ speakerIds: (await findSpeakers(store, top[0]?.name ?? 'x', 5)).map((s) => s.speakerId), limit: 5 })],
  ['autocomplete "bl"', () => suggestSpeakers(store, 'bl', 25)],
];
for (const [name, q] of queries) {
  const reps = 200;
  const s = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) await q();
  console.log(`${name.padEnd(28)} ${(Number(process.hrtime.bigint() - s) / 1e6 / reps).toFixed(3)} ms/query over ${await store.countArticles()} articles`);
}
console.log(`heap growth during ingestion: ${((process.memoryUsage().heapUsed - heap0) / 1048576).toFixed(1)} MB; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
await store.close();
rmSync(dir, { recursive: true, force: true });
if (sink === -1) console.log(sink);
