// What a More button press answers: its custom_id checked like any user input, then the command
// it carries re-run through runCommand (validation and permissions apply again). Only paged
// lookups (commands with a `page` option) may be run this way; anything else gets a notice.
import type { CommandContext } from '../../app/invocation.ts';
import type { App, Logger } from '../../app/ports.ts';
import { isPaged } from '../../app/paging.ts';
import { runCommand } from '../../app/run-command.ts';
import { noticeMessage, type Message } from '../../core/message.ts';
import { commandOfCustomId } from './more-button.ts';

export async function runMoreButton(app: Pick<App, 'handle'>, customId: unknown, ctx: CommandContext, log: Logger): Promise<Message> {
  const text = commandOfCustomId(customId);
  if (!text) {
    log.warn({ customId: typeof customId === 'string' ? customId.slice(0, 120) : typeof customId }, 'discord: a button that is not ours');
    return noticeMessage({ tone: 'error', text: "This button isn't one I know, so I can't answer it.", hint: 'Run the command again, e.g. /brief page:2.' });
  }
  return (await runCommand(app, text, ctx, { logger: log, only: isPaged })).message;
}
