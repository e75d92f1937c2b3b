// Tab completion for the console: command names, subcommands, option names (`who:`), option
// choices, and option values the app can suggest (known speakers for /quote who:), as readline
// wants them: [candidates, the text before the cursor they replace].
import { commands, findCommand, type OptionDef } from '../../../commands/index.ts';
import type { App } from '../../app/ports.ts';

export type Completion = [string[], string];

const OPTION_AT_END = /(?:^|\s)([a-z][\w-]*):([^:]*)$/i;

function optionsOf(def: NonNullable<ReturnType<typeof findCommand>>, sub: string | null): OptionDef[] {
  if (def.subcommands) return def.subcommands.find((s) => s.name === sub)?.options ?? [];
  return def.options ?? [];
}

const startsWith = (s: string, prefix: string) => s.toLowerCase().startsWith(prefix.toLowerCase());

/** Completions for the text before the cursor. Never throws: no suggestion is an empty list. */
export async function completeLine(app: App, line: string): Promise<Completion> {
  const words = line.trimStart().split(/\s+/);
  const first = words[0] ?? '';
  if (words.length === 1) {
    // the command itself, with the slash if the user typed one
    const slash = first.startsWith('/') ? '/' : '';
    const typed = first.slice(slash.length);
    return [commands.filter((c) => startsWith(c.name, typed)).map((c) => `${slash}${c.name} `), first];
  }
  const def = findCommand(first.replace(/^\//, '').toLowerCase());
  if (!def) return [[], line];
  let sub: string | null = null;
  if (def.subcommands) {
    if (words.length === 2) {
      const typed = words[1] ?? '';
      return [def.subcommands.filter((s) => startsWith(s.name, typed)).map((s) => `${s.name} `), typed];
    }
    sub = (words[1] ?? '').toLowerCase();
  }
  const options = optionsOf(def, sub);
  // an option name, among those not given yet (a word after a value may start the next option)
  const typed = /\s$/.test(line) ? '' : (words[words.length - 1] ?? '');
  const used = new Set([...line.matchAll(/(?:^|\s)([a-z][\w-]*):/gi)].map((m) => (m[1] ?? '').toLowerCase()));
  const names = typed.includes(':') ? [] : options.filter((o) => !used.has(o.name) && startsWith(o.name, typed)).map((o) => `${o.name}:`);
  const value = OPTION_AT_END.exec(line);
  // after a space, or outside any value: the next option's name
  if (!value || !typed) return [names, typed];
  // inside `name:value…` (a value runs on until the next name:, so it may hold spaces): the
  // value's candidates first (who:Vladimir P -> Vladimir Putin); none, then a word may start an option
  const inValue = await completeValue(app, def.name, options, value[1] ?? '', value[2] ?? '');
  return inValue[0].length || !names.length ? inValue : [names, typed];
}

async function completeValue(app: App, command: string, options: OptionDef[], name: string, typed: string): Promise<Completion> {
  const opt = options.find((o) => o.name === name.toLowerCase());
  const replaced = `${name}:${typed}`;
  if (!opt) return [[], replaced];
  if (opt.choices) return [opt.choices.map((c) => String(c.value)).filter((v) => startsWith(v, typed)).map((v) => `${name}:${v} `), replaced];
  if (!opt.autocomplete) return [[], replaced];
  const choices = await app.autocomplete(command, opt.name, typed.trim()).catch(() => []);
  return [choices.map((c) => `${name}:${c.value} `), replaced];
}
