// A generalisation check on articles that have a headline but no reference summary (e.g. the
// BBC corpus in ../shared/corpus/bbc): the headline stands in for the reference, and we measure
// how much of it the key points recover (ROUGE recall), against Lead-3 and against a lead of the
// same number of sentences as ours (so a shorter summary is not rewarded for being short).
// For measuring only: nothing is tuned on these articles.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article, Block } from '../src/core/article.ts';
import { splitSentences } from '../src/core/sentences/index.ts';
import { summarize } from '../src/core/summarize/index.ts';

function listTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTexts(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** "Headline\n\nbody": the headline line and a body-only Article (headline withheld from summarize). */
function headlineAndArticle(content: string, file: string): { headline: string; article: Article } | null {
  const m = /^\s*([^\n]+)\n\s*\n([\s\S]+)$/.exec(content);
  if (!m?.[1] || !m[2]) return null;
  const paras = m[2].split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  const blocks: Block[] = [];
  let pos = 0;
  for (const p of paras) {
    blocks.push({ kind: 'paragraph', start: pos, end: pos + p.length });
    pos += p.length + 2;
  }
  const article: Article = { guid: null, url: null, file, source: null, format: 'text', headline: null, byline: null, published: null, bullets: [], body: paras.join('\n\n'), blocks };
  return { headline: m[1].trim(), article };
}

interface Rouge { r1: number; r2: number; f1: number; f2: number; items: number; tokens: number }

function readScores(json: string, key: 'summaries' | 'lead3'): Rouge {
  const d = JSON.parse(json) as Record<string, { rouge1: { recall: number; f1: number }; rouge2: { recall: number; f1: number }; items_per_doc: number; tokens_per_doc: number }>;
  const s = d[key];
  if (!s) throw new Error(`scorer output has no ${key}`);
  return { r1: s.rouge1.recall, r2: s.rouge2.recall, f1: s.rouge1.f1, f2: s.rouge2.f1, items: s.items_per_doc, tokens: s.tokens_per_doc };
}

export function headlineCheck(dir: string, scorer: string, work: string): void {
  const gold: string[] = [];
  const ours: string[] = [];
  const sameLength: string[] = [];
  const seen = new Set<string>();
  let leadHeadlines = 0;
  for (const path of listTexts(dir)) {
    const content = readFileSync(path, 'utf8');
    const hash = createHash('sha1').update(content).digest('hex');
    if (seen.has(hash)) continue; // the BBC set repeats some stories
    seen.add(hash);
    const parsed = headlineAndArticle(content, path);
    if (!parsed) continue;
    const file = relative(dir, path).replaceAll('/', '_');
    const sentences = splitSentences(parsed.article.body);
    const summary = summarize(parsed.article, sentences);
    if (summary.headlineFrom === 'lead') leadHeadlines++;
    const points = summary.keyPoints.map((k) => k.text);
    gold.push(JSON.stringify({ file, highlights: [parsed.headline], lead3: sentences.slice(0, 3).map((s) => s.text) }));
    ours.push(JSON.stringify({ file, summary: points }));
    sameLength.push(JSON.stringify({ file, summary: sentences.slice(0, points.length).map((s) => s.text) }));
  }
  writeFileSync(join(work, 'gold.jsonl'), gold.join('\n') + '\n');
  writeFileSync(join(work, 'headline-ours.jsonl'), ours.join('\n') + '\n');
  writeFileSync(join(work, 'headline-lead-same.jsonl'), sameLength.join('\n') + '\n');
  const run = (pred: string): string => execFileSync(process.execPath, [scorer, '--gold', work, '--pred', join(work, pred), '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const oursJson = run('headline-ours.jsonl');
  const a = readScores(oursJson, 'summaries');
  const l3 = readScores(oursJson, 'lead3');
  const same = readScores(run('headline-lead-same.jsonl'), 'summaries');
  const row = (name: string, s: Rouge): string =>
    `${name.padEnd(26)} ${s.r1.toFixed(2).padStart(6)} ${s.r2.toFixed(2).padStart(6)} ${s.f1.toFixed(2).padStart(6)} ${s.f2.toFixed(2).padStart(6)} ${s.items.toFixed(1).padStart(6)} ${s.tokens.toFixed(1).padStart(7)}`;
  console.log(`\n== Headline recovery on ${gold.length} unique articles with headlines (${dir}) ==`);
  console.log('the headline is the reference; the key points are made without it');
  console.log(`${'system'.padEnd(26)} ${'R1rec'.padStart(6)} ${'R2rec'.padStart(6)} ${'R1 F'.padStart(6)} ${'R2 F'.padStart(6)} ${'items'.padStart(6)} ${'tokens'.padStart(7)}`);
  console.log(row('newsbrief key points', a));
  console.log(row('lead, same # sentences', same));
  console.log(row('lead-3', l3));
  console.log(`headline check: newsbrief R1rec=${a.r1.toFixed(2)} R2rec=${a.r2.toFixed(2)} | lead-same R1rec=${same.r1.toFixed(2)} R2rec=${same.r2.toFixed(2)} | lead3 R1rec=${l3.r1.toFixed(2)} R2rec=${l3.r2.toFixed(2)} | headlines from lead: ${leadHeadlines}`);
}
