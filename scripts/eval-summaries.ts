// Scores the key points of summarize() against editor-written highlights, with Lead-3 (from
// the scorer, same run) and a TextRank baseline (ts-textrank, 3 sentences) for comparison.
//   npm run eval:summaries -- [--data <dir>] [--scorer <score-summaries.mjs>] [--keep <dir>] [--headlines <dir>]
// --headlines <dir>: also a generalisation check on articles with a headline line and no
// reference summary (e.g. ../shared/corpus/bbc), see eval-summaries-headlines.ts.
// <dir> holds <hash>.txt articles (body only, no headline line) and gold.jsonl, as in
// ../shared/eval/summaries/dev. The data stays where it is; predictions go to a temp folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } from 'ts-textrank';
import type { Article, Block } from '../src/core/article.ts';
import { splitSentences } from '../src/core/sentences/index.ts';
import { summarize } from '../src/core/summarize/index.ts';
import { parseDocument } from '../src/core/parse/index.ts';
import { buildBriefing } from '../src/core/briefing.ts';
import { foldTable, perDocument } from './eval-summaries-folds.ts';
import { headlineCheck } from './eval-summaries-headlines.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(opt('--data') ?? '../shared/eval/summaries/dev');
const scorer = resolve(opt('--scorer') ?? firstExisting([join(dataDir, '../../score-summaries.mjs'), '../shared/eval/score-summaries.mjs']));
const keep = opt('--keep');

function firstExisting(paths: string[]): string {
  return paths.find((p) => existsSync(p)) ?? paths[paths.length - 1] ?? '';
}

/** The body-only Article of a file with no headline line: paragraphs split at blank lines. */
function bodyOnlyArticle(content: string, file: string): Article {
  const paras = content.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  const blocks: Block[] = [];
  let pos = 0;
  for (const p of paras) {
    blocks.push({ kind: 'paragraph', start: pos, end: pos + p.length });
    pos += p.length + 2;
  }
  return { guid: null, url: null, file, source: null, format: 'text', headline: null, byline: null, published: null, bullets: [], body: paras.join('\n\n'), blocks };
}

let parserFallbacks = 0;
/** parseDocument when its result keeps the whole text as the body; a body-only Article otherwise. */
function readArticle(content: string, file: string): Article {
  try {
    const parsed = parseDocument({ content, file, url: null });
    const a = parsed[0];
    const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
    if (parsed.length === 1 && a && a.bullets.length === 0 && words(a.body) + words(a.headline ?? '') >= 0.97 * words(content)) {
      if (!a.headline) return a;
    }
  } catch {
    // fall through to the body-only article
  }
  parserFallbacks++;
  return bodyOnlyArticle(content, file);
}

if (!existsSync(join(dataDir, 'gold.jsonl')) || !existsSync(scorer)) {
  console.error(`need ${join(dataDir, 'gold.jsonl')} and the scorer ${scorer}: pass --data <dir> [--scorer <score-summaries.mjs>]`);
  process.exit(2);
}
const files = readdirSync(dataDir).filter((f) => f.endsWith('.txt')).sort();
if (files.length === 0) {
  console.error(`no .txt articles in ${dataDir}`);
  process.exit(2);
}
const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'newsbrief-eval-'));
mkdirSync(work, { recursive: true });

const ours: string[] = [];
const textrank: string[] = [];
const sizes: number[] = [];
const articles: Article[] = [];
const tr = new Summarizer(new AbsoluteSummarizerConfig(3, new SorensenDiceSimilarity(), new DefaultTextParser(), 0.85, Summarizer.SORT_OCCURENCE), new NullLogger());
for (const f of files) {
  const content = readFileSync(join(dataDir, f), 'utf8');
  const article = readArticle(content, f);
  articles.push(article);
  const summary = buildBriefing(article); // the production path: quotes first, key points that do not repeat the top quote
  for (const k of summary.keyPoints) {
    if (k.start !== null && k.end !== null && article.body.slice(k.start, k.end) !== k.text) throw new Error(`${f}: key point not traceable: ${k.text}`);
  }
  sizes.push(summary.keyPoints.length);
  ours.push(JSON.stringify({ file: basename(f), headline: summary.headline, summary: summary.keyPoints.map((k) => k.text) }));
  let trSummary: string[] = [];
  try {
    trSummary = tr.summarize(content, 'en');
  } catch {
    trSummary = [];
  }
  textrank.push(JSON.stringify({ file: basename(f), summary: trSummary }));
}
const oursPath = join(work, 'newsbrief.jsonl');
const trPath = join(work, 'textrank.jsonl');
writeFileSync(oursPath, ours.join('\n') + '\n');
writeFileSync(trPath, textrank.join('\n') + '\n');

function score(name: string, pred: string): Record<string, number> {
  const out = execFileSync(process.execPath, [scorer, '--gold', dataDir, '--pred', pred], { encoding: 'utf8' });
  console.log(`\n== ${name} ==\n${out.trim()}`);
  const last = out.trim().split('\n').pop() ?? '';
  const nums: Record<string, number> = {};
  const m = /summaries: R1=([\d.]+) R2=([\d.]+) RLsum=([\d.]+) lead3: R1=([\d.]+) R2=([\d.]+) RLsum=([\d.]+)/.exec(last);
  if (m) ['R1', 'R2', 'RLsum', 'L1', 'L2', 'LLsum'].forEach((k, i) => (nums[k] = Number(m[i + 1])));
  return nums;
}

console.log(`Summaries of ${files.length} articles from ${dataDir}`);
if (parserFallbacks) console.log(`(parseDocument did not give a body-only article for ${parserFallbacks} files: built them directly)`);
const a = score('newsbrief summarize()', oursPath);
const b = score('TextRank baseline (ts-textrank, 3 sentences)', trPath);
// speed, warm: split + summarize over all articles, repeated for at least a second
for (let w = 0; w < 20; w++) for (const a of articles) summarize(a, splitSentences(a.body)); // warm-up (JIT)
// speed is of split + summarize (quote extraction is measured by eval:quotes and the bench)
let rounds = 0;
const t0 = performance.now();
while (performance.now() - t0 < 1000 || rounds < 3) {
  for (const a of articles) summarize(a, splitSentences(a.body));
  rounds++;
}
const perArticleMs = (performance.now() - t0) / (rounds * articles.length);
const avgKb = articles.reduce((n, a) => n + a.body.length, 0) / articles.length / 1000;
const avg = sizes.reduce((x, y) => x + y, 0) / sizes.length;
console.log(`\nkey points per article: mean ${avg.toFixed(2)}, min ${Math.min(...sizes)}, max ${Math.max(...sizes)}; split+summarize: ${perArticleMs.toFixed(3)} ms/article of ${avgKb.toFixed(1)} KB (${Math.round(1000 / perArticleMs)} articles/s)`);
const fmt = (x: number | undefined): string => (x ?? NaN).toFixed(2);
const d = (x: number | undefined, y: number | undefined): string => ((x ?? NaN) - (y ?? NaN) >= 0 ? '+' : '') + ((x ?? NaN) - (y ?? NaN)).toFixed(2);
foldTable(files, perDocument(scorer, dataDir, oursPath), perDocument(scorer, dataDir, trPath));
console.log(
  `comparison: newsbrief R1=${fmt(a.R1)} R2=${fmt(a.R2)} RLsum=${fmt(a.RLsum)} | lead3 R1=${fmt(a.L1)} R2=${fmt(a.L2)} RLsum=${fmt(a.LLsum)} | textrank R1=${fmt(b.R1)} R2=${fmt(b.R2)} RLsum=${fmt(b.RLsum)} | newsbrief-lead3 R1=${d(a.R1, a.L1)} R2=${d(a.R2, a.L2)} RLsum=${d(a.RLsum, a.LLsum)}`,
);
const headlineDir = opt('--headlines');
if (headlineDir) {
  const hw = join(work, 'headlines');
  mkdirSync(hw, { recursive: true });
  headlineCheck(resolve(headlineDir), scorer, hw);
}
if (!keep) rmSync(work, { recursive: true, force: true });
