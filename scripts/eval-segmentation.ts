// Scores sentence segmentation against the gold sentence lists of ../shared/eval/segmentation
// (boundary P/R/F1, exact-sentence P/R/F1, share of articles segmented perfectly) for the
// project's rule-based splitter and for wink-nlp, and measures their speed.
//   npm run eval:segmentation -- [--data <dir>] [--errors N] [--no-wink]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { splitSentences } from '../src/core/sentences/index.ts';

interface Span { start: number; end: number }
interface GoldDoc { file: string; sentences: string[] }
type Splitter = (text: string) => Span[];

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(opt('--data') ?? '../shared/eval/segmentation');
const showErrors = Number(opt('--errors') ?? '0');
if (!existsSync(join(dataDir, 'gold.jsonl'))) {
  console.error(`no gold.jsonl in ${dataDir}: pass --data <folder of the segmentation set>`);
  process.exit(2);
}

const gold: GoldDoc[] = readFileSync(join(dataDir, 'gold.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);

interface Doc { file: string; body: string; gold: Span[] }
const docs: Doc[] = gold.map((g) => {
  const raw = readFileSync(join(dataDir, g.file), 'utf8');
  const bodyStart = raw.search(/\n\s*\n/);
  const body = bodyStart < 0 ? raw : raw.slice(bodyStart).replace(/^\s+/, '');
  const spans: Span[] = [];
  let from = 0;
  for (const s of g.sentences) {
    const t = s.trim();
    const at = body.indexOf(t, from);
    if (at < 0) throw new Error(`${g.file}: gold sentence not found in the body: ${t.slice(0, 60)}`);
    spans.push({ start: at, end: at + t.length });
    from = at + t.length;
  }
  return { file: g.file, body, gold: spans };
});

const nlp = winkNLP(model);
const winkSplit: Splitter = (text) => {
  const out: Span[] = [];
  let from = 0;
  for (const para of text.split(/\n[ \t]*\n/)) {
    const paraAt = text.indexOf(para, from);
    let inner = 0;
    for (const s of nlp.readDoc(para).sentences().out()) {
      const t = s.trim();
      const at = para.indexOf(t, inner);
      if (at < 0 || !t) continue;
      out.push({ start: paraAt + at, end: paraAt + at + t.length });
      inner = at + t.length;
    }
    from = paraAt + para.length;
  }
  return out;
};

interface Score { bP: number; bR: number; bF: number; sP: number; sR: number; sF: number; perfect: number; sentences: number; perSec: number }

function score(name: string, split: Splitter): Score {
  let bTp = 0, bPred = 0, bGold = 0, sTp = 0, sPred = 0, sGold = 0, perfect = 0, shown = 0;
  for (const d of docs) {
    const pred = split(d.body);
    const gEnds = new Set(d.gold.slice(0, -1).map((s) => s.end));
    const pEnds = new Set(pred.slice(0, -1).map((s) => s.end));
    const gSpans = new Set(d.gold.map((s) => `${s.start}:${s.end}`));
    const pSpans = new Set(pred.map((s) => `${s.start}:${s.end}`));
    const tp = [...pEnds].filter((e) => gEnds.has(e)).length;
    bTp += tp; bPred += pEnds.size; bGold += gEnds.size;
    const stp = [...pSpans].filter((s) => gSpans.has(s)).length;
    sTp += stp; sPred += pSpans.size; sGold += gSpans.size;
    if (stp === gSpans.size && stp === pSpans.size) perfect++;
    for (const e of pEnds) if (!gEnds.has(e) && shown < showErrors) { shown++; console.log(`  ${name} extra  ${d.file}: …${d.body.slice(Math.max(0, e - 50), e)} ⟂ ${d.body.slice(e, e + 30)}…`); }
    for (const e of gEnds) if (!pEnds.has(e) && shown < showErrors) { shown++; console.log(`  ${name} missed ${d.file}: …${d.body.slice(Math.max(0, e - 50), e)} ⟂ ${d.body.slice(e, e + 30)}…`); }
  }
  const f = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
  const bP = bTp / bPred, bR = bTp / bGold, sP = sTp / sPred, sR = sTp / sGold;
  // speed: repeat over the corpus for at least ~0.5 s
  let n = 0, rounds = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 500 || rounds < 2) {
    for (const d of docs) n += split(d.body).length;
    rounds++;
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  return { bP, bR, bF: f(bP, bR), sP, sR, sF: f(sP, sR), perfect: perfect / docs.length, sentences: sPred, perSec };
}

const rows: [string, Score][] = [['rule-based (core/sentences)     ', score('rules', splitSentences)]];
if (!args.includes('--no-wink')) rows.push(['wink-nlp + eng-lite-web-model', score('wink', winkSplit)]);

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
console.log(`\nSentence segmentation on ${docs.length} articles, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold sentences (${dataDir})\n`);
console.log('splitter                            | bound P | bound R | bound F1 | sent P | sent R | sent F1 | perfect | sentences/s');
console.log('------------------------------------|---------|---------|----------|--------|--------|---------|---------|------------');
for (const [name, s] of rows) {
  console.log(`${name.padEnd(36)}| ${pct(s.bP)}  | ${pct(s.bR)}  | ${pct(s.bF)}   | ${pct(s.sP)} | ${pct(s.sR)} | ${pct(s.sF)}  | ${pct(s.perfect)}  | ${Math.round(s.perSec).toLocaleString('en-US').padStart(11)}`);
}
