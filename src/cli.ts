// The `newsbrief` command line. Reads the environment once (config.ts), then dispatches.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { runAsk, runConsoleCommand, runDigestPreview, runExtract, runIngest, runStart } from './cli-commands.ts';
import { runPoll, runSources, SourcesUsageError } from './cli-sources.ts';

export const USAGE = `newsbrief — news briefings with who said what, for Discord, Slack and the console

Usage:
  newsbrief start                     ingest new seeds, then run every configured adapter
                                      (the console when no platform token is set)
  newsbrief console                   chat over stdin/stdout: type /brief, /quote who:Putin, /help
  newsbrief ingest <file|folder|url>...   store articles; one line per article
  newsbrief extract <file|folder|url>... [--json]   briefings without touching the store
  newsbrief ask "<slash command>" [--platform text|discord|slack]   answer one command
  newsbrief digest preview [--topic <words>]   print the digest a channel would get now
  newsbrief sources list | add <url> [--label <words>] | remove <url> | import <file.opml>
                                      the feeds the bot follows (import: OPML or one URL a line)
  newsbrief poll [--once]             poll the feeds on their schedule (--once: every feed now, then exit)

Options:
  --db <path>      database file (default: $NEWSBRIEF_DB or ./data/newsbrief.db)
  -h, --help       this help
`;

const COMMON = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  start: COMMON,
  console: COMMON,
  ingest: COMMON,
  extract: { ...COMMON, json: { type: 'boolean' } },
  ask: { ...COMMON, platform: { type: 'string', default: 'text' } },
  digest: { ...COMMON, topic: { type: 'string' } },
  sources: { ...COMMON, label: { type: 'string' } },
  poll: { ...COMMON, once: { type: 'boolean' } },
};

export class UsageError extends Error {}

const ONE_SHOT = new Set(['ingest', 'extract', 'ask', 'digest', 'sources']);

function parse(command: string, args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS[command] ?? COMMON, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
}

/** Runs the CLI; resolves to the exit status. */
export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (!(command in OPTIONS)) {
    io.stderr.write(`newsbrief: unknown command "${command}". Commands: start, console, ingest, extract, ask, digest, sources, poll (see newsbrief --help).\n`);
    return 2;
  }
  let config: Config;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(command, rest);
    if (parsed.values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    const env = readEnvironment();
    config = loadConfig(env, { db: parsed.values.db as string | undefined });
    // one-shot commands print their own outcome lines; keep the log to errors unless asked
    if (!env.LOG_LEVEL?.trim() && ONE_SHOT.has(command)) config = { ...config, logLevel: 'error' };
  } catch (err) {
    if (err instanceof UsageError) io.stderr.write(`newsbrief ${command}: ${err.message}\n(see newsbrief --help)\n`);
    else if (err instanceof ConfigError) io.stderr.write(`newsbrief: ${err.message}\n`);
    else throw err;
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const pos = parsed.positionals;
  const ctx = { config, logger, io };
  try {
    switch (command) {
      case 'start':
        return await runStart(ctx);
      case 'console':
        return await runConsoleCommand(ctx);
      case 'ingest':
        if (!pos.length) throw new UsageError('give at least one file, folder or URL, e.g. newsbrief ingest seeds/');
        return await runIngest(ctx, pos);
      case 'extract':
        if (!pos.length) throw new UsageError('give at least one file, folder or URL, e.g. newsbrief extract seeds/ --json');
        return await runExtract(ctx, pos, Boolean(values.json));
      case 'ask': {
        const platform = String(values.platform);
        if (pos.length !== 1) throw new UsageError('give one slash command in quotes, e.g. newsbrief ask "/quote who:Putin"');
        if (!['text', 'discord', 'slack'].includes(platform)) throw new UsageError(`--platform must be text, discord or slack (got "${platform}")`);
        return await runAsk(ctx, pos[0]!, platform as 'text' | 'discord' | 'slack');
      }
      case 'digest':
        if (pos[0] !== 'preview' || pos.length > 1) throw new UsageError('the digest command has one subcommand: newsbrief digest preview [--topic <words>]');
        return await runDigestPreview(ctx, typeof values.topic === 'string' ? values.topic : null);
      case 'sources':
        return await runSources(ctx, pos, typeof values.label === 'string' ? values.label : null);
      case 'poll':
        if (pos.length) throw new UsageError('poll takes no arguments: newsbrief poll [--once]');
        return await runPoll(ctx, Boolean(values.once));
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof SourcesUsageError) {
      io.stderr.write(`newsbrief ${command}: ${err.message}\n`);
      return 2;
    }
    logger.error({ err }, 'command failed');
    io.stderr.write(`newsbrief ${command}: ${(err as Error).message}\n`);
    return 1;
  }
  return 0;
}
