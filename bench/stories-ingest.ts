// What story clustering adds to ingestion, at archive sizes: the store is filled with N synthetic
// stories (random-vocabulary bodies of ~150 words with names, spread over a year), then new
// articles are stored one at a time, timing the article's insert and its story assignment
// (candidates from the band/name key index, comparison, writes) separately. Half of the new
// articles are lightly edited copies of recent stories (they join), half are new.
//   npm run bench:stories [-- --sizes 10000,100000 --probe 300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article, Briefing } from '../src/core/article.ts';
import { assignArticleStory } from '../src/app/stories/assign-article-story.ts';
import { storeArticle } from '../src/app/store-article.ts';
import { contentHash } from '../src/core/dedupe-keys.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, probe: { type: 'string', default: '300' } } });
const sizes = values.sizes!.split(',').map(Number);
const probe = Number(values.probe);

// deterministic pseudo-random numbers (mulberry32)
let seed = 42;
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const syll = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dar', 'in', 'el', 'sor', 'um', 'pa', 'ne', 'gil', 'tor'];
const word = (i: number) => { let w = ''; let x = i + 1; while (x > 0) { w += syll[x % syll.length]; x = Math.floor(x / syll.length); } return w; };
const VOCAB = Array.from({ length: 6000 }, (_, i) => word(i));
const NAMES = Array.from({ length: 3000 }, (_, i) => { const w = word(i + 7000); return w[0]!.toUpperCase() + w.slice(1); });
const pick = () => VOCAB[Math.floor(Math.pow(rnd(), 2.2) * VOCAB.length)]!; // Zipf-like
const sentence = () => { const n = 10 + Math.floor(rnd() * 10); const w = Array.from({ length: n }, pick); w[2] = NAMES[Math.floor(rnd() * NAMES.length)]!; return `${w.join(' ')}.`; };
const body = () => Array.from({ length: 4 }, () => Array.from({ length: 2 }, sentence).join(' ')).join('\n\n');

const YEAR = 365 * 24 * 3_600_000;
const T0 = Date.UTC(2025, 0, 1);

function art(text: string, headline: string, published: Date, i: number): [Article, Briefing] {
  return [
    { guid: `g${i}`, url: `https://bench.test/${i}`, file: null, source: `Outlet ${i % 7}`, format: 'text', headline, byline: null, published: published.toISOString(), bullets: [], body: text, blocks: [] },
    { headline, headlineFrom: 'article', keyPoints: [{ text: text.slice(0, 80), sentence: 0, start: 0, end: 80 }], quotes: [], speakers: [], topQuote: null },
  ];
}

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };

for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'nb-bench-stories-'));
  const store = await openStore(join(dir, 'bench.db'));
  const recent: string[] = [];
  const tFill = performance.now();
  for (let start = 0; start < size; start += 1000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(size, start + 1000); i++) {
        const when = new Date(T0 + (i / size) * YEAR);
        const text = body();
        if (i >= size - 200) recent.push(text);
        const [a, b] = art(text, `Headline ${i} ${pick()} ${pick()}`, when, i);
        await storeArticle(tx, a, b, when);
      }
    });
  }
  const fillS = (performance.now() - tFill) / 1000;
  const stories = await store.countStories({});
  const insertMs: number[] = [];
  const assignMs: number[] = [];
  let joined = 0;
  for (let k = 0; k < probe; k++) {
    const i = size + k;
    const when = new Date(T0 + YEAR + k * 60_000);
    // a copy with one sentence changed, or a new story
    const text = k % 2 === 0 ? recent[k % recent.length]!.replace(/^[^.]*\./, sentence()) : body();
    const [a, b] = art(text, `Headline ${i}`, when, i);
    await store.transaction(async (tx) => {
      const t0 = performance.now();
      const articleId = await tx.insertArticle({ article: a, briefing: b, ingestedAt: when, guidKey: a.guid, contentHash: contentHash(a), quotes: [] });
      const t1 = performance.now();
      const r = await assignArticleStory(tx, { articleId, headline: b.headline, body: a.body, url: a.url, source: a.source, published: a.published, ingestedAt: when, keyPoints: b.keyPoints, topQuote: null });
      const t2 = performance.now();
      if (r.joined) joined++;
      insertMs.push(t1 - t0);
      assignMs.push(t2 - t1);
    });
  }
  const f = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
  console.log(`${size} articles (${stories} stories; filled in ${fillS.toFixed(0)} s): insert ${f(insertMs)}; story assignment ${f(assignMs)}; ${joined}/${probe} joined a story (${probe / 2} copies)`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
