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

/**
 * What a member must be allowed to do for a command to run:
 * - 'manage-channel': change this channel's settings (Discord: Manage Channels or Administrator;
 *   Slack: any member, since Slack has no per-command permission; console: yes);
 * - 'manage-server': change the whole server / workspace (Discord: Manage Server or
 *   Administrator; Slack: a workspace admin). No command needs it yet.
 */
export type Permission = 'manage-channel' | 'manage-server';

export interface SubcommandDef {
  name: string;
  description: string;
  options?: OptionDef[];
  /** Needed to run this subcommand (overrides the command's own `permission`). */
  permission?: Permission;
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
  // ---- policy: how adapters answer it (read by the adapters, never a list in an adapter) ----
  /**
   * A lookup: answered only to the caller, with a Share button that posts the same answer in the
   * channel (Slack "Share in channel"). Only these commands may be re-run by that button.
   */
  shareable?: boolean;
  /** Discord: when the answer is slow, the "thinking…" placeholder is seen only by the caller. */
  deferEphemeral?: boolean;
  /** Needed to run the command (every subcommand, unless the subcommand says otherwise). */
  permission?: Permission;
}
