// `newsbrief sources list|add|remove|import` and `newsbrief poll [--once]` (issue 12). File paths
// (import) are for the operator at the CLI only; chat and configuration give http(s) URLs.
import { createPoller, pollTickMs, type SourcePollReport } from './app/poll-sources.ts';
import { addSource, removeSource, sourceLines } from './app/sources.ts';
import { formatIngestLine } from './app/ingest.ts';
import { systemClock } from './app/ports.ts';
import type { CliContext } from './cli-commands.ts';
import { isBriefingError } from './core/errors.ts';
import { createScheduler } from './scheduler/node-cron-scheduler.ts';
import { readFeedsFile } from './sources/feeds-file.ts';
import { createSourceFetcher } from './sources/source-fetcher.ts';
import { openStore } from './store/index.ts';

export const SOURCES_USAGE = 'newsbrief sources list | add <url> [--label <words>] [--no-full-text] | remove <url> | import <file.opml|feeds.txt>';

/** Thrown for a wrong use of the subcommand (exit 2). */
export class SourcesUsageError extends Error {
  override name = 'SourcesUsageError';
}

export async function runSources(ctx: CliContext, args: string[], label: string | null, fullText = true): Promise<number> {
  const [sub, ...rest] = args;
  const out = (s: string) => ctx.io.stdout.write(`${s}\n`);
  const store = await openStore(ctx.config.dbPath);
  try {
    switch (sub) {
      case 'list': {
        const rows = await store.sources.listSources();
        if (!rows.length) out('no sources yet: add one with newsbrief sources add <url>, or set FEEDS / FEEDS_FILE');
        for (const r of rows) out(sourceLines(r).join('\n  '));
        return 0;
      }
      case 'add': {
        if (rest.length !== 1) throw new SourcesUsageError(`give one URL: ${SOURCES_USAGE}`);
        try {
          const r = await addSource(store, { url: rest[0]!, label, origin: 'cli', addedBy: 'cli', fullText }, systemClock.now());
          out(r.added ? `added: ${r.source.url}` : `already followed: ${r.source.url}`);
          return 0;
        } catch (err) {
          if (!isBriefingError(err)) throw err;
          ctx.io.stderr.write(`newsbrief sources add: ${err.message}\n`);
          return 1;
        }
      }
      case 'remove': {
        if (rest.length !== 1) throw new SourcesUsageError(`give one URL: ${SOURCES_USAGE}`);
        if (await removeSource(store, rest[0]!)) { out(`removed: ${rest[0]}`); return 0; }
        ctx.io.stderr.write(`newsbrief sources remove: no source ${rest[0]} (see newsbrief sources list)\n`);
        return 1;
      }
      case 'import': {
        if (rest.length !== 1) throw new SourcesUsageError(`give one file: ${SOURCES_USAGE}`);
        const list = await readFeedsFile(rest[0]!);
        for (const p of list.problems) out(`skipped${p.line ? ` (line ${p.line})` : ''}: ${p.text}: ${p.reason}`);
        for (const f of list.feeds) {
          const r = await store.sources.addSource({ url: f.url, label: f.label, origin: 'cli', addedBy: 'cli', addedAt: systemClock.now() });
          out(`${r.added ? 'added' : 'already followed'}: ${f.url}${f.label ? ` (${f.label})` : ''}`);
        }
        return list.problems.length && !list.feeds.length ? 1 : 0;
      }
      default:
        throw new SourcesUsageError(`unknown subcommand${sub ? ` "${sub}"` : ''}: ${SOURCES_USAGE}`);
    }
  } finally {
    await store.close();
  }
}

function reportLines(r: SourcePollReport): string[] {
  return [`${r.url}: ${r.summary}`, ...r.lines.filter((l) => l.status !== 'duplicate').map((l) => `  ${formatIngestLine(l)}`)];
}

/** Polls the sources: `--once` every source now (whatever its schedule), else on the schedule until a signal. */
export async function runPoll(ctx: CliContext, once: boolean): Promise<number> {
  const store = await openStore(ctx.config.dbPath);
  const fetcher = createSourceFetcher({ fetch: { allowPrivate: ctx.config.sources.allowPrivate } });
  const intervalMs = ctx.config.sources.pollIntervalMs;
  const poller = createPoller({ store, clock: systemClock, logger: ctx.logger, fetcher, intervalMs, random: Math.random, dueWithinMs: pollTickMs(intervalMs) });
  try {
    if (once) {
      const rows = await store.sources.listSources();
      if (!rows.length) { ctx.io.stderr.write('newsbrief poll: no sources (add one with newsbrief sources add <url>)\n'); return 1; }
      for (const r of rows) await store.sources.pollSoon(r.url, systemClock.now());
      const reports = await poller.runNow();
      for (const r of reports) ctx.io.stdout.write(`${reportLines(r).join('\n')}\n`);
      return reports.some((r) => r.outcome === 'failed') ? 1 : 0;
    }
    const scheduler = createScheduler({ logger: ctx.logger });
    const tick = async () => { for (const r of await poller.runNow()) ctx.io.stdout.write(`${reportLines(r).join('\n')}\n`); };
    scheduler.every('feeds:poll', pollTickMs(intervalMs), tick);
    await tick();
    await new Promise<void>((resolve) => { for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve()); });
    scheduler.stopAll();
    await poller.idle();
    return 0;
  } finally {
    await store.close();
  }
}
