// The console adapter: a chat over stdin/stdout. Each line is a slash command as a Slack user
// types it; the answer is readable text. With piped input it answers each line and ends at end
// of input. On a terminal it is a REPL as people expect one:
//   - a prompt; Tab completes commands, subcommands, options and known speakers (app.autocomplete);
//   - Ctrl-C clears a half-typed line; Ctrl-C on an empty line says how to leave, and a second
//     one (or Ctrl-D, or `exit`) leaves;
//   - history (Up/Down) kept in `historyFile` across sessions.
// Escape sequences and control characters typed or pasted are removed by runCommand before use.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../../app/invocation.ts';
import type { App, Logger } from '../../app/ports.ts';
import { runCommand } from '../../app/run-command.ts';
import { stripControls } from '../../core/strip-controls.ts';
import { completeLine } from './complete.ts';
import { HISTORY_SIZE, loadHistory, saveHistory } from './history.ts';
import { renderText } from './render.ts';

export interface ConsoleOptions {
  app: App;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Prompt, completion and history; defaults to whether input is a TTY. */
  interactive?: boolean;
  /** Where the history is kept between sessions (interactive only); none when null. */
  historyFile?: string | null;
}

const context: CommandContext = {
  platform: 'console',
  channelId: 'console',
  userId: 'local',
  workspaceId: null,
  canManageChannel: true,
  canManageServer: true,
};

export const PROMPT = 'newsbrief> ';
export const EXIT_HINT = '(To exit, press Ctrl-C again or Ctrl-D, or type exit)';

/** Answers one line; returns the text to print ('' for a blank line). */
export async function answerLine(app: App, logger: Logger, line: string): Promise<string> {
  const text = line.trim();
  if (!text || text.startsWith('#')) return '';
  const { message } = await runCommand(app, text, context, { logger });
  return renderText(message);
}

/** Ctrl-C as in common REPLs: clear a half-typed line; twice on an empty line, leave. */
function handleInterrupts(rl: Interface, output: Writable): void {
  let armed = false;
  rl.on('line', () => { armed = false; });
  rl.on('SIGINT', () => {
    const empty = rl.line.length === 0;
    // readline's own clearLine: cursor to the end, newline, empty buffer
    (rl as unknown as { clearLine(): void }).clearLine();
    if (empty && armed) {
      rl.close();
      return;
    }
    if (empty) output.write(EXIT_HINT + '\n');
    armed = empty;
    rl.prompt();
  });
}

/** Runs the chat until end of input (or `exit`). Resolves when done. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const interactive = opts.interactive ?? Boolean((opts.input as { isTTY?: boolean }).isTTY);
  const historyFile = interactive ? (opts.historyFile ?? null) : null;
  const rl = createInterface({
    input: opts.input,
    output: interactive ? opts.output : undefined,
    terminal: interactive,
    historySize: interactive ? HISTORY_SIZE : 0,
    history: historyFile ? loadHistory(historyFile) : [],
    removeHistoryDuplicates: true,
    prompt: PROMPT,
    ...(interactive
      ? {
          completer: (line: string, cb: (err: Error | null, result: [string[], string]) => void) => {
            completeLine(opts.app, stripControls(line)).then((r) => cb(null, r), () => cb(null, [[], line]));
          },
        }
      : {}),
  });
  if (historyFile) rl.on('history', (h: string[]) => saveHistory(historyFile, h));
  if (interactive) {
    handleInterrupts(rl, opts.output);
    opts.output.write('newsbrief console: type /brief, /quote who:<name>, /help (Tab completes) — exit with Ctrl-D or "exit".\n');
    rl.prompt();
  } else {
    // piped: Ctrl-C ends the chat like end of input
    rl.on('SIGINT', () => rl.close());
  }
  for await (const line of rl) {
    if (/^\s*(exit|quit|\/exit|\/quit)\s*$/i.test(line)) break;
    const answer = await answerLine(opts.app, opts.logger, line);
    if (answer) opts.output.write(answer.endsWith('\n') ? answer + '\n' : answer + '\n\n');
    if (interactive) rl.prompt();
  }
  rl.close();
}
