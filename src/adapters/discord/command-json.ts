// Discord application-command JSON, generated from commands/ (the only list of commands).
// Used by `npm run register:discord` (bulk overwrite). Never write this JSON by hand.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { commands } from '../../../commands/index.ts';
import type { CommandDef, OptionDef, SubcommandDef } from '../../../commands/index.ts';

function optionJson(opt: OptionDef): APIApplicationCommandBasicOption {
  const base = { name: opt.name, description: opt.description, required: opt.required ?? false };
  switch (opt.type) {
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(opt.minLength !== undefined ? { min_length: opt.minLength } : {}),
        ...(opt.maxLength !== undefined ? { max_length: opt.maxLength } : {}),
        ...(opt.choices && opt.choices.length > 0
          ? { choices: opt.choices.map((c) => ({ name: c.name, value: String(c.value) })) }
          : opt.autocomplete
            ? { autocomplete: true }
            : {}),
      };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(opt.minValue !== undefined ? { min_value: opt.minValue } : {}),
        ...(opt.maxValue !== undefined ? { max_value: opt.maxValue } : {}),
        ...(opt.choices && opt.choices.length > 0
          ? { choices: opt.choices.map((c) => ({ name: c.name, value: Number(c.value) })) }
          : opt.autocomplete
            ? { autocomplete: true }
            : {}),
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
  }
}

function subcommandJson(sub: SubcommandDef): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: sub.name,
    description: sub.description,
    options: (sub.options ?? []).map(optionJson),
  };
}

export function commandJson(def: CommandDef): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: def.name,
    description: def.description,
    options: def.subcommands && def.subcommands.length > 0 ? def.subcommands.map(subcommandJson) : (def.options ?? []).map(optionJson),
  };
}

/** Every command as Discord's bulk-overwrite body (PUT /applications/{id}/commands). */
export function toDiscordCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((def) => commandJson(def));
}
