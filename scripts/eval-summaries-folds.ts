// Five folds of the dev set for eval-summaries: each fold's ROUGE F1 for newsbrief, Lead-3 and
// TextRank, from the scorer's per-document scores. A change that helps one fold and hurts another
// is tuning, not a gain. Fold k holds the files whose index in name order is k mod 5.
import { execFileSync } from 'node:child_process';

type Metric = 'rouge1' | 'rouge2' | 'rougeLsum';
const METRICS: Metric[] = ['rouge1', 'rouge2', 'rougeLsum'];
interface Doc { file: string; summaries: Record<Metric, number>; lead3: Record<Metric, number> }

export function perDocument(scorer: string, gold: string, pred: string): Doc[] {
  const out = execFileSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return (JSON.parse(out) as { per_document: Doc[] }).per_document;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function foldTable(files: string[], ours: Doc[], textrank: Doc[], folds = 5): void {
  const foldOf = new Map(files.map((f, i) => [f, i % folds]));
  const byFile = (docs: Doc[]): Map<string, Doc> => new Map(docs.map((d) => [d.file, d]));
  const o = byFile(ours);
  const t = byFile(textrank);
  const f2 = (x: number): string => x.toFixed(2).padStart(6);
  const sign = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2);
  console.log(`\n== ${folds} folds of dev (file index mod ${folds}); ROUGE F1 x100 ==`);
  console.log('fold  docs | newsbrief R1    R2  RLsum | lead-3 R1    R2  RLsum | textrank R1    R2  RLsum | newsbrief-lead3 R1    R2  RLsum');
  const rows: number[][] = [];
  for (let k = 0; k <= folds; k++) {
    const names = k < folds ? files.filter((f) => foldOf.get(f) === k) : files;
    const pick = (m: Map<string, Doc>, key: 'summaries' | 'lead3', metric: Metric): number => mean(names.map((n) => m.get(n)?.[key][metric] ?? 0));
    const ns = METRICS.map((m) => pick(o, 'summaries', m));
    const ls = METRICS.map((m) => pick(o, 'lead3', m));
    const ts = METRICS.map((m) => pick(t, 'summaries', m));
    if (k < folds) rows.push(ns.map((x, i) => x - (ls[i] ?? 0)));
    const label = k < folds ? `  ${k + 1} ` : 'all ';
    console.log(`${label}  ${String(names.length).padStart(4)} |    ${ns.map(f2).join('')} |  ${ls.map(f2).join('')} |    ${ts.map(f2).join('')} |       ${ns.map((x, i) => sign(x - (ls[i] ?? 0)).padStart(6)).join('')}`);
  }
  const worse = rows.filter((r) => r.some((d) => d < 0)).length;
  console.log(`folds below lead-3 on some metric: ${worse} of ${folds}; min R2 delta ${Math.min(...rows.map((r) => r[1] ?? 0)).toFixed(2)}`);
}
