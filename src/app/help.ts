// Usage lines and the /help reply, generated from commands/ (never written by hand).
import { commands, findCommand } from '../../commands/index.ts';
import type { CommandDef, OptionDef } from '../../commands/index.ts';
import type { Message, Section } from '../core/message.ts';

function placeholder(opt: OptionDef): string {
  if (opt.placeholder) return opt.placeholder;
  if (opt.choices && opt.choices.length > 0) return opt.choices.map((c) => String(c.value)).join('|');
  if (opt.type === 'integer') {
    if (opt.minValue !== undefined && opt.maxValue !== undefined) return `${opt.minValue}-${opt.maxValue}`;
    return 'number';
  }
  if (opt.type === 'boolean') return 'true|false';
  return 'words';
}

function optionUsage(opt: OptionDef): string {
  const text = `${opt.name}:<${placeholder(opt)}>`;
  return opt.required ? text : `[${text}]`;
}

function lineFor(name: string, sub: string | null, options: readonly OptionDef[]): string {
  return [`/${name}`, ...(sub ? [sub] : []), ...options.map(optionUsage)].join(' ');
}

/**
 * The usage line of a command, e.g. `/quote who:<name> [about:<words>] [count:<1-10>]`.
 * For a command with subcommands: one subcommand's line, or all of them joined by " | "
 * (`/digest subscribe [time:<HH:MM>] … | /digest status | …`). Unknown names give "".
 */
export function usage(commandName: string, subcommand?: string | null): string {
  const def = findCommand(commandName.toLowerCase());
  if (!def) return '';
  if (def.subcommands && def.subcommands.length > 0) {
    const subs = subcommand ? def.subcommands.filter((s) => s.name === subcommand) : def.subcommands;
    const list = subs.length > 0 ? subs : def.subcommands;
    return list.map((s) => lineFor(def.name, s.name, s.options ?? [])).join(' | ');
  }
  return lineFor(def.name, null, def.options ?? []);
}

function usageLines(def: CommandDef): string[] {
  if (def.subcommands && def.subcommands.length > 0) {
    return def.subcommands.map((s) => `${lineFor(def.name, s.name, s.options ?? [])} — ${s.description}`);
  }
  return [usage(def.name)];
}

function optionLines(options: readonly OptionDef[]): string[] {
  return options.map((o) => `${o.name}: ${o.description}${o.required ? ' (required)' : ''}`);
}

/** The detailed help of one command: what it does, its usage, its options and examples. */
function commandSection(def: CommandDef): Section {
  const options = def.subcommands ? [] : (def.options ?? []);
  return {
    heading: `/${def.name} — ${def.description}`,
    lines: [def.help, ...usageLines(def), ...optionLines(options), ...def.examples.map((e) => `e.g. ${e}`)],
  };
}

/** A short entry for the overview: usage line and the first example. */
function overviewSection(def: CommandDef): Section {
  return { heading: `/${def.name} — ${def.description}`, lines: [...usageLines(def), ...def.examples.slice(0, 2).map((e) => `e.g. ${e}`)] };
}

/**
 * The /help reply (visible only to the asker): every command with its usage line and an example,
 * or one command in detail. Option names may be typed in any case; bare words fill the first option.
 */
export function helpMessage(command?: string | null): Message {
  const wanted = command?.trim().replace(/^\//, '').toLowerCase();
  if (wanted) {
    const def = findCommand(wanted);
    if (def) {
      return { visibility: 'ephemeral', title: `Help: /${def.name}`, items: [], sections: [commandSection(def)] };
    }
    return {
      visibility: 'ephemeral',
      title: 'newsbrief commands',
      items: [],
      notice: { tone: 'warning', text: `There is no command "/${wanted.slice(0, 40)}".`, hint: `Commands: ${commands.map((c) => `/${c.name}`).join(', ')}` },
      sections: commands.map(overviewSection),
    };
  }
  return {
    visibility: 'ephemeral',
    title: 'newsbrief commands',
    intro: 'News briefings: headlines, key points and who said what. Write options as name:value (quote values with spaces: who:"Vladimir Putin"); words without a name fill the first option.',
    items: [],
    sections: commands.map(overviewSection),
    footer: 'More on one command: /help command:quote',
  };
}
