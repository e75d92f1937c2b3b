// npm run bench [-- --quick] [--profile] [--corpus DIR]
// Ingestion (in process and as `newsbrief ingest`), peers side by side, query latency at growing
// archive sizes on every available store, digest fan-out against rate-limited fakes, and start-up
// to the first answer. Prints a table and writes bench/results.json (see README, Performance).
//   --quick     1k and 10k articles only, smaller fan-out and peer sample: under a minute
//   --profile   also profile ingestion (node --cpu-prof), in process and as `newsbrief ingest`
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../src/core/parse/index.ts';
import { cliIngest, runCli, startup } from './cli.ts';
import { corpusDirs, fileLabel, loadCorpus } from './corpus.ts';
import { measureFanout } from './fanout.ts';
import { measureLatency, type LatencyRow } from './latency.ts';
import { measurePeers } from './peers.ts';
import { printProfile, summarizeProfileDir } from './profile.ts';
import { machine, printResults, targets, type Results } from './report.ts';
import { MB, round } from './stats.ts';
import { runWorker, type BuildRun, type IngestRun } from './steps.ts';
import { STORE_OPENERS, storeOpener } from './stores.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    reps: { type: 'string' },
  },
});
const quick = values.quick!;
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const reps = Number(values.reps ?? (quick ? 100 : 300));
const fanoutChannels = quick ? { discord: 100, slack: 20 } : { discord: 500, slack: 500 };
const work = mkdtempSync(join(tmpdir(), 'nb-bench-'));
const corpusArgs = values.corpus ? ['--corpus', values.corpus] : [];
const say = (s: string) => process.stderr.write(`bench: ${s}\n`);
const started = machine();

try {
  const corpus = loadCorpus(values.corpus);
  say(`corpus ${corpus.dir}: ${corpus.texts.length} documents`);

  // 1. ingestion: in process (the ingestion use case, own process) and as a user runs it
  say('ingestion in process');
  const ing = await runWorker<IngestRun>(['ingest', '--target', join(work, 'ingest.db'), ...corpusArgs]);
  say('newsbrief ingest');
  const cli = await cliIngest(corpusDirs(values.corpus), join(work, 'cli.db'));

  let profile: Results['profile'];
  if (values.profile) {
    say('profiling ingestion (--cpu-prof)');
    const dirs = { inProcess: join(work, 'prof-in'), cli: join(work, 'prof-cli') };
    for (const d of Object.values(dirs)) mkdirSync(d);
    await runWorker<IngestRun>(['ingest', '--target', join(work, 'prof.db'), ...corpusArgs], ['--cpu-prof', `--cpu-prof-dir=${dirs.inProcess}`]);
    await cliIngest(corpusDirs(values.corpus), join(work, 'prof-cli.db'), ['--cpu-prof', `--cpu-prof-dir=${dirs.cli}`]);
    profile = { inProcess: summarizeProfileDir(dirs.inProcess), cli: summarizeProfileDir(dirs.cli) };
  }

  // 2. peers, over the same parsed articles
  say('peers');
  const articles = corpus.texts.flatMap((content, i) => parseDocument({ content, file: fileLabel(corpus.files[i]!), url: null }));
  const peers = await measurePeers(quick ? articles.filter((_, i) => i % 20 === 0) : articles, 3);

  // 3. latency at growing sizes, one db per store grown stage by stage; 5. start-up on the largest
  const latency: LatencyRow[] = [];
  const build: Results['build'] = [];
  const skippedStores: Results['skippedStores'] = [];
  let startupRun: Awaited<ReturnType<typeof startup>> | null = null;
  let dbSizeMB: number | null = null;
  for (const opener of STORE_OPENERS) {
    const why = await opener.unavailable();
    if (why) {
      skippedStores.push({ store: opener.name, reason: why });
      continue;
    }
    const target = opener.target(join(work, opener.name));
    mkdirSync(join(work, opener.name), { recursive: true });
    let nextIndex = 0;
    for (const size of sizes) {
      say(`${opener.name}: building ${size.toLocaleString('en')} articles`);
      const b = await runWorker<BuildRun>(['build', '--store', opener.name, '--target', target, '--to', String(size), '--from-index', String(nextIndex), ...corpusArgs]);
      nextIndex = b.nextIndex;
      const sizeMB = await opener.sizeMB(target);
      build.push({ store: opener.name, articles: b.stored, seconds: round(b.seconds, 2), articlesPerSecond: round(b.added / b.seconds), peakRssMB: round(b.peakRssMB), dbSizeMB: sizeMB === null ? null : round(sizeMB) });
      say(`${opener.name}: latency at ${size.toLocaleString('en')}`);
      const store = await storeOpener(opener.name).open(target);
      try {
        latency.push(...(await measureLatency(store, opener.name, b.stored, reps)));
      } finally {
        await store.close();
      }
    }
    if (opener.name === 'sqlite') {
      dbSizeMB = round((await opener.sizeMB(target)) ?? 0);
      say('start-up to the first answer');
      startupRun = await startup(target, sizes[sizes.length - 1]!, quick ? 3 : 5);
      if (profile) {
        const dir = join(work, 'prof-startup');
        mkdirSync(dir);
        await runCli(['ask', '/brief', '--db', target], { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
        profile.startup = summarizeProfileDir(dir);
      }
    }
  }
  if (!startupRun) throw new Error('no SQLite run: start-up not measured');

  // 4. digest fan-out, on its own small store
  say(`fan-out to ${fanoutChannels.discord + fanoutChannels.slack} channels`);
  const fanStore = await storeOpener('sqlite').open(join(work, 'fanout.db'));
  let fanout;
  try {
    fanout = await measureFanout(fanStore, articles.slice(0, 20), fanoutChannels);
  } finally {
    await fanStore.close();
  }

  const mb = corpus.bytes / MB;
  const partial: Omit<Results, 'targets'> = {
    date: new Date().toISOString(),
    quick,
    machine: { ...started, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
    corpus: { dir: corpus.dir, documents: corpus.texts.length, mb: round(mb, 2) },
    ingest: {
      articles: ing.articles,
      stored: ing.stored,
      seconds: round(ing.seconds, 2),
      articlesPerSecond: round(ing.articles / ing.seconds),
      mbPerSecond: round(mb / ing.seconds, 2),
      cpuSeconds: round(ing.cpuSeconds, 2),
      articlesPerCpuSecond: round(ing.articles / ing.cpuSeconds),
      peakRssMB: round(ing.peakRssMB),
    },
    cliIngest: {
      articles: cli.articles,
      stored: cli.stored,
      seconds: round(cli.seconds, 2),
      articlesPerSecond: round(cli.articlesPerSecond),
      cpuSeconds: cli.cpuSeconds === null ? null : round(cli.cpuSeconds, 2),
      articlesPerCpuSecond: cli.cpuSeconds ? round(cli.articles / cli.cpuSeconds) : null,
      peakRssMB: cli.peakRssMB === null ? null : round(cli.peakRssMB),
    },
    peers,
    build,
    latency,
    skippedStores,
    fanout,
    startupMs: round(startupRun.firstAnswerMs),
    startup: { articles: startupRun.articles, samplesMs: startupRun.samplesMs.map((s) => round(s)), peakRssMB: startupRun.peakRssMB === null ? null : round(startupRun.peakRssMB) },
    dbSizeMB,
    ...(profile ? { profile } : {}),
  };
  const results: Results = { ...partial, targets: targets(partial) };
  printResults(results);
  if (profile) {
    printProfile('profile: ingestion in process', profile.inProcess);
    printProfile('profile: newsbrief ingest (whole process)', profile.cli);
    if (profile.startup) printProfile('profile: newsbrief ask /brief (start-up)', profile.startup);
  }
  const out = new URL('./results.json', import.meta.url);
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  say(`wrote ${out.pathname}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
