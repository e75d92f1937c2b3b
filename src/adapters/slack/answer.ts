// One slash-command text -> the App's answer, for a Slack user in a channel.
// Parsing errors (unknown option, missing who:) become the user-only error reply.
import type { CommandName } from '../../../commands/index.ts';
import { parseCommandText } from '../../app/command-text.ts';
import { errorToMessage } from '../../app/error-reply.ts';
import type { CommandContext, Invocation } from '../../app/invocation.ts';
import type { App, Logger } from '../../app/ports.ts';
import { noticeMessage } from '../../core/message.ts';
import type { Message } from '../../core/message.ts';

/** Lookups answer only the asker by default, with a "Share in channel" button. */
export const LOOKUP_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>(['brief', 'quote', 'help']);

export interface Answer {
  message: Message;
  /** The parsed command, or null when the text did not parse. */
  invocation: Invocation | null;
}

export interface SlackIds {
  channelId: string;
  userId: string;
  teamId: string | null;
}

export function slackContext(ids: SlackIds): CommandContext {
  // Slack has no per-command permission to check (a workspace admin decides who may use the
  // app at install time), so any member of the channel may change its digest.
  return { platform: 'slack', channelId: ids.channelId, userId: ids.userId, workspaceId: ids.teamId, canManageChannel: true };
}

/** Our single toReply(error): a friendly, user-only message; detail goes to the log. */
export function toReply(error: unknown, log: Logger): Message {
  const message = errorToMessage(error, { error: (obj, msg) => log.error(obj as Record<string, unknown>, msg) });
  return { ...message, visibility: 'ephemeral', shareable: false };
}

function isError(message: Message): boolean {
  return message.notice?.tone === 'error' || message.notice?.tone === 'warning';
}

/**
 * Runs one command text (`/quote who:Putin`). Lookups come back ephemeral and shareable
 * unless they are an error; /digest answers come back as the App made them.
 */
export async function answerText(
  app: App,
  text: string,
  ctx: CommandContext,
  log: Logger,
  opts: { only?: ReadonlySet<CommandName> } = {},
): Promise<Answer> {
  let invocation: Invocation;
  try {
    invocation = parseCommandText(text);
  } catch (e) {
    return { message: toReply(e, log), invocation: null };
  }
  if (opts.only && !opts.only.has(invocation.command)) {
    const names = [...opts.only].map((n) => `/${n}`).join(', ');
    return { message: noticeMessage({ tone: 'error', text: `Only ${names} answers can be used here.` }), invocation };
  }
  let message: Message;
  try {
    message = await app.handle(invocation, ctx);
  } catch (e) {
    // App.handle promises never to throw; if it does, the user still gets an answer.
    return { message: toReply(e, log), invocation };
  }
  if (LOOKUP_COMMANDS.has(invocation.command) && !isError(message)) {
    message = { ...message, visibility: 'ephemeral', shareable: message.shareable ?? true };
  }
  return { message, invocation };
}
