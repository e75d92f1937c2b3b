// Small measuring helpers: wall clock, percentiles, memory, file sizes.
import { existsSync, statSync } from 'node:fs';

export const MB = 1024 * 1024;

/** Monotonic ms (performance.now: the clock the fakes record request times on). */
export function nowMs(): number {
  return performance.now();
}

/** The p-th percentile (0-100) of the samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Size of a SQLite database with its WAL and shared-memory files, in MB. */
export function sqliteSizeMB(path: string): number {
  let bytes = 0;
  for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) bytes += statSync(p).size;
  return bytes / MB;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Best (lowest) wall time of `rounds` runs of fn, in ms. */
export async function bestOf(rounds: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = nowMs();
    await fn();
    best = Math.min(best, nowMs() - t0);
  }
  return best;
}
