// What a slash command is, as data. commands/index.ts is the only list of commands;
// Discord's JSON, Slack's manifest, the text grammar and /help are generated from it.

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionChoice {
  name: string;
  value: string | number;
}

export interface OptionDef {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: OptionChoice[];
  autocomplete?: boolean;
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
  /** What the value looks like in a usage line: `who:<name>` (default: words, or the range). */
  placeholder?: string;
  /** A good value, shown in error messages: `who: needs a value, e.g. who:Putin`. */
  example?: string;
}

export interface SubcommandDef {
  name: string;
  description: string;
  options?: OptionDef[];
}

export interface CommandDef {
  name: string;
  description: string;
  /** Longer help text for /help, one or two sentences. */
  help: string;
  /** Example invocations in the text grammar, shown in /help. */
  examples: string[];
  options?: OptionDef[];
  subcommands?: SubcommandDef[];
}
