// Digest fan-out on PostgreSQL: 1,000 subscriptions due at once, delivered by one and by two bot
// processes (tests/fixtures/digest/run-due.ts) sharing the POSTS_PER_SECOND budget. Reports wall
// time, posts per second, and the busiest second against the limit. Needs DATABASE_URL (default
// the local test server); runs in a fresh schema, dropped after.
//   npx tsx bench/pg-fanout.ts [subscriptions=1000] [perSecond=50]
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import { createDigests } from '../src/app/digests.ts';
import { silentLogger } from '../src/logger.ts';
import type { PostLine, RunDueOptions } from '../tests/fixtures/digest/run-due.ts';
import { storeArticle } from '../src/app/store-article.ts';
import { article, briefing } from '../tests/store/contract/fixtures.ts';

const N = Number(process.argv[2] ?? 1000);
const RATE = Number(process.argv[3] ?? 50);
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCRIPT = fileURLToPath(new URL('../tests/fixtures/digest/run-due.ts', import.meta.url));
const SLOT = '2026-11-30T08:00:00.000Z';

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: BASE });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

function urlOf(schema: string): string {
  const u = new URL(BASE);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function setUp(schema: string): Promise<string> {
  await admin(`CREATE SCHEMA ${schema}`);
  const db = urlOf(schema);
  const store = await openStore(db);
  const d = createDigests({ store, clock: { now: () => new Date('2026-11-29T12:00:00Z') }, logger: silentLogger, defaults: { time: '08:00', timezone: 'UTC' }, scheduler: null });
  for (let i = 0; i < N; i++) {
    await d.commands.run('subscribe', { time: '08:00' }, { platform: 'slack', channelId: `C${String(i).padStart(4, '0')}`, userId: 'U1', workspaceId: 'W1', canManageChannel: true });
  }
  await storeArticle(store, article({ body: 'The ferry sails again on Monday.' }), briefing('Ferry sails again'), new Date('2026-11-30T07:00:00Z'));
  await store.close();
  return db;
}

function run(o: RunDueOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(SCRIPT, [JSON.stringify(o)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (m: { type: string }) => { if (m.type === 'ready') child.send('go'); });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${o.instanceId} exited ${code}`))));
  });
}

async function measure(instances: number): Promise<void> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const db = await setUp(schema);
  const postsFile = join(mkdtempSync(join(tmpdir(), 'nb-fanout-')), 'posts.jsonl');
  const ids = Array.from({ length: instances }, (_, i) => `i${i}`);
  const started = Date.now();
  await Promise.all(ids.map((instanceId) => run({ db, postsFile, instanceId, now: SLOT, concurrency: 16, entry: 'runDue', answerDelayMs: 5, hangAfter: null, ratePerSecond: RATE })));
  const wall = (Date.now() - started) / 1000;
  const posts = readFileSync(postsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as PostLine);
  const times = posts.map((p) => p.at).sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! < times[i]! - 999) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  const span = (times[times.length - 1]! - times[0]!) / 1000;
  const perChannel = new Map<string, number>();
  for (const p of posts) perChannel.set(p.channelId, (perChannel.get(p.channelId) ?? 0) + 1);
  const dup = [...perChannel.values()].filter((n) => n > 1).length;
  console.log(JSON.stringify({ instances, subscriptions: N, limitPerSecond: RATE, posts: posts.length, duplicates: dup, lost: N - perChannel.size,
    wallSeconds: +wall.toFixed(1), postSpanSeconds: +span.toFixed(1), postsPerSecond: +(posts.length / span).toFixed(1), busiestSecond: busiest,
    byInstance: Object.fromEntries(ids.map((id) => [id, posts.filter((p) => p.instanceId === id).length])) }));
  await admin(`DROP SCHEMA ${schema} CASCADE`);
}

await measure(1);
await measure(2);
