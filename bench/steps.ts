// The benchmark steps run in child processes (worker.ts): in-process ingestion and db builds.
import { spawn } from 'node:child_process';

const WORKER = new URL('./worker.ts', import.meta.url).pathname;

export interface IngestRun {
  documents: number;
  articles: number;
  stored: number;
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
}

export interface BuildRun {
  stored: number;
  added: number;
  nextIndex: number;
  briefSeconds: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
}

/** Runs worker.ts with `args` in a new node process; resolves with the JSON line it prints. */
export function runWorker<T>(args: string[], nodeArgs: string[] = []): Promise<T> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const last = Buffer.concat(out).toString('utf8').trim().split('\n').pop() ?? '';
      if (status !== 0) reject(new Error(`bench worker ${args[0]} failed (${status}): ${last}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}
