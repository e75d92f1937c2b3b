// The console adapter: a chat over stdin/stdout. Each line is a slash command as a Slack user
// types it; the answer is readable text. Interactive on a terminal (prompt, history, /help);
// with piped input it answers each line and ends at end of input.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../../app/invocation.ts';
import type { App, Logger } from '../../app/ports.ts';
import { runCommand } from '../../app/run-command.ts';
import { renderText } from './render.ts';

export interface ConsoleOptions {
  app: App;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Prompt and history; defaults to whether input is a TTY. */
  interactive?: boolean;
}

const context: CommandContext = {
  platform: 'console',
  channelId: 'console',
  userId: 'local',
  workspaceId: null,
  canManageChannel: true,
};

/** Answers one line; returns the text to print ('' for a blank line). */
export async function answerLine(app: App, logger: Logger, line: string): Promise<string> {
  const text = line.trim();
  if (!text || text.startsWith('#')) return '';
  const { message } = await runCommand(app, text, context, { logger });
  return renderText(message);
}

/** Runs the chat until end of input (or `exit`). Resolves when done. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const interactive = opts.interactive ?? Boolean((opts.input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({
    input: opts.input,
    output: interactive ? opts.output : undefined,
    terminal: interactive,
    historySize: interactive ? 500 : 0,
    prompt: 'newsbrief> ',
  });
  // Ctrl-C ends the chat like Ctrl-D (readline would otherwise only pause the input)
  rl.on('SIGINT', () => {
    opts.output.write('\n');
    rl.close();
  });
  if (interactive) {
    opts.output.write('newsbrief console: type /brief, /quote who:<name>, /help — exit with Ctrl-D or "exit".\n');
    rl.prompt();
  }
  for await (const line of rl) {
    if (/^\s*(exit|quit|\/exit|\/quit)\s*$/i.test(line)) break;
    const answer = await answerLine(opts.app, opts.logger, line);
    if (answer) opts.output.write(answer.endsWith('\n') ? answer + '\n' : answer + '\n\n');
    if (interactive) rl.prompt();
  }
  rl.close();
}
