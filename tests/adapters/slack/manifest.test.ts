// The Slack app manifest is generated from commands/: it must match it exactly.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { buildSlackManifest, SLACK_COMMAND_LIMITS, SLACK_RESERVED_COMMANDS, usageHint } from '../../../src/adapters/slack/manifest.ts';

const BASE = 'https://news.example.com';

describe('GIVEN the commands in commands/', () => {
  const manifest = buildSlackManifest({ baseUrl: BASE });

  it('THEN the manifest declares exactly those slash commands, in order, with their descriptions', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    expect(manifest.features.slash_commands.map((c) => c.description)).toEqual(commands.map((c) => c.description));
  });

  it('THEN every slash command and interactivity go to <base>/slack/events, unescaped', () => {
    for (const c of manifest.features.slash_commands) {
      expect(c.url).toBe(`${BASE}/slack/events`);
      expect(c.should_escape).toBe(false);
    }
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: `${BASE}/slack/events` });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('THEN the slash command names are valid, not Slack built-ins, and within the limits', () => {
    expect(manifest.features.slash_commands.length).toBeLessThanOrEqual(50);
    for (const c of manifest.features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,32}$/);
      expect(SLACK_RESERVED_COMMANDS.has(c.command.slice(1))).toBe(false);
      expect(c.description.length).toBeLessThanOrEqual(SLACK_COMMAND_LIMITS.description);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(SLACK_COMMAND_LIMITS.usageHint);
    }
  });

  it.each([
    { name: 'quote', hint: 'who:<name> [about:<words>] [count:<1-10>] [kind:default|all] [page:<n>]' },
    { name: 'brief', hint: '[topic:<words>] [count:<1-10>] [page:<n>]' },
  ])('THEN /$name has the usage hint "$hint" built from its options', ({ name, hint }) => {
    const cmd = commands.find((c) => c.name === name)!;
    expect(usageHint(cmd)).toBe(hint);
  });

  it('THEN a command with subcommands lists each subcommand in its usage hint', () => {
    const withSubs = commands.filter((c) => 'subcommands' in c);
    for (const cmd of withSubs) {
      const hint = usageHint(cmd);
      for (const sub of (cmd as { subcommands: { name: string }[] }).subcommands) expect(hint).toContain(sub.name);
    }
  });

  it('THEN the bot asks only for the scopes it uses, and reads no messages', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public', 'users:read']);
    expect(JSON.stringify(manifest)).not.toMatch(/history|event_subscriptions/);
  });
});

describe('GIVEN Socket Mode', () => {
  it('THEN no request URLs are needed and socket_mode_enabled is set', () => {
    const m = buildSlackManifest({ socket: true });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
  });
});

describe('GIVEN a bad base URL', () => {
  it.each([
    { base: 'not a url', error: /Not a URL/ },
    { base: 'ftp://news.example.com', error: /http/ },
    { base: 'https://news.example.com/?x=1', error: /query/ },
    { base: null, error: /base URL is required/ },
  ])('WHEN it is $base THEN a clear error', ({ base, error }) => {
    expect(() => buildSlackManifest({ baseUrl: base })).toThrow(error);
  });

  it('THEN a trailing slash or a path prefix is kept without doubling slashes', () => {
    expect(buildSlackManifest({ baseUrl: 'https://x.example.com/bot/' }).settings.interactivity.request_url).toBe('https://x.example.com/bot/slack/events');
  });
});

describe('GIVEN npm run manifest:slack', () => {
  const script = ['--import', 'tsx', 'scripts/manifest-slack.ts'];
  const run = (args: string[]) => spawnSync(process.execPath, [...script, ...args], { encoding: 'utf8' });

  it('WHEN given a base URL THEN it prints the manifest JSON to stdout', () => {
    const out = execFileSync(process.execPath, [...script, BASE], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(buildSlackManifest({ baseUrl: BASE }));
  });

  it('WHEN given --out THEN it writes the file instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbrief-manifest-'));
    try {
      const file = join(dir, 'manifest.json');
      const res = run([BASE, '--out', file]);
      expect(res.status).toBe(0);
      expect(res.stdout).toBe('');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(buildSlackManifest({ baseUrl: BASE }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('WHEN the base URL is missing THEN it explains the usage and exits 2', () => {
    const res = run([]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/Missing the base URL/);
    expect(res.stderr).toMatch(/Usage/);
  });
});
