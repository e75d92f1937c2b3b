// `newsbrief ask` and `newsbrief digest preview`: one answer from the database, as a platform
// would get it. The Discord and Slack renderers load only when asked for.
import { parseCommand, runCommand } from './app/run-command.ts';
import { createApp } from './app/handle-command.ts';
import { createDigests } from './app/digests.ts';
import type { CommandContext } from './app/invocation.ts';
import { systemClock, type App, type Logger } from './app/ports.ts';
import type { CliContext } from './cli-commands.ts';
import { openStore } from './store/index.ts';
import { renderText } from './adapters/console/render.ts';

const ASK_CONTEXT: CommandContext = { platform: 'console', channelId: 'cli', userId: 'cli', workspaceId: null, canManageChannel: true };

/**
 * One command's answer as the platform gets it: for Discord the interaction reply (and any
 * follow-ups), for Slack the response_url payload the Bolt listener sends, built by the same
 * function; for text the console's rendering.
 */
export async function askPayload(app: App, line: string, platform: 'text' | 'discord' | 'slack', logger: Logger): Promise<{ text: string; ok: boolean }> {
  if (platform === 'slack') {
    const { slackContext } = await import('./adapters/slack/answer.ts');
    const { slashCommandResponse } = await import('./adapters/slack/slash-response.ts');
    const payload = await slashCommandResponse(app, line, slackContext({ channelId: 'C0CLI', userId: 'U0CLI', teamId: null }), logger);
    // exit status 2 when the command text itself is wrong (the answer says how)
    return { text: JSON.stringify(payload, null, 2), ok: parses(line) };
  }
  const { message, invocation } = await runCommand(app, line, { ...ASK_CONTEXT, platform: platform === 'text' ? 'console' : platform }, { logger });
  const ok = invocation !== null;
  if (platform === 'text') return { text: renderText(message), ok };
  const { renderPayloads, withVisibility } = await import('./adapters/discord/answer.ts');
  const ephemeral = message.visibility === 'ephemeral';
  const payloads = renderPayloads(message).map((p) => withVisibility(p, ephemeral));
  return { text: JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2), ok };
}

export async function runAsk(ctx: CliContext, line: string, platform: 'text' | 'discord' | 'slack'): Promise<number> {
  const store = await openStore(ctx.config.scale.databaseUrl ?? ctx.config.dbPath);
  try {
    const app = createApp({ store, clock: systemClock, logger: ctx.logger });
    const { text, ok } = await askPayload(app, line, platform, ctx.logger);
    ctx.io.stdout.write(text + '\n');
    return ok ? 0 : 2;
  } finally {
    await store.close();
  }
}

export async function runDigestPreview(ctx: CliContext, topic: string | null): Promise<number> {
  const store = await openStore(ctx.config.scale.databaseUrl ?? ctx.config.dbPath);
  try {
    const digests = createDigests({ store, clock: systemClock, logger: ctx.logger, defaults: ctx.config.digest, scheduler: null });
    ctx.io.stdout.write(renderText(await digests.preview({ topic })) + '\n');
    return 0;
  } finally {
    await store.close();
  }
}

function parses(line: string): boolean {
  try {
    parseCommand(line);
    return true;
  } catch {
    return false;
  }
}
