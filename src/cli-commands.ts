// `newsbrief start` and `newsbrief console`: the bot (see cli.ts for parsing). Each subcommand's
// module is loaded only when it runs, so a one-shot command starts without the platforms' code.
import type { Readable, Writable } from 'node:stream';
import type { Logger } from './app/ports.ts';
import type { Config } from './config.ts';
import { dirname, join } from 'node:path';
import { startBot } from './main.ts';

export interface CliContext {
  config: Config;
  logger: Logger;
  io: { stdout: Writable; stderr: Writable; stdin: Readable };
}

/** The console's history file: next to the database, in the data folder. */
export function historyFileFor(config: Config): string {
  return join(dirname(config.dbPath), '.newsbrief_history');
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve(sig));
  });
}

export async function runStart(ctx: CliContext): Promise<number> {
  const bot = await startBot({
    config: ctx.config,
    logger: ctx.logger,
    console: { input: ctx.io.stdin, output: ctx.io.stdout, historyFile: historyFileFor(ctx.config) },
  });
  // (each failed seed is in the log, written before the console's prompt; this line would land after it)
  if (bot.seeds.failed && !bot.adapters.includes('console')) ctx.io.stderr.write(`newsbrief: ${bot.seeds.failed} seed article(s) could not be read (see the log)\n`);
  const reason = await Promise.race([bot.adapters.includes('console') ? bot.done.then(() => 'end of input') : new Promise<string>(() => {}), waitForSignal()]);
  ctx.logger.info({ reason, instance: bot.instanceId }, 'stopping');
  // Bounded: whatever still holds the process (a hung request) gets the grace period, then it exits.
  setTimeout(() => process.exit(0), ctx.config.scale.shutdownGraceMs + 2_000).unref();
  await bot.stop();
  // an open stdin (the console's input) would keep the process alive after SIGTERM
  ctx.io.stdin.destroy();
  return 0;
}

export async function runConsoleCommand(ctx: CliContext): Promise<number> {
  const bot = await startBot({
    config: { ...ctx.config, discord: null, slack: null },
    logger: ctx.logger,
    console: { input: ctx.io.stdin, output: ctx.io.stdout, historyFile: historyFileFor(ctx.config) },
  });
  await Promise.race([bot.done, waitForSignal()]);
  await bot.stop();
  return 0;
}

