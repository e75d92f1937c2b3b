// Preloaded into a benchmarked `newsbrief` process (node --import ./bench/probe.mjs ...): on exit,
// writes its peak RSS and CPU time to $BENCH_PROBE_FILE. Does nothing when the variable is unset.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
