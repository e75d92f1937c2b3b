// Story clustering, measured: pairwise precision and recall of the online clustering on
// hand-labelled same-story / different-story pairs of the BBC corpus (scripts/data/story-pairs.json).
//   npm run eval:stories [-- --corpus ../shared/corpus/bbc] [--pairs scripts/data/story-pairs.json] [--store]
// --store: the corpus is ingested through the real pipeline into a temp SQLite store
// (storeArticle assigns the stories through the band/name key index) and the stories it
// stored are scored.
// All 2,225 articles are clustered in one online pass (in file order) through the same
// assignment rule the store uses; the corpus has no dates, so every article counts as published
// at the same moment (the time window cannot separate follow-ups here).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { assignStory, fingerprint, matchStory, type StoryFingerprint } from '../src/core/stories/index.ts';
import { ingestCorpus } from './bbc-store.ts';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const corpus = resolve(arg('corpus') ?? '../shared/corpus/bbc');
const pairsFile = resolve(arg('pairs') ?? 'scripts/data/story-pairs.json');

interface Pair { a: string; b: string; same: boolean; stratum: string; note?: string }
const { pairs } = JSON.parse(readFileSync(pairsFile, 'utf8')) as { pairs: Pair[] };

const files: string[] = [];
for (const section of readdirSync(corpus).sort()) {
  for (const f of readdirSync(join(corpus, section)).sort()) if (f.endsWith('.txt')) files.push(`${section}/${f}`);
}
const fps = new Map<string, StoryFingerprint>();
const t0 = performance.now();
for (const f of files) {
  const text = readFileSync(join(corpus, f), 'utf8');
  const nl = text.indexOf('\n');
  fps.set(f, fingerprint({ headline: text.slice(0, nl).trim(), body: text.slice(nl + 1).trim() }));
}
const t1 = performance.now();

// online clustering with an in-memory band index
const bandIndex = new Map<string, number[]>();
const members = new Map<number, StoryFingerprint[]>();
const storyOf = new Map<string, number>();
let next = 1;
for (const f of files) {
  const fp = fps.get(f)!;
  const cand = new Set<number>();
  for (const b of fp.bands) for (const s of bandIndex.get(b) ?? []) cand.add(s);
  const got = assignStory(fp, [...cand].map((storyId) => ({ storyId, members: members.get(storyId)!.map((m) => ({ fingerprint: m, hoursApart: 0 })) })));
  const id = got ? got.storyId : next++;
  storyOf.set(f, id);
  const list = members.get(id) ?? [];
  list.unshift(fp);
  members.set(id, list);
  for (const b of fp.bands) {
    const l = bandIndex.get(b) ?? [];
    if (!l.includes(id)) l.push(id);
    bandIndex.set(b, l);
  }
}
const t2 = performance.now();

function score(decide: (p: Pair) => boolean, subset: Pair[]) {
  let tp = 0, fp = 0, fn = 0;
  const errors: string[] = [];
  for (const p of subset) {
    const d = decide(p);
    if (d && p.same) tp++;
    else if (d && !p.same) { fp++; errors.push(`  false join: ${p.a} ~ ${p.b}${p.note ? ` (${p.note})` : ''}`); }
    else if (!d && p.same) { fn++; errors.push(`  missed: ${p.a} ~ ${p.b}${p.note ? ` (${p.note})` : ''}`); }
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn, errors };
}
const clustered = (p: Pair) => storyOf.get(p.a) === storyOf.get(p.b);
const pairwise = (p: Pair) => matchStory(fps.get(p.a)!, fps.get(p.b)!, 0).same;
const fmt = (r: ReturnType<typeof score>) => `P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`;
console.log(`${pairs.length} labelled pairs (${pairs.filter((p) => p.same).length} same story), ${files.length} articles -> ${next - 1} stories`);
const c = score(clustered, pairs);
console.log(`clustering (transitive, online):  ${fmt(c)}`);
console.log(`pairwise rule alone:              ${fmt(score(pairwise, pairs))}`);
for (const s of [...new Set(pairs.map((p) => p.stratum))]) console.log(`  ${s.padEnd(28)} ${fmt(score(clustered, pairs.filter((p) => p.stratum === s)))}`);
console.log(`fingerprints ${((t1 - t0) / files.length).toFixed(3)} ms/article; clustering ${((t2 - t1) / files.length).toFixed(3)} ms/article`);
if (process.argv.includes('--errors')) console.log(c.errors.join('\n'));

if (process.argv.includes('--store')) {
  const { store, articleOf, msPerArticle } = await ingestCorpus(corpus, join(mkdtempSync(join(tmpdir(), 'nb-eval-stories-')), 'bbc.db'));
  const storyOfFile = new Map<string, number | null>();
  for (const [f, id] of articleOf) storyOfFile.set(f, await store.storyOfArticle(id));
  const inStore = (p: Pair) => storyOfFile.get(p.a) != null && storyOfFile.get(p.a) === storyOfFile.get(p.b);
  const r = score(inStore, pairs);
  console.log(`through the store (${articleOf.size} articles -> ${await store.countStories({})} stories, ingest ${msPerArticle.toFixed(1)} ms/article): ${fmt(r)}`);
  for (const s of [...new Set(pairs.map((p) => p.stratum))]) console.log(`  ${s.padEnd(28)} ${fmt(score(inStore, pairs.filter((p) => p.stratum === s)))}`);
  if (process.argv.includes('--errors')) console.log(r.errors.join('\n'));
  await store.close();
}
