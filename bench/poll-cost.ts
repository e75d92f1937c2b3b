// The cost of one poll of a local feed: fetch + decode + parse on a 200, and the conditional GET
// answered 304 (no body, no parse). The feed server runs in a child process, so CPU is ours only.
//
//   npx tsx bench/poll-cost.ts [--items 30] [--rounds 200]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocumentResult } from '../src/core/parse/index.ts';
import { fetchFeed, type FetchValidators } from '../src/sources/fetch/index.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '30' }, rounds: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);
const child = fork(fileURLToPath(new URL('./feed-server.mjs', import.meta.url)), [values.items ?? '30'], { stdio: 'inherit' });
const info = await new Promise<{ port: number; bytes: number; gzBytes: number }>((resolve) => child.once('message', (m) => resolve(m as never)));
const opts = { allowPrivate: true } as const;

async function poll(path: string, validators: FetchValidators | null): Promise<number> {
  const r = await fetchFeed(`http://127.0.0.1:${info.port}${path}`, { ...opts, validators });
  if (r.kind === 'document') return parseDocumentResult(r.input).articles.length;
  if (r.kind === 'not-modified') return 0;
  throw new Error(r.message);
}

async function measure(name: string, path: string, validators: FetchValidators | null) {
  for (let i = 0; i < 20; i++) await poll(path, validators); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let articles = 0;
  for (let i = 0; i < rounds; i++) articles += await poll(path, validators);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6 / rounds;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / rounds;
  return { name, wallMs, cpuMs, articles: articles / rounds };
}

const rows = [
  await measure('200 (identity)', '/feed', null),
  await measure('200 (gzip)', '/feed.gz', null),
  await measure('304 not modified', '/feed', { etag: '"v1"', lastModified: null }),
];
child.kill();

console.log(`feed: ${values.items} items, ${(info.bytes / 1024).toFixed(0)} kB (${(info.gzBytes / 1024).toFixed(0)} kB gzipped); ${rounds} polls each, sequential`);
console.log('case                 wall ms/poll   CPU ms/poll   articles   polls per core-10-min (CPU bound)');
for (const r of rows) {
  console.log(`${r.name.padEnd(20)} ${r.wallMs.toFixed(2).padStart(12)} ${r.cpuMs.toFixed(2).padStart(13)} ${String(r.articles).padStart(10)}   ${Math.floor(600_000 / r.cpuMs).toLocaleString('en-GB').padStart(10)}`);
}
