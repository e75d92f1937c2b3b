// The `newsbrief` command as a user runs it: a whole process (the package's bin), timed from
// spawn. Peak RSS and CPU time come from a preloaded probe (probe.mjs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, nowMs } from './stats.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** From spawn to the first byte on stdout (the first answer), ms. */
  firstOutputMs: number | null;
  /** From spawn to exit, ms. */
  totalMs: number;
  peakRssMB: number | null;
  cpuMs: number | null;
}

/** The `newsbrief` bin of this package (package.json "bin"), which may be a compiled build. */
export function binPath(): string {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin?: string | Record<string, string> };
  const rel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.newsbrief;
  if (!rel) throw new Error('package.json has no "bin" for newsbrief');
  const path = resolve(rel);
  if (!existsSync(path)) throw new Error(`${rel} does not exist: build it first (npm run prepare)`);
  return path;
}

interface Probe {
  maxRssKB: number;
  userMs: number;
  systemMs: number;
}

const PROBE = new URL('./probe.mjs', import.meta.url).href;
let runs = 0;

export function runCli(args: string[], opts: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<CliRun> {
  const probeFile = join(tmpdir(), `nb-bench-probe-${process.pid}-${runs++}.json`);
  const t0 = nowMs();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', PROBE, binPath(), ...args], {
    env: { ...process.env, ...opts.env, BENCH_PROBE_FILE: probeFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let firstOutputMs: number | null = null;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => {
    firstOutputMs ??= nowMs() - t0;
    out.push(c);
  });
  child.stderr.on('data', (c: Buffer) => err.push(c));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => {
      const totalMs = nowMs() - t0;
      const probe = existsSync(probeFile) ? (JSON.parse(readFileSync(probeFile, 'utf8')) as Probe) : null;
      rmSync(probeFile, { force: true });
      done({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        firstOutputMs,
        totalMs,
        peakRssMB: probe ? probe.maxRssKB / 1024 : null,
        cpuMs: probe ? probe.userMs + probe.systemMs : null,
      });
    });
  });
}

export interface CliIngest {
  articles: number;
  stored: number;
  seconds: number;
  articlesPerSecond: number;
  cpuSeconds: number | null;
  peakRssMB: number | null;
}

/** `newsbrief ingest <dirs> --db <db>`: one line per article on stdout. */
export async function cliIngest(dirs: string[], db: string, nodeArgs: string[] = []): Promise<CliIngest> {
  const run = await runCli(['ingest', ...dirs, '--db', db], { nodeArgs });
  const lines = run.stdout.split('\n').filter(Boolean);
  if (run.status !== 0 && !lines.length) throw new Error(`newsbrief ingest failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  const seconds = run.totalMs / 1000;
  return {
    articles: lines.length,
    stored: lines.filter((l) => l.startsWith('stored:')).length,
    seconds,
    articlesPerSecond: lines.length / seconds,
    cpuSeconds: run.cpuMs === null ? null : run.cpuMs / 1000,
    peakRssMB: run.peakRssMB,
  };
}

export interface Startup {
  articles: number;
  runs: number;
  /** Median time from spawn to the answer of `ask /brief`, ms. */
  firstAnswerMs: number;
  samplesMs: number[];
  peakRssMB: number | null;
}

/** A process answering `newsbrief ask "/brief"` on an existing db (after one untimed warm-up run). */
export async function startup(db: string, articles: number, runs: number): Promise<Startup> {
  const ask = () => runCli(['ask', '/brief', '--db', db]);
  const warm = await ask();
  if (warm.status !== 0) throw new Error(`newsbrief ask failed (${warm.status}): ${warm.stderr.slice(0, 500)}`);
  const samples: number[] = [];
  let peak: number | null = null;
  for (let i = 0; i < runs; i++) {
    const r = await ask();
    if (!/\S/.test(r.stdout)) throw new Error('newsbrief ask printed no answer');
    samples.push(r.firstOutputMs ?? r.totalMs);
    peak = Math.max(peak ?? 0, r.peakRssMB ?? 0);
  }
  return { articles, runs, firstAnswerMs: median(samples), samplesMs: samples, peakRssMB: peak };
}
