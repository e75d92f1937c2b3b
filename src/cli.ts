// The `newsbrief` command line. Reads the environment once (config.ts), then dispatches.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { COMMAND_HELP, USAGE } from './cli-help.ts';

export { USAGE } from './cli-help.ts';

const COMMON = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  start: COMMON,
  console: COMMON,
  ingest: COMMON,
  extract: { ...COMMON, json: { type: 'boolean' } },
  ask: { ...COMMON, platform: { type: 'string', default: 'text' } },
  digest: { ...COMMON, topic: { type: 'string' } },
  stories: { ...COMMON, restart: { type: 'boolean' } },
};

export class UsageError extends Error {}

const ONE_SHOT = new Set(['ingest', 'extract', 'ask', 'digest', 'stories']);

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
    // `newsbrief help ingest` is `newsbrief ingest --help`
    const topic = command === 'help' ? rest[0] : undefined;
    io.stdout.write((topic && COMMAND_HELP[topic]) || USAGE);
    return command ? 0 : 2;
  }
  if (!(command in OPTIONS)) {
    io.stderr.write(`newsbrief: unknown command "${command}". Commands: start, console, ingest, extract, ask, digest, stories (see newsbrief --help).\n`);
    return 2;
  }
  let config: Config;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(command, rest);
    if (parsed.values.help) {
      io.stdout.write(COMMAND_HELP[command] ?? USAGE);
      return 0;
    }
    const env = readEnvironment();
    config = loadConfig(env, { db: parsed.values.db as string | undefined });
    // one-shot commands print their own outcome lines; keep the log to errors unless asked
    if (!env.LOG_LEVEL?.trim() && ONE_SHOT.has(command)) config = { ...config, logLevel: 'error' };
    // the console chat shares the terminal with the log: keep info lines from breaking its prompt
    const consoleChat = command === 'console' || (command === 'start' && !config.discord && !config.slack);
    if (!env.LOG_LEVEL?.trim() && consoleChat) config = { ...config, logLevel: 'warn' };
  } catch (err) {
    if (err instanceof UsageError) io.stderr.write(`newsbrief ${command}: ${err.message}\n(see newsbrief ${command} --help)\n`);
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
        return await (await import('./cli-commands.ts')).runStart(ctx);
      case 'console':
        return await (await import('./cli-commands.ts')).runConsoleCommand(ctx);
      case 'ingest':
        if (!pos.length) throw new UsageError('give at least one file, folder or URL, e.g. newsbrief ingest seeds/');
        return await (await import('./cli-ingest.ts')).runIngest(ctx, pos);
      case 'extract':
        if (!pos.length) throw new UsageError('give at least one file, folder or URL, e.g. newsbrief extract seeds/ --json');
        return await (await import('./cli-ingest.ts')).runExtract(ctx, pos, Boolean(values.json));
      case 'ask': {
        const platform = String(values.platform);
        if (pos.length !== 1) throw new UsageError('give one slash command in quotes, e.g. newsbrief ask "/quote who:Putin"');
        if (!['text', 'discord', 'slack'].includes(platform)) throw new UsageError(`--platform must be text, discord or slack (got "${platform}")`);
        return await (await import('./cli-ask.ts')).runAsk(ctx, pos[0]!, platform as 'text' | 'discord' | 'slack');
      }
      case 'digest':
        if (pos[0] !== 'preview' || pos.length > 1) throw new UsageError('the digest command has one subcommand: newsbrief digest preview [--topic <words>]');
        return await (await import('./cli-ask.ts')).runDigestPreview(ctx, typeof values.topic === 'string' ? values.topic : null);
      case 'stories':
        if (pos[0] !== 'rebuild' || pos.length > 1) throw new UsageError('the stories command has one subcommand: newsbrief stories rebuild [--restart]');
        return await (await import('./cli-stories.ts')).runStoriesRebuild(ctx, Boolean(values.restart));
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`newsbrief ${command}: ${err.message}\n`);
      return 2;
    }
    logger.error({ err }, 'command failed');
    io.stderr.write(`newsbrief ${command}: ${(err as Error).message}\n`);
    return 1;
  }
  return 0;
}

/** The process entry (bin/): a closed stdout ends quietly, the exit status is main's. */
export async function runProcess(argv = process.argv.slice(2)): Promise<void> {
  // A reader that stops early (`newsbrief extract ... | head`) closes our stdout: end quietly, as
  // Unix tools do on a broken pipe (exit status 141 = 128 + SIGPIPE), instead of crashing with a
  // stack trace. Every article already stored is committed: each is its own transaction.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err && err.code === 'EPIPE') process.exit(141);
    throw err;
  });
  process.exitCode = await main(argv);
}
