// Heavy benchmark steps, each run in its own process (clean peak RSS, optional --cpu-prof):
//   ingest: the corpus through the ingestion use case (parse, briefing, quotes, store) into a new db
//   build:  grow a db with corpus variants (direct store ingestion) up to --to stored articles
// Prints one JSON line with the measurements.
import { parseArgs } from 'node:util';
import { ingestDocument } from '../src/app/ingest.ts';
import { storeArticle } from '../src/app/store-article.ts';
import { silentLogger } from '../src/logger.ts';
import { fileLabel, loadCorpus } from './corpus.ts';
import { nowMs, peakRssMB } from './stats.ts';
import { storeOpener } from './stores.ts';
import { briefCorpus, variant } from './variants.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
    target: { type: 'string' },
    to: { type: 'string' },
    'from-index': { type: 'string', default: '0' },
  },
});
const task = positionals[0];
const corpus = loadCorpus(values.corpus);
const opener = storeOpener(values.store!);
const target = values.target!;

if (task === 'ingest') {
  const store = await opener.open(target);
  const clock = { now: () => new Date() };
  const deps = { store, clock, logger: silentLogger };
  let articles = 0;
  let stored = 0;
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  for (const [i, content] of corpus.texts.entries()) {
    const label = fileLabel(corpus.files[i]!);
    const doc = { ok: true as const, label, input: { content, file: label, url: null }, origin: { target: corpus.dir, path: corpus.files[i]!, url: null, size: content.length, sha256: '' } };
    for (const line of await ingestDocument(deps, doc)) {
      articles++;
      if (line.status === 'stored') stored++;
    }
  }
  const seconds = (nowMs() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ documents: corpus.texts.length, articles, stored, bytes: corpus.bytes, seconds, cpuSeconds, peakRssMB: peakRssMB() }));
} else if (task === 'build') {
  const to = Number(values.to);
  const t0 = nowMs();
  const briefed = briefCorpus(corpus);
  const briefSeconds = (nowMs() - t0) / 1000;
  const store = await opener.open(target);
  let stored = await store.countArticles();
  let i = Number(values['from-index']);
  const t1 = nowMs();
  const cpu0 = process.cpuUsage();
  const added0 = stored;
  while (stored < to) {
    const v = variant(briefed, i++);
    const res = await storeArticle(store, v.article, v.briefing, v.ingestedAt);
    if (res.status === 'stored') stored++;
  }
  const seconds = (nowMs() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ stored, added: stored - added0, nextIndex: i, briefSeconds, seconds, cpuSeconds, peakRssMB: peakRssMB() }));
} else {
  console.error('usage: worker.ts ingest|build --target <db> [--store sqlite] [--corpus DIR] [--to N --from-index I]');
  process.exit(2);
}
