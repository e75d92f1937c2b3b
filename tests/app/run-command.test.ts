// The one entry point every adapter uses: raw text or structured options -> the Message.
import { describe, expect, it } from 'vitest';
import type { CommandContext, Invocation } from '../../src/app/invocation.ts';
import type { App } from '../../src/app/ports.ts';
import { runCommand } from '../../src/app/run-command.ts';
import type { Message } from '../../src/core/message.ts';

const ctx: CommandContext = { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true };

function recordingLog() {
  const entries: { obj: Record<string, unknown>; msg?: string }[] = [];
  return { entries, error: (obj: object, msg?: string) => void entries.push({ obj: obj as Record<string, unknown>, msg }) };
}

function recordingApp(answer: (inv: Invocation) => Promise<Message> = async (inv) => ({ visibility: 'public', title: `answer to /${inv.command}`, items: [] })) {
  const calls: Invocation[] = [];
  const app: Pick<App, 'handle'> = {
    async handle(inv) {
      calls.push(inv);
      return answer(inv);
    },
  };
  return { app, calls };
}

describe('runCommand', () => {
  it.each([
    { name: 'GIVEN typed text THEN the app gets the parsed command', input: '/quote who:"Vladimir Putin" count:3' },
    { name: 'GIVEN text without the slash THEN the same command', input: 'quote who:"Vladimir Putin" count:3' },
    { name: 'GIVEN structured options THEN the same command', input: { command: 'quote', subcommand: null, options: [['who', 'Vladimir Putin'], ['count', 3]] as const } },
  ])('$name', async ({ input }) => {
    const { app, calls } = recordingApp();
    const log = recordingLog();
    const { message, invocation } = await runCommand(app, input, ctx, { logger: log });
    const expected = { command: 'quote', subcommand: null, options: { who: 'Vladimir Putin', count: 3 } };
    expect(calls).toEqual([expected]);
    expect(invocation).toEqual(expected);
    expect(message.title).toBe('answer to /quote');
    expect(log.entries).toEqual([]);
  });

  it.each([
    { name: 'GIVEN an unknown option THEN its name and the usage line', input: '/quote who:Putin colour:red', text: /no option "colour"/, hint: /\/quote who:<name>/ },
    { name: 'GIVEN a typo in the command THEN a guess', input: '/breif', text: /Did you mean \/brief\?/, hint: /Try \/help/ },
    { name: 'GIVEN a count out of range in structured options THEN the range', input: { command: 'brief', subcommand: null, options: [['count', 99]] as const }, text: /count: must be between 1 and 10/, hint: /\/brief/ },
    { name: 'GIVEN /digest without a subcommand THEN the subcommands', input: { command: 'digest', subcommand: null, options: [] }, text: /needs one of: subscribe, unsubscribe, status, now/, hint: /\/digest status/ },
  ])('$name, as a user-only notice; the app is not called and nothing is logged as an error', async ({ input, text, hint }) => {
    const { app, calls } = recordingApp();
    const log = recordingLog();
    const { message, invocation } = await runCommand(app, input, ctx, { logger: log });
    expect(invocation).toBeNull();
    expect(calls).toEqual([]);
    expect(message.visibility).toBe('ephemeral');
    expect(message.notice?.tone).toBe('warning');
    expect(message.notice?.text).toMatch(text);
    expect(message.notice?.hint).toMatch(hint);
    expect(log.entries).toEqual([]);
  });

  it('GIVEN an app that throws THEN the generic reply with an 8-hex code, logged with the stack', async () => {
    const { app } = recordingApp(async () => {
      throw new Error('database is locked at /srv/secret.db');
    });
    const log = recordingLog();
    const { message, invocation } = await runCommand(app, '/brief', ctx, { logger: log });
    expect(invocation).toEqual({ command: 'brief', subcommand: null, options: {} });
    expect(message.visibility).toBe('ephemeral');
    expect(message.notice?.tone).toBe('error');
    expect(message.notice?.correlationId).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(message)).not.toContain('secret');
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.obj.correlationId).toBe(message.notice?.correlationId);
    expect((log.entries[0]?.obj.err as { stack?: string }).stack).toContain('run-command.test.ts');
  });

  it.each([
    { name: 'GIVEN a lookup THEN it runs', input: '/quote who:Putin', runs: true },
    { name: 'GIVEN /digest THEN it is refused, naming the commands allowed', input: '/digest unsubscribe', runs: false },
  ])('only shareable commands: $name', async ({ input, runs }) => {
    const { app, calls } = recordingApp();
    const { message } = await runCommand(app, input, ctx, { logger: recordingLog(), only: (def) => def.shareable === true });
    expect(calls.length).toBe(runs ? 1 : 0);
    if (!runs) expect(message.notice).toEqual({ tone: 'error', text: 'Only /brief, /quote, /help answers can be used here.' });
  });
});
