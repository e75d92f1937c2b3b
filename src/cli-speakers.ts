// `newsbrief speakers rebuild`: repairs the speaker registry of a database built under older rules.
import { buildBriefing } from './core/briefing.ts';
import { rebuildSpeakers } from './app/speakers/rebuild-speakers.ts';
import type { CliContext } from './cli-commands.ts';
import { openStore } from './store/index.ts';

export async function runSpeakersRebuild(ctx: CliContext): Promise<number> {
  const store = await openStore(ctx.config.dbPath);
  try {
    const before = (await store.mostQuotedSpeakers(1_000_000)).length;
    const r = await rebuildSpeakers(store, buildBriefing, (p) => ctx.io.stdout.write(`rebuilding speakers: ${p.articles}/${p.total} articles\n`));
    const after = (await store.mostQuotedSpeakers(1_000_000)).length;
    ctx.io.stdout.write(
      `rebuilt: ${r.articles} articles, ${r.quotes} quotes (${r.attributed} attributed, ${r.byStoredName} by their stored speaker), ` +
        `${before} speakers before, ${after} after\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
