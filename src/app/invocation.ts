// A parsed slash command, the same whichever platform it came from.
import type { CommandName } from '../../commands/index.ts';

export type OptionValue = string | number | boolean;

export interface Invocation {
  command: CommandName;
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

/** Who asked, and where. */
export interface CommandContext {
  platform: 'console' | 'discord' | 'slack';
  channelId: string;
  userId: string;
  /** Discord guild / Slack team, when there is one. */
  workspaceId: string | null;
  /** May this user change the channel's digest (Discord: Manage Channels)? */
  canManageChannel: boolean;
}
