// The work behind each `newsbrief` subcommand (see cli.ts for parsing).
import type { Readable, Writable } from 'node:stream';
import { parseCommandText } from './app/command-text.ts';
import { errorToMessage } from './app/error-reply.ts';
import { createApp } from './app/handle-command.ts';
import { createDigests } from './app/digests.ts';
import { briefDocument, formatIngestLine, ingestSources, type BriefedArticle } from './app/ingest.ts';
import type { CommandContext } from './app/invocation.ts';
import { systemClock, type App, type Logger } from './app/ports.ts';
import type { Config } from './config.ts';
import type { Message } from './core/message.ts';
import { startBot } from './main.ts';
import { readSources } from './sources/read-sources.ts';
import { openStore } from './store/sqlite.ts';
import { renderText } from './adapters/console/render.ts';
import { renderPayloads, withVisibility } from './adapters/discord/answer.ts';
import { slackContext } from './adapters/slack/answer.ts';
import { slashCommandResponse } from './adapters/slack/slash-response.ts';

export interface CliContext {
  config: Config;
  logger: Logger;
  io: { stdout: Writable; stderr: Writable; stdin: Readable };
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
    console: { input: ctx.io.stdin, output: ctx.io.stdout },
  });
  if (bot.seeds.failed) ctx.io.stderr.write(`newsbrief: ${bot.seeds.failed} seed article(s) could not be read (see the log)\n`);
  const reason = await Promise.race([bot.adapters.includes('console') ? bot.done.then(() => 'end of input') : new Promise<string>(() => {}), waitForSignal()]);
  ctx.logger.info({ reason }, 'stopping');
  await bot.stop();
  return 0;
}

export async function runConsoleCommand(ctx: CliContext): Promise<number> {
  const bot = await startBot({
    config: { ...ctx.config, discord: null, slack: null },
    logger: ctx.logger,
    console: { input: ctx.io.stdin, output: ctx.io.stdout },
  });
  await Promise.race([bot.done, waitForSignal()]);
  await bot.stop();
  return 0;
}

export async function runIngest(ctx: CliContext, targets: string[]): Promise<number> {
  const store = openStore(ctx.config.dbPath);
  try {
    const report = await ingestSources({ store, clock: systemClock, logger: ctx.logger }, readSources(targets), {
      onLine: (l) => ctx.io.stdout.write(formatIngestLine(l) + '\n'),
    });
    return report.failed ? 1 : 0;
  } finally {
    store.close();
  }
}

/** The stable JSON contract of `newsbrief extract --json` (evaluation scripts rely on it). */
export function extractRecord({ article, briefing: b }: BriefedArticle) {
  return {
    file: article.file,
    url: article.url,
    headline: b.headline,
    published: article.published,
    summary: b.keyPoints.map((k) => k.text),
    quotes: b.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind })),
    source: article.source,
    speakers: b.speakers.map((s) => ({ name: s.name, aliases: s.aliases, role: s.role, kind: s.kind })),
  };
}

export async function runExtract(ctx: CliContext, targets: string[], json: boolean): Promise<number> {
  let failed = 0;
  for await (const doc of readSources(targets)) {
    const { articles, failures } = briefDocument(doc, ctx.logger);
    for (const f of failures) {
      failed++;
      ctx.io.stderr.write(formatIngestLine(f) + '\n');
    }
    for (const r of articles.map(extractRecord)) {
      if (json) ctx.io.stdout.write(JSON.stringify(r) + '\n');
      else {
        const lines = [r.headline, ...r.summary.map((s) => `  • ${s}`), ...r.quotes.map((q) => `  “${q.text}” — ${q.speaker ?? 'unattributed'} (${q.kind})`)];
        ctx.io.stdout.write(lines.join('\n') + '\n\n');
      }
    }
  }
  return failed ? 1 : 0;
}

const ASK_CONTEXT: CommandContext = { platform: 'console', channelId: 'cli', userId: 'cli', workspaceId: null, canManageChannel: true };

/**
 * One command's answer as the platform gets it: for Discord the interaction reply (and any
 * follow-ups), for Slack the response_url payload the Bolt listener sends, built by the same
 * function; for text the console's rendering.
 */
export async function askPayload(app: App, line: string, platform: 'text' | 'discord' | 'slack', logger: Logger): Promise<{ text: string; ok: boolean }> {
  // exit status 2 when the command text itself is wrong (the answer says how)
  let ok = true;
  try { parseCommandText(line); } catch { ok = false; }
  if (platform === 'slack') {
    const payload = await slashCommandResponse(app, line, slackContext({ channelId: 'C0CLI', userId: 'U0CLI', teamId: null }), logger);
    return { text: JSON.stringify(payload, null, 2), ok };
  }
  let message: Message;
  try {
    message = await app.handle(parseCommandText(line), { ...ASK_CONTEXT, platform: platform === 'text' ? 'console' : platform });
  } catch (err) {
    message = errorToMessage(err, logger);
  }
  if (platform === 'text') return { text: renderText(message), ok };
  const ephemeral = message.visibility === 'ephemeral';
  const payloads = renderPayloads(message).map((p) => withVisibility(p, ephemeral));
  return { text: JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2), ok };
}

export async function runAsk(ctx: CliContext, line: string, platform: 'text' | 'discord' | 'slack'): Promise<number> {
  const store = openStore(ctx.config.dbPath);
  try {
    const app = createApp({ store, clock: systemClock, logger: ctx.logger });
    const { text, ok } = await askPayload(app, line, platform, ctx.logger);
    ctx.io.stdout.write(text + '\n');
    return ok ? 0 : 2;
  } finally {
    store.close();
  }
}

export async function runDigestPreview(ctx: CliContext, topic: string | null): Promise<number> {
  const store = openStore(ctx.config.dbPath);
  try {
    const digests = createDigests({ store, clock: systemClock, logger: ctx.logger, defaults: ctx.config.digest, scheduler: null });
    ctx.io.stdout.write(renderText(digests.preview({ topic })) + '\n');
    return 0;
  } finally {
    store.close();
  }
}
