// Where the time goes, from a V8 .cpuprofile (node --cpu-prof): self time by area of the code
// and by function, and inclusive time of the project's functions (each counted once per stack).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './stats.ts';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface Share { name: string; ms: number; share: number }
export interface ProfileSummary {
  totalMs: number;
  areas: Share[];
  selfTop: Share[];
  inclusiveTop: Share[];
}

/** The area of the code a frame belongs to (the owners named in the benchmark issue). */
export function areaOf(f: CallFrame): string {
  const u = f.url;
  if (!u) {
    if (f.functionName === '(garbage collector)') return 'garbage collection';
    if (f.functionName === '(idle)') return 'idle (waiting: I/O, other processes)';
    if (f.functionName === '(program)') return 'native (V8, SQLite, syscalls)';
    return 'native (V8, SQLite, syscalls)';
  }
  const rules: Array<[RegExp, string]> = [
    [/\/src\/store\//, 'src/store (incl. SQL statements)'],
    [/\/src\/core\/quotes|\/src\/core\/speakers|\/src\/core\/sentence-quotes/, 'src/core/quotes* (+speakers)'],
    [/\/src\/core\/summarize/, 'src/core/summarize*'],
    [/\/src\/core\/sentence/, 'src/core/sentences*'],
    [/\/src\/core\/parse\//, 'src/core/parse'],
    [/\/src\/core\//, 'src/core (other)'],
    [/\/src\//, 'src (app, sources, cli, logger)'],
    [/better-sqlite3/, 'better-sqlite3 (js)'],
    [/node_modules\/(tsx|esbuild|get-tsconfig)/, 'tsx/esbuild (TypeScript at start-up)'],
    [/node_modules\/(pino|thread-stream|sonic-boom)/, 'pino (logging)'],
    [/node_modules\/(discord\.js|@discordjs|@sapphire|@vladfrangu|undici|ws)\//, 'discord.js, @discordjs/*, undici (loading)'],
    [/node_modules\/(@slack|axios|form-data|express|raw-body)/, '@slack/bolt, web-api, axios, express (loading)'],
    [/node_modules\//, 'other node_modules'],
    [/^node:/, 'node internals (modules, streams, fs)'],
  ];
  for (const [re, name] of rules) if (re.test(u)) return name;
  return 'other';
}

const short = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/').replace(/^file:\/\//, '')}:${f.lineNumber + 1}`;

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += dt;
    const key = short(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    const area = areaOf(node.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (!/\/src\//.test(n.callFrame.url)) continue;
      const k = short(n.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const list = (m: Map<string, number>, n: number): Share[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: round(ms), share: round((ms / total) * 100, 1) }));
  return { totalMs: round(total), areas: list(areas, 20), selfTop: list(self, top), inclusiveTop: list(inclusive, top + 10) };
}

/**
 * The main thread's summary from the .cpuprofile files written into `dir` (tsx's module hooks run
 * in a second thread, which writes its own profile: its sampled time is given as otherThreadsMs).
 */
export function summarizeProfileDir(dir: string): ProfileSummary & { otherThreadsMs: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) throw new Error(`no .cpuprofile in ${dir}`);
  const all = files.map((f) => summarizeProfile(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile)).sort((a, b) => b.totalMs - a.totalMs);
  const busy = (p: ProfileSummary) => p.totalMs - (p.areas.find((a) => a.name.startsWith('idle'))?.ms ?? 0);
  return { ...all[0]!, otherThreadsMs: round(all.slice(1).reduce((t, p) => t + busy(p), 0)) };
}

export function printProfile(title: string, p: ProfileSummary & { otherThreadsMs?: number }): void {
  const other = p.otherThreadsMs ? `; ${round(p.otherThreadsMs / 1000, 2)} s busy in other threads (tsx module hooks)` : '';
  console.log(`\n${title}: ${round(p.totalMs / 1000, 2)} s sampled on the main thread${other}`);
  console.log('  by area (self time):');
  for (const a of p.areas) console.log(`    ${a.share.toFixed(1).padStart(5)}%  ${a.name}`);
  console.log('  hottest functions (self time):');
  for (const f of p.selfTop.slice(0, 12)) console.log(`    ${f.share.toFixed(1).padStart(5)}%  ${f.name}`);
  console.log('  project functions (inclusive time):');
  for (const f of p.inclusiveTop.slice(0, 18)) console.log(`    ${f.share.toFixed(1).padStart(5)}%  ${f.name}`);
}
