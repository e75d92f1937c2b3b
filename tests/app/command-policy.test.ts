// Command policy as data (commands/): the permission check, and handler maps typed over the
// command and subcommand names. The @ts-expect-error lines are checked by tsc in `npm test`:
// if a handler map missing a subcommand compiled, tsc would fail on the unused directive.
import { describe, expect, it } from 'vitest';
import { commands, digest } from '../../commands/index.ts';
import type { CommandName, SubcommandName } from '../../commands/index.ts';
import type { DigestHandler, DigestHandlers } from '../../src/app/digest-commands.ts';
import type { CommandHandler, CommandHandlers } from '../../src/app/handle-command.ts';
import type { CommandContext } from '../../src/app/invocation.ts';
import { hasPermission, permissionFor, requirePermission } from '../../src/app/permission.ts';
import { BriefingError } from '../../src/core/errors.ts';
import { noticeMessage } from '../../src/core/message.ts';

const reply: DigestHandler & CommandHandler = () => noticeMessage({ tone: 'info', text: 'ok' });

// @ts-expect-error: /digest now has no handler
export const digestWithoutNow: DigestHandlers = { subscribe: reply, unsubscribe: reply, status: reply };
// @ts-expect-error: /digest has no "pause" subcommand
export const digestWithPause: DigestHandlers = { subscribe: reply, unsubscribe: reply, status: reply, now: reply, pause: reply };
export const digestComplete: DigestHandlers = { subscribe: reply, unsubscribe: reply, status: reply, now: reply };
// @ts-expect-error: /help has no handler
export const commandsWithoutHelp: CommandHandlers = { brief: reply, quote: reply, digest: reply };
// @ts-expect-error: "pause" is not a /digest subcommand
export const notASubcommand: SubcommandName<'digest'> = 'pause';

function context(canManageChannel: boolean, canManageServer?: boolean): CommandContext {
  return { platform: 'discord', channelId: 'C1', userId: 'U1', workspaceId: 'G1', canManageChannel, ...(canManageServer === undefined ? {} : { canManageServer }) };
}

describe('command policy', () => {
  it('GIVEN commands/ THEN the subcommand type lists exactly the subcommands of commands/digest.ts', () => {
    const names: SubcommandName<'digest'>[] = digest.subcommands.map((s) => s.name);
    expect(names.sort()).toEqual(Object.keys(digestComplete).sort());
    const all: CommandName[] = commands.map((c) => c.name);
    expect(all).toEqual(['brief', 'quote', 'digest', 'sources', 'help']);
  });

  it.each([
    { sub: 'subscribe', expected: 'manage-channel' },
    { sub: 'unsubscribe', expected: 'manage-channel' },
    { sub: 'now', expected: 'manage-channel' },
    { sub: 'status', expected: null },
  ])('GIVEN /digest $sub THEN it needs $expected', ({ sub, expected }) => {
    expect(permissionFor(digest, sub)).toBe(expected);
  });

  it.each([
    { name: 'GIVEN Manage Channels THEN manage-channel is granted', ctx: context(true), permission: 'manage-channel', expected: true },
    { name: 'GIVEN no Manage Channels THEN manage-channel is refused', ctx: context(false), permission: 'manage-channel', expected: false },
    { name: 'GIVEN Manage Channels only THEN manage-server is refused', ctx: context(true), permission: 'manage-server', expected: false },
    { name: 'GIVEN a server manager THEN manage-server is granted', ctx: context(false, true), permission: 'manage-server', expected: true },
  ] as const)('$name', ({ ctx, permission, expected }) => {
    expect(hasPermission(ctx, permission)).toBe(expected);
  });

  it('GIVEN a member without the permission THEN a forbidden error says who may and what to do instead', () => {
    let caught: unknown;
    try {
      requirePermission(context(false), 'manage-channel', 'stop the digest', 'use /digest status to see the current digest');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BriefingError);
    const e = caught as BriefingError;
    expect(e.code).toBe('forbidden');
    expect(e.message).toBe('Only members who can manage this channel can stop the digest.');
    expect(e.hint).toBe('Ask someone with the Manage Channels permission, or use /digest status to see the current digest.');
    expect(() => requirePermission(context(false), null, 'anything')).not.toThrow();
  });
});
