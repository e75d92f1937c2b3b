// One slash-command text -> the App's answer, for a Slack user in a channel. Parsing and error
// replies are the app's (runCommand); here only Slack's policy: a lookup (`shareable` in
// commands/) answers the asker only, with a "Share in channel" button.
import { findCommand } from '../../../commands/index.ts';
import type { CommandDef } from '../../../commands/index.ts';
import type { CommandContext } from '../../app/invocation.ts';
import type { App, Logger } from '../../app/ports.ts';
import { permissionFor } from '../../app/permission.ts';
import { parseCommand, runCommand, type CommandAnswer } from '../../app/run-command.ts';
import type { Message } from '../../core/message.ts';

export type Answer = CommandAnswer;

/** The commands the Share button may re-run: the lookups. */
export const isShareable = (def: CommandDef): boolean => def.shareable === true;

export interface SlackIds {
  channelId: string;
  userId: string;
  teamId: string | null;
}

export function slackContext(ids: SlackIds, canManageServer = false): CommandContext {
  // Slack has no per-command permission to check (a workspace admin decides who may use the
  // app at install time), so any member of the channel may change its digest. Changing the
  // whole workspace (permission 'manage-server', e.g. /sources add) is for workspace admins and
  // owners, as users.info says (asked only for those commands: see needsWorkspaceAdmin).
  return { platform: 'slack', channelId: ids.channelId, userId: ids.userId, workspaceId: ids.teamId, canManageChannel: true, canManageServer };
}

/** Does this command text need a workspace admin (permission 'manage-server')? Unparsable text: no (the app answers it). */
export function needsWorkspaceAdmin(text: string): boolean {
  try {
    const inv = parseCommand(text);
    const def = findCommand(inv.command);
    return def ? permissionFor(def, inv.subcommand) === 'manage-server' : false;
  } catch {
    return false;
  }
}

/** The users.info answer the check needs (Bolt's client.users.info). */
export type UsersInfo = (args: { user: string }) => Promise<{ ok?: boolean; user?: { is_admin?: boolean; is_owner?: boolean } }>;

/** Is the user a workspace admin or owner? A failed call is "no" (logged): the command is then refused, never allowed. */
export async function isWorkspaceAdmin(usersInfo: UsersInfo, userId: string, log: Logger): Promise<boolean> {
  try {
    const r = await usersInfo({ user: userId });
    return Boolean(r.user?.is_admin || r.user?.is_owner);
  } catch (err) {
    log.warn({ err, userId }, 'slack: users.info failed; treating the user as not an admin');
    return false;
  }
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
  opts: { only?: (def: CommandDef) => boolean } = {},
): Promise<Answer> {
  const answer = await runCommand(app, text, ctx, { logger: log, ...opts });
  const { invocation } = answer;
  let { message } = answer;
  if (invocation && findCommand(invocation.command)?.shareable && !isError(message)) {
    message = { ...message, visibility: 'ephemeral', shareable: message.shareable ?? true };
  }
  return { message, invocation };
}
