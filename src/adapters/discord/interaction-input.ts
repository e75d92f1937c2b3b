// Interaction data (gateway or HTTP, same shape) -> the app's command input and CommandContext.
import { PermissionFlagsBits } from 'discord.js';
import type { CommandContext } from '../../app/invocation.ts';
import type { Choice } from '../../app/ports.ts';
import type { StructuredCommand } from '../../app/run-command.ts';

/** An application-command option as Discord sends it (discord.js's CommandInteractionOption has the same fields). */
export interface RawCommandOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: readonly RawCommandOption[] | undefined;
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

/** Flattens Discord's option tree: the subcommand (if any) and the [name, value] pairs under it. */
export function flattenOptions(data: readonly RawCommandOption[] | undefined): {
  subcommand: string | null;
  entries: [string, unknown][];
  focused: { name: string; value: string } | null;
} {
  let subcommand: string | null = null;
  const entries: [string, unknown][] = [];
  let focused: { name: string; value: string } | null = null;
  const walk = (list: readonly RawCommandOption[] | undefined): void => {
    for (const o of list ?? []) {
      if (o.type === SUBCOMMAND) subcommand = o.name;
      if (o.type === SUBCOMMAND || o.type === SUBCOMMAND_GROUP) {
        walk(o.options);
        continue;
      }
      if (o.focused) focused = { name: o.name, value: String(o.value ?? '') };
      else entries.push([o.name, o.value]);
    }
  };
  walk(data);
  return { subcommand, entries, focused };
}

/** The command as the app takes it (runCommand validates it against commands/). */
export function toCommandInput(command: string, data: readonly RawCommandOption[] | undefined): StructuredCommand {
  const { subcommand, entries } = flattenOptions(data);
  return { command, subcommand, options: entries };
}

/** Whether the member permissions the interaction carries include `flag` or Administrator. */
function hasPermission(permissions: string | bigint | null | undefined, flag: bigint): boolean {
  if (permissions === null || permissions === undefined || permissions === '') return false;
  let bits: bigint;
  try {
    bits = typeof permissions === 'bigint' ? permissions : BigInt(permissions);
  } catch {
    return false;
  }
  return (bits & (flag | PermissionFlagsBits.Administrator)) !== 0n;
}

/** Manage Channels (or Administrator) in the member permissions the interaction carries. */
export function canManageChannels(permissions: string | bigint | null | undefined): boolean {
  return hasPermission(permissions, PermissionFlagsBits.ManageChannels);
}

/** Manage Server (Manage Guild) or Administrator in the member permissions the interaction carries. */
export function canManageServer(permissions: string | bigint | null | undefined): boolean {
  return hasPermission(permissions, PermissionFlagsBits.ManageGuild);
}

export function commandContext(input: {
  channelId: string | null | undefined;
  userId: string;
  guildId: string | null | undefined;
  permissions: string | bigint | null | undefined;
}): CommandContext {
  return {
    platform: 'discord',
    channelId: input.channelId ?? '',
    userId: input.userId,
    workspaceId: input.guildId ?? null,
    // Outside a guild (DMs) there is no member and so no Manage Channels.
    canManageChannel: input.guildId ? canManageChannels(input.permissions) : false,
    canManageServer: input.guildId ? canManageServer(input.permissions) : false,
  };
}

/** Discord's autocomplete limits: at most 25 choices, name 1-100 characters, string value <= 100. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

function clip(s: string): string {
  const chars = [...s];
  return chars.length <= MAX_CHOICE_LENGTH ? s : `${chars.slice(0, MAX_CHOICE_LENGTH - 1).join('')}…`;
}

export function toDiscordChoices(choices: readonly Choice[]): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const c of choices) {
    const name = clip(c.name.trim());
    // A value is sent back as the option's value: never truncate it into a different name.
    const value = c.value.trim();
    if (!name || !value || [...value].length > MAX_CHOICE_LENGTH || seen.has(value)) continue;
    seen.add(value);
    out.push({ name, value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}
