// Evaluates quote extraction on a folder in the format of ../shared/eval/quotes/<split>/:
//   npm run eval:quotes -- [--data <dir>] [--errors N] [--json] [--pred out.jsonl] [--folds N]
// Parses every .txt, extracts quotes, writes predictions JSONL to a temp file and runs the shared
// scorer (score-quotes.mjs, found by walking up from the data folder), printing its output.
// --folds N also scores N folds by article (article i of the sorted file list is in fold i mod N)
// with the same scorer, and prints one line per fold and the total: a rule that helps one fold and
// hurts another is tuning, not generalising.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Article } from '../src/core/article.ts';
import { parseDocument } from '../src/core/parse/index.ts';
import { articleFromDocument } from '../tests/core/article-from-text.ts';
import { extractQuotes } from '../src/core/quotes/index.ts';

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

function findScorer(dataDir: string): string | null {
  let dir = resolve(dataDir);
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'score-quotes.mjs');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** The article as the project's parser reads it; falls back to a plain splitter when the parser finds no headline. */
export function readArticle(content: string, file: string): Article {
  return articleFromDocument(content, file, (c, f) => parseDocument({ content: c, file: f, url: null, contentType: 'text/plain' }));
}

function main(): number {
  const data = resolve(process.cwd(), arg('data') ?? '../shared/eval/quotes/dev');
  if (!existsSync(data)) {
    console.error(`eval-quotes: data folder not found: ${data}`);
    return 2;
  }
  const files = readdirSync(data).filter((f) => f.endsWith('.txt')).sort();
  const lines: string[] = [];
  for (const file of files) {
    const article = readArticle(readFileSync(join(data, file), 'utf8'), file);
    const { quotes } = extractQuotes(article);
    lines.push(JSON.stringify({ file, quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind, mention: q.mention })) }));
  }
  const pred = arg('pred') ?? join(mkdtempSync(join(tmpdir(), 'eval-quotes-')), 'pred.jsonl');
  writeFileSync(pred, lines.join('\n') + '\n');
  const scorer = findScorer(data);
  const gold = join(data, 'gold.jsonl');
  if (!scorer || !existsSync(gold)) {
    console.log(`wrote ${files.length} predictions to ${pred} (no scorer or gold.jsonl found to score them)`);
    return 0;
  }
  const folds = Number(arg('folds') ?? 0);
  if (folds > 1) return foldReport(scorer, gold, pred, files, folds);
  const extra = [...(arg('errors') ? ['--errors', arg('errors')!] : []), ...(process.argv.includes('--json') ? ['--json'] : [])];
  const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, ...extra], { encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  return r.status ?? 1;
}

interface Metrics { lenient: { f1: number }; strict: { f1: number }; e2e: { f1: number }; speaker: { acc: number; correct: number; total: number }; articles: number; goldQuotes: number }

function score(scorer: string, gold: string, pred: string): Metrics | null {
  const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? '');
    return null;
  }
  return JSON.parse(r.stdout) as Metrics;
}

/** Scores each fold (gold and predictions restricted to its articles) and the whole set. */
function foldReport(scorer: string, gold: string, pred: string, files: readonly string[], folds: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'eval-quotes-folds-'));
  const goldLines = readFileSync(gold, 'utf8').split('\n').filter(Boolean);
  const predLines = readFileSync(pred, 'utf8').split('\n').filter(Boolean);
  const fileOf = (line: string): string => (JSON.parse(line) as { file: string }).file.replace(/\.txt$/, '');
  const foldOf = new Map(files.map((f, i) => [f.replace(/\.txt$/, ''), i % folds]));
  const rows: Array<[string, Metrics | null]> = [];
  for (let k = 0; k < folds; k++) {
    const g = join(dir, `gold-${k}.jsonl`);
    const p = join(dir, `pred-${k}.jsonl`);
    writeFileSync(g, goldLines.filter((l) => foldOf.get(fileOf(l)) === k).join('\n') + '\n');
    writeFileSync(p, predLines.filter((l) => foldOf.get(fileOf(l)) === k).join('\n') + '\n');
    rows.push([`fold ${k + 1}/${folds}`, score(scorer, g, p)]);
  }
  rows.push(['total', score(scorer, gold, pred)]);
  const json = process.argv.includes('--json');
  if (json) {
    console.log(JSON.stringify(Object.fromEntries(rows), null, 2));
    return rows.every(([, m]) => m) ? 0 : 1;
  }
  console.log('set          articles  quotes  lenientF1  strictF1  speakerAcc  e2eF1');
  for (const [name, m] of rows) {
    if (!m) { console.log(`${name.padEnd(12)} (scorer failed)`); continue; }
    console.log(`${name.padEnd(12)} ${String(m.articles).padStart(8)}  ${String(m.goldQuotes).padStart(6)}  ${m.lenient.f1.toFixed(1).padStart(9)}  ${m.strict.f1.toFixed(1).padStart(8)}  ${m.speaker.acc.toFixed(1).padStart(10)}  ${m.e2e.f1.toFixed(1).padStart(5)}`);
  }
  return rows.every(([, m]) => m) ? 0 : 1;
}

if (process.argv[1]?.endsWith("eval-quotes.ts")) process.exitCode = main();
