// The ONLY list of commands. Everything platform-specific is generated from it.
import { brief } from './brief.ts';
import { digest } from './digest.ts';
import { help } from './help.ts';
import { quote } from './quote.ts';
import { sources } from './sources.ts';
import type { CommandDef } from './types.ts';

export const commands = [brief, quote, digest, sources, help] as const satisfies readonly CommandDef[];

export type CommandName = (typeof commands)[number]['name'];

/** The definition of one command, with its literal types (subcommand names, options). */
export type CommandOf<N extends CommandName> = Extract<(typeof commands)[number], { name: N }>;

/** The subcommand names of a command, e.g. SubcommandName<'digest'> = 'subscribe' | … | 'now'; never without any. */
export type SubcommandName<N extends CommandName> = CommandOf<N> extends { readonly subcommands: ReadonlyArray<{ readonly name: infer S }> } ? S : never;

export const commandNames: readonly CommandName[] = commands.map((c) => c.name);

export function findCommand(name: string): CommandDef | undefined {
  return commands.find((c) => c.name === name);
}

export { brief, digest, help, quote, sources };
export type { CommandDef, OptionDef, Permission, SubcommandDef, OptionType } from './types.ts';
