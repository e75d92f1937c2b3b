// Evaluates quote extraction on a folder in the format of ../shared/eval/quotes/<split>/:
//   npm run eval:quotes -- [--data <dir>] [--errors N] [--json] [--pred out.jsonl]
// Parses every .txt, extracts quotes, writes predictions JSONL to a temp file and runs the shared
// scorer (score-quotes.mjs, found by walking up from the data folder), printing its output.
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
  const extra = [...(arg('errors') ? ['--errors', arg('errors')!] : []), ...(process.argv.includes('--json') ? ['--json'] : [])];
  const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, ...extra], { encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  return r.status ?? 1;
}

if (process.argv[1]?.endsWith("eval-quotes.ts")) process.exitCode = main();
