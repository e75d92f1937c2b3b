import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig, readEnvironment } from '../../src/config.ts';

describe('configuration', () => {
  it('GIVEN .env.example THEN it lists exactly the variables of the schema', () => {
    const listed = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(envSchema.shape)));
  });

  it('GIVEN .env.example as it is THEN it loads: console only, with the documented defaults', () => {
    const env = readEnvironment('.env.example', {});
    const c = loadConfig(env);
    expect(c.discord).toBeNull();
    expect(c.slack).toBeNull();
    expect(c.dbPath).toBe('./data/newsbrief.db');
    expect(c.digest).toEqual({ time: '08:00', timezone: 'UTC' });
  });

  it('GIVEN an empty variable THEN it counts as unset', () => {
    const c = loadConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ', DIGEST_TIME: '' });
    expect(c.discord).toBeNull();
    expect(c.slack).toBeNull();
    expect(c.digest.time).toBe('08:00');
  });

  it('GIVEN a Discord token THEN the Discord section is complete', () => {
    const c = loadConfig({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '123456789', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(c.discord).toMatchObject({ token: 'abc', applicationId: '123456789', apiUrl: 'http://127.0.0.1:9/api', guildId: null });
  });

  it.each([
    [{ DIGEST_TIMEZONE: 'Mars/Olympus' }, 'DIGEST_TIMEZONE'],
    [{ DIGEST_TIME: '25:00' }, 'DIGEST_TIME'],
    [{ SLACK_BOT_TOKEN: 'nope' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ PORT: 'eighty' }, 'PORT: must be a port number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DISCORD_PUBLIC_KEY: 'f'.repeat(64) }, 'DISCORD_TOKEN'],
  ])('GIVEN %o THEN the error names %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('GIVEN a .env file and a real variable THEN the real variable wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'SEEDS_DIR=/from/file\nLOG_LEVEL=debug\n');
    const env = readEnvironment(file, { LOG_LEVEL: 'warn' });
    const c = loadConfig(env);
    expect(c.seedsDir).toBe('/from/file');
    expect(c.logLevel).toBe('warn');
  });

  it('GIVEN --db THEN it overrides NEWSBRIEF_DB', () => {
    expect(loadConfig({ NEWSBRIEF_DB: 'a.db' }, { db: 'b.db' }).dbPath).toBe('b.db');
  });
});
