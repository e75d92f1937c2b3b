// The application, as the adapters see it.
import type { Message } from '../../core/message.ts';
import type { CommandContext, Invocation, OptionValue } from '../invocation.ts';

export interface Choice {
  name: string;
  value: string;
}

export interface App {
  /** Runs one command. Never throws: errors become a friendly (ephemeral) Message. */
  handle(inv: Invocation, ctx: CommandContext): Promise<Message>;
  /** Autocomplete choices for an option being typed (e.g. quote/who), at most 25. */
  autocomplete(command: string, option: string, value: string): Promise<Choice[]>;
}

/** The /digest subcommands, implemented by the digest use case (issue 8). */
export interface DigestCommands {
  run(subcommand: string, options: Record<string, OptionValue>, ctx: CommandContext): Promise<Message>;
}
