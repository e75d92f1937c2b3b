// The ONLY list of commands. Everything platform-specific is generated from it.
import { brief } from './brief.ts';
import { digest } from './digest.ts';
import { help } from './help.ts';
import { quote } from './quote.ts';
import type { CommandDef } from './types.ts';

export const commands = [brief, quote, digest, help] as const satisfies readonly CommandDef[];

export type CommandName = (typeof commands)[number]['name'];

export const commandNames: readonly CommandName[] = commands.map((c) => c.name);

export function findCommand(name: string): CommandDef | undefined {
  return commands.find((c) => c.name === name);
}

export type { CommandDef, OptionDef, SubcommandDef, OptionType } from './types.ts';
