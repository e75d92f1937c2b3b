import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canManageChannels, commandContext, flattenOptions, toCommandInput, toDiscordChoices, type RawCommandOption } from '../../../src/adapters/discord/interaction-input.ts';
import { parseCommand } from '../../../src/app/run-command.ts';
import { BriefingError } from '../../../src/core/errors.ts';

/** Interaction data as the app validates it (what runCommand does first). */
const toInvocation = (command: string, data: readonly RawCommandOption[]) => parseCommand(toCommandInput(command, data));

describe('interaction options', () => {
  it('GIVEN a subcommand with options THEN the subcommand and its options', () => {
    const data = [{ name: 'subscribe', type: 1, options: [{ name: 'time', type: 3, value: '07:30' }, { name: 'timezone', type: 3, value: 'Europe/London' }] }];
    expect(toInvocation('digest', data)).toEqual({ command: 'digest', subcommand: 'subscribe', options: { time: '07:30', timezone: 'Europe/London' } });
  });

  it('GIVEN a focused option THEN it is reported apart', () => {
    expect(flattenOptions([{ name: 'who', type: 3, value: 'pu', focused: true }])).toEqual({ subcommand: null, entries: [], focused: { name: 'who', value: 'pu' } });
  });

  it.each([
    { name: 'GIVEN /quote without who THEN bad_option', command: 'quote', data: [] },
    { name: 'GIVEN an unknown command THEN unknown_command', command: 'weather', data: [] },
    { name: 'GIVEN a who of 10,000 characters THEN bad_option', command: 'quote', data: [{ name: 'who', type: 3, value: 'x'.repeat(10_000) }] },
  ])('$name', ({ command, data }) => {
    expect(() => toInvocation(command, data)).toThrow(BriefingError);
  });
});

describe('permissions', () => {
  it.each([
    { name: 'GIVEN View Channel + Send Messages THEN no', perms: String(1024 + 2048), expected: false },
    { name: 'GIVEN Manage Channels THEN yes', perms: '16', expected: true },
    { name: 'GIVEN Administrator THEN yes', perms: '8', expected: true },
    { name: 'GIVEN a large bitfield with Manage Channels THEN yes', perms: String((1n << 45n) | 16n), expected: true },
    { name: 'GIVEN garbage THEN no', perms: 'all', expected: false },
    { name: 'GIVEN nothing THEN no', perms: undefined, expected: false },
  ])('$name', ({ perms, expected }) => {
    expect(canManageChannels(perms)).toBe(expected);
  });

  it('GIVEN a DM (no guild) THEN the user cannot manage the channel', () => {
    expect(commandContext({ channelId: '1', userId: '2', guildId: null, permissions: '16' }).canManageChannel).toBe(false);
  });
});

describe('autocomplete choices', () => {
  it('GIVEN any suggestions THEN at most 25 unique choices, names 1-100 characters, values <= 100 and unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 150 }) }), { maxLength: 60 }), (choices) => {
        const out = toDiscordChoices(choices);
        expect(out.length).toBeLessThanOrEqual(25);
        expect(new Set(out.map((c) => c.value)).size).toBe(out.length);
        for (const c of out) {
          expect([...c.name].length).toBeGreaterThanOrEqual(1);
          expect([...c.name].length).toBeLessThanOrEqual(100);
          expect([...c.value].length).toBeLessThanOrEqual(100);
          expect(choices.some((x) => x.value.trim() === c.value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
