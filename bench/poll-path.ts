// The cost of one poll through the whole poll path (pollSource: gated safe fetch, parse, dedupe,
// briefing, SQLite store, source state), per source, for the three cases a poller meets:
//   - first poll: every item new (briefings built and stored);
//   - 200, nothing new: the feed re-sent whole (no validators honoured), items found stored unchanged;
//   - 304: a conditional GET answered Not Modified (nothing parsed).
// The feed server runs in a child process, so the CPU measured is the poller's.
//
//   npx tsx bench/poll-path.ts [--items 30] [--sources 40]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pollSource, type PollDeps } from '../src/app/poll-sources.ts';
import { systemClock } from '../src/app/ports.ts';
import { silentLogger } from '../src/logger.ts';
import { createSourceFetcher } from '../src/sources/source-fetcher.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '30' }, sources: { type: 'string', default: '40' } } });
const n = Number(values.sources);
const child = fork(fileURLToPath(new URL('./feed-server.mjs', import.meta.url)), [values.items ?? '30'], { stdio: 'inherit' });
const info = await new Promise<{ port: number; bytes: number }>((resolve) => child.once('message', (m) => resolve(m as never)));
const dir = mkdtempSync(join(tmpdir(), 'nb-poll-bench-'));
const store = await openStore(join(dir, 'bench.db'));
const fetcher = createSourceFetcher({ fetch: { allowPrivate: true }, minGapMs: 0 });
const deps: PollDeps = { store, clock: systemClock, logger: silentLogger, fetcher, intervalMs: 600_000, random: Math.random };

const urls = Array.from({ length: n }, (_, i) => `http://127.0.0.1:${info.port}/feed?v=${i}`);
for (const url of urls) await store.sources.addSource({ url, label: null, origin: 'cli', addedBy: 'bench', addedAt: new Date() });

async function measure(name: string, before: () => Promise<void>) {
  await before();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let stored = 0;
  for (const url of urls) stored += (await pollSource(deps, (await store.sources.getSource(url))!)).stored;
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const cpu = process.cpuUsage(cpu0);
  return { name, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 / n, stored: stored / n };
}
// The server answers 304 only to If-None-Match "v1": clearing the stored validators makes it send the feed again.
const clearValidators = async () => {
  for (const url of urls) {
    const s = (await store.sources.getSource(url))!;
    await store.sources.recordPoll(url, { validators: { etag: null, lastModified: null }, nextPollAt: new Date(), failures: 0, failing: false, lastError: null, lastReason: null, polledAt: new Date(), lastResult: s.lastResult ?? '', newStory: null });
  }
};
const rows = [
  await measure('first poll (all new)', async () => {}),
  await measure('200, nothing new', clearValidators),
  await measure('304 not modified', async () => {}),
];
child.kill();
await store.close();
rmSync(dir, { recursive: true, force: true });

console.log(`feed: ${values.items} items, ${(info.bytes / 1024).toFixed(0)} kB; ${n} sources, polled in turn through pollSource (SQLite store on disk)`);
console.log('case                    wall ms/poll   CPU ms/poll   new/poll   sources per core per 10 min (CPU bound)');
for (const r of rows) {
  console.log(`${r.name.padEnd(23)} ${r.wallMs.toFixed(2).padStart(12)} ${r.cpuMs.toFixed(2).padStart(13)} ${String(r.stored).padStart(10)}   ${Math.floor(600_000 / r.cpuMs).toLocaleString('en-GB').padStart(10)}`);
}
