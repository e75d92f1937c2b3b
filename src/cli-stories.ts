// `newsbrief stories rebuild [--restart]`: recomputes the story clusters of the database, with a
// progress bar on a terminal and plain lines otherwise (a log file, a pipe).
import type { Writable } from 'node:stream';
import { systemClock } from './app/ports.ts';
import { rebuildStories } from './app/stories/rebuild-stories.ts';
import type { CliContext } from './cli-commands.ts';
import { openStore } from './store/index.ts';

const BAR = 30;

function progressWriter(out: Writable): (done: number, total: number) => void {
  const tty = Boolean((out as { isTTY?: boolean }).isTTY);
  let lastLine = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (tty) {
      const filled = Math.round((pct / 100) * BAR);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${pct}% ${done}/${total} articles`);
      if (done >= total) out.write('\n');
    } else if (pct >= lastLine + 10 || done >= total) {
      // plain lines: every 10 percent
      lastLine = pct - (pct % 10);
      out.write(`stories rebuild: ${done}/${total} articles (${pct}%)\n`);
    }
  };
}

export async function runStoriesRebuild(ctx: CliContext, restart: boolean): Promise<number> {
  const store = await openStore(ctx.config.dbPath);
  try {
    const r = await rebuildStories(store, { clock: systemClock, restart, onProgress: progressWriter(ctx.io.stdout) });
    const stories = await store.countStories({});
    ctx.io.stdout.write(`${r.resumed ? 'Resumed and finished' : 'Rebuilt'}: ${r.done} articles in ${stories} stories.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
