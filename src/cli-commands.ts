// The work behind each `newsbrief` subcommand (see cli.ts for parsing).
import type { Readable, Writable } from 'node:stream';
import { parseCommandText } from './app/command-text.ts';
import { errorToMessage } from './app/error-reply.ts';
import { createApp } from './app/handle-command.ts';
import { createDigests } from './app/digests.ts';
import { ingestSeeds } from './app/ingest-seeds.ts';
import { failureReason, formatIngestLine, ingestDocument, type IngestLine } from './app/ingest.ts';
import type { CommandContext } from './app/invocation.ts';
import { systemClock, type Logger } from './app/ports.ts';
import type { Config } from './config.ts';
import { buildBriefing } from './core/briefing.ts';
import { parseDocumentResult, type parseDocument } from './core/parse/index.ts';
import type { Message } from './core/message.ts';
import { startBot } from './main.ts';
import { readSources } from './sources/read-sources.ts';
import { openStore } from './store/index.ts';
import { renderText } from './adapters/console/render.ts';
import { renderDiscord } from './adapters/discord/render.ts';
import { renderSlack } from './adapters/slack/render.ts';

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
  const store = await openStore(ctx.config.dbPath);
  const deps = { store, clock: systemClock, logger: ctx.logger };
  let failed = 0;
  try {
    for await (const src of readSources(targets, { logger: ctx.logger })) {
      const lines: IngestLine[] = src.ok
        ? await ingestDocument(deps, { content: src.content, file: src.file, url: src.url, contentType: src.contentType }, src.label)
        : [{ label: src.label, status: 'failed', reason: src.reason }];
      for (const l of lines) {
        if (l.status === 'failed') failed++;
        ctx.io.stdout.write(formatIngestLine(l) + '\n');
      }
    }
  } finally {
    await store.close();
  }
  return failed ? 1 : 0;
}

/** The stable JSON contract of `newsbrief extract --json` (evaluation scripts rely on it). */
export function extractRecord(article: ReturnType<typeof parseDocument>[number]) {
  const b = buildBriefing(article);
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
  const fail = (label: string, reason: string) => {
    failed++;
    ctx.io.stderr.write(`failed: ${label}: ${reason}\n`);
  };
  for await (const src of readSources(targets, { logger: ctx.logger })) {
    if (!src.ok) {
      fail(src.label, src.reason);
      continue;
    }
    let records: ReturnType<typeof extractRecord>[] = [];
    try {
      const { articles, failures } = parseDocumentResult({ content: src.content, file: src.file, url: src.url, contentType: src.contentType });
      for (const f of failures) fail(`${src.label} › item ${f.item}${f.id ? ` (${f.id})` : ''}`, f.reason);
      if (!articles.length && !failures.length) fail(src.label, 'no articles in it (the feed has no items)');
      records = articles.map(extractRecord);
    } catch (err) {
      ctx.logger.debug({ err, label: src.label }, 'extract failed');
      fail(src.label, failureReason(err));
      continue;
    }
    for (const r of records) {
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

export function renderFor(platform: 'text' | 'discord' | 'slack', message: Message): string {
  if (platform === 'text') return renderText(message);
  if (platform === 'discord') {
    const payloads = renderDiscord(message);
    return JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2);
  }
  return JSON.stringify(renderSlack(message), null, 2);
}

export async function runAsk(ctx: CliContext, line: string, platform: 'text' | 'discord' | 'slack'): Promise<number> {
  const store = await openStore(ctx.config.dbPath);
  try {
    await ingestSeeds({ store, clock: systemClock, logger: ctx.logger }, ctx.config.seedsDir);
    const app = createApp({ store, clock: systemClock, logger: ctx.logger });
    let message: Message;
    let status = 0;
    try {
      message = await app.handle(parseCommandText(line), { ...ASK_CONTEXT, platform: platform === 'text' ? 'console' : platform });
    } catch (err) {
      message = errorToMessage(err, ctx.logger);
      status = 2;
    }
    ctx.io.stdout.write(renderFor(platform, message) + '\n');
    return status;
  } finally {
    await store.close();
  }
}

export async function runDigestPreview(ctx: CliContext, topic: string | null): Promise<number> {
  const store = await openStore(ctx.config.dbPath);
  try {
    await ingestSeeds({ store, clock: systemClock, logger: ctx.logger }, ctx.config.seedsDir);
    const digests = createDigests({ store, clock: systemClock, logger: ctx.logger, defaults: ctx.config.digest, scheduler: null });
    ctx.io.stdout.write(renderText(await digests.preview({ topic })) + '\n');
    return 0;
  } finally {
    await store.close();
  }
}
