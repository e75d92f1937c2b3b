// The one way in for every adapter and tool: a command as typed (`/quote who:Putin`) or as
// structured options (Discord), plus who asked -> the Message to show. Parsing, option
// validation and error mapping happen here, once; adapters only translate and render.
import { commands, findCommand } from '../../commands/index.ts';
import type { CommandDef } from '../../commands/index.ts';
import { noticeMessage } from '../core/message.ts';
import { stripControls } from '../core/strip-controls.ts';
import type { Message } from '../core/message.ts';
import { normalizeOptionList } from './command-options.ts';
import { parseCommandText } from './command-text.ts';
import { errorToMessage, type ErrorLog } from './error-reply.ts';
import type { CommandContext, Invocation } from './invocation.ts';
import type { App } from './ports.ts';

/** A command whose options arrived already split (Discord's interaction data, flattened). */
export interface StructuredCommand {
  command: string;
  subcommand: string | null;
  /** [name, value] pairs in the order given (a repeated option is reported). */
  options: ReadonlyArray<readonly [string, unknown]>;
}

/** Raw command text as a user types it (`/quote who:Putin`, leading slash optional), or structured options. */
export type CommandInput = string | StructuredCommand;

export interface RunCommandOptions {
  /** Gets the generic failures (with a correlation id and the stack). */
  logger: ErrorLog;
  /** Runs only the commands this accepts (Slack's Share button: `(def) => def.shareable === true`); others get a refusal. */
  only?: (def: CommandDef) => boolean;
}

export interface CommandAnswer {
  /** What to show: the command's answer, or the friendly / generic error reply (ephemeral). */
  message: Message;
  /** The validated command, or null when the input did not parse (unknown command, bad option). */
  invocation: Invocation | null;
}

/** Validates a command input against commands/. Throws BriefingError('unknown_command' | 'bad_option'). */
export function parseCommand(input: CommandInput): Invocation {
  // typed text loses terminal escapes and control characters first: `/brief \x1b[31mred` is `/brief red`
  return typeof input === 'string' ? parseCommandText(stripControls(input)) : normalizeOptionList(input.command, input.subcommand, input.options);
}

/**
 * Parses, validates and runs one command; never throws. A user's mistake becomes a friendly,
 * ephemeral notice with a hint; anything else the generic reply with an 8-hex correlation id,
 * logged with the stack (errorToMessage).
 */
export async function runCommand(app: Pick<App, 'handle'>, input: CommandInput, ctx: CommandContext, opts: RunCommandOptions): Promise<CommandAnswer> {
  let invocation: Invocation;
  try {
    invocation = parseCommand(input);
  } catch (err) {
    return { message: errorToMessage(err, opts.logger), invocation: null };
  }
  if (opts.only) {
    const accept = opts.only;
    const def = findCommand(invocation.command);
    if (!def || !accept(def)) {
      const names = commands.filter((c) => accept(c)).map((c) => `/${c.name}`).join(', ');
      return { message: noticeMessage({ tone: 'error', text: `Only ${names} answers can be used here.` }), invocation };
    }
  }
  try {
    return { message: await app.handle(invocation, ctx), invocation };
  } catch (err) {
    // App.handle promises never to throw; if it does, the user still gets an answer.
    return { message: errorToMessage(err, opts.logger), invocation };
  }
}
