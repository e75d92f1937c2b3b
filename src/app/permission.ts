// The `permission` of a command or subcommand (commands/), checked against who asked.
import type { CommandDef, Permission } from '../../commands/index.ts';
import { BriefingError } from '../core/errors.ts';
import type { CommandContext } from './invocation.ts';

/** What a subcommand (or the command itself) needs: the subcommand's own, else the command's. */
export function permissionFor(def: CommandDef, subcommand: string | null): Permission | null {
  const sub = subcommand ? def.subcommands?.find((s) => s.name === subcommand) : undefined;
  return sub?.permission ?? def.permission ?? null;
}

export function hasPermission(ctx: CommandContext, permission: Permission): boolean {
  switch (permission) {
    case 'manage-channel':
      return ctx.canManageChannel;
    case 'manage-server':
      return ctx.canManageServer ?? false;
  }
}

const WHO: Record<Permission, { can: string; named: string }> = {
  'manage-channel': { can: 'manage this channel', named: 'the Manage Channels permission' },
  'manage-server': { can: 'manage this server or workspace', named: 'the Manage Server permission (Slack: a workspace admin)' },
};

/**
 * Throws BriefingError('forbidden') unless the caller has the permission: "Only members who can
 * manage this channel can <action>." with a hint naming the permission and, if given, what the
 * caller can do instead.
 */
export function requirePermission(ctx: CommandContext, permission: Permission | null, action: string, instead?: string): void {
  if (!permission || hasPermission(ctx, permission)) return;
  const who = WHO[permission];
  throw new BriefingError('forbidden', `Only members who can ${who.can} can ${action}.`, {
    hint: `Ask someone with ${who.named}${instead ? `, or ${instead}` : ''}.`,
    context: { platform: ctx.platform, channelId: ctx.channelId, userId: ctx.userId },
  });
}
