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
  /** May this user change the channel's settings, e.g. its digest (permission 'manage-channel'; Discord: Manage Channels)? */
  canManageChannel: boolean;
  /**
   * May this user change the whole server / workspace (permission 'manage-server'; Discord:
   * Manage Server, Slack: workspace admin)? Absent = no. No adapter sets it until a command needs it.
   */
  canManageServer?: boolean;
}
