// npm run register:discord: bulk overwrite with a report of what changed, against the fake Discord.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toDiscordCommands } from '../../../src/adapters/discord/command-json.ts';
import { createRest } from '../../../src/adapters/discord/publisher.ts';
import { diffCommands, registerCommands, sameDefinition, type CommandJson } from '../../../src/adapters/discord/register-commands.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const wanted = toDiscordCommands() as unknown as CommandJson[];

/** What Discord sends back for a command we registered: ids added, defaults dropped. */
function asDiscordReturnsIt(c: CommandJson): CommandJson {
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (o && typeof o === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) if (!(k === 'required' && v === false) && !(k === 'options' && Array.isArray(v) && v.length === 0)) out[k] = strip(v);
      return out;
    }
    return o;
  };
  return { ...(strip(c) as CommandJson), id: '1', application_id: '2', version: '3', default_member_permissions: null, dm_permission: true, nsfw: false, contexts: null, integration_types: [0] };
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.commands.clear();
});

describe('comparing definitions', () => {
  const quote = wanted.find((c) => c.name === 'quote')!;
  it.each([
    { name: 'GIVEN what Discord returns for our own definition THEN it is the same', current: asDiscordReturnsIt(quote), same: true },
    { name: 'GIVEN a changed description THEN it differs', current: { ...asDiscordReturnsIt(quote), description: 'old text' }, same: false },
    { name: 'GIVEN an option missing THEN it differs', current: { ...asDiscordReturnsIt(quote), options: [] }, same: false },
    { name: 'GIVEN autocomplete turned off THEN it differs', current: JSON.parse(JSON.stringify(asDiscordReturnsIt(quote)).replace('"autocomplete":true', '"autocomplete":false')) as CommandJson, same: false },
  ])('$name', ({ current, same }) => {
    expect(sameDefinition(quote, current)).toBe(same);
  });

  it('GIVEN stale commands THEN the diff names added, updated, removed and unchanged', () => {
    const current = [asDiscordReturnsIt(wanted[0]!), { ...asDiscordReturnsIt(quote), description: 'old' }, { name: 'oldcmd', description: 'gone' }];
    const d = diffCommands(wanted, current, 'guild');
    expect(d.unchanged).toEqual([wanted[0]!.name]);
    expect(d.updated).toEqual(['quote']);
    expect(d.removed).toEqual(['oldcmd']);
    expect(d.added.sort()).toEqual(wanted.map((c) => c.name).filter((n) => n !== wanted[0]!.name && n !== 'quote').sort());
  });
});

describe('registerCommands', () => {
  it('GIVEN a guild id and no commands yet THEN all are added to the guild with one GET and one PUT of the generated JSON', async () => {
    const rest = createRest({ token: 'tok', apiUrl: fake.apiUrl });
    const changes = await registerCommands({ rest, applicationId: fake.identity.applicationId, guildId: fake.identity.guildId, commands: wanted });
    expect(changes.scope).toBe('guild');
    expect(changes.added).toEqual(wanted.map((c) => c.name));
    const route = `/v10/applications/${fake.identity.applicationId}/guilds/${fake.identity.guildId}/commands`;
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${route}`, `PUT ${route}`]);
    expect(fake.requests[1]?.body).toEqual(JSON.parse(JSON.stringify(wanted)));
    expect(fake.commands.get(fake.identity.guildId)?.map((c) => c.name)).toEqual(['brief', 'quote', 'digest', 'sources', 'help']);
  });

  it('GIVEN no guild id THEN the commands are registered globally, and a second run reports them unchanged', async () => {
    const rest = createRest({ token: 'tok', apiUrl: fake.apiUrl });
    await registerCommands({ rest, applicationId: fake.identity.applicationId, guildId: null, commands: wanted });
    const again = await registerCommands({ rest, applicationId: fake.identity.applicationId, guildId: null, commands: wanted });
    expect(again.scope).toBe('global');
    expect(again.unchanged).toEqual(wanted.map((c) => c.name));
    expect(again.added).toEqual([]);
    expect(fake.requests.every((r) => r.path === `/v10/applications/${fake.identity.applicationId}/commands`)).toBe(true);
  });
});

describe('npm run register:discord (the script as a process)', () => {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const script = join(ROOT, 'scripts/register-discord.ts');
  const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

  it('GIVEN the Discord variables THEN it overwrites the guild commands and prints what changed', async () => {
    fake.commands.set(fake.identity.guildId, [{ name: 'oldcmd', description: 'retired', id: '9' }]);
    const { stdout } = await run(tsx, [script], {
      cwd: mkdtempSync(join(tmpdir(), 'nb-register-')),
      env: { ...baseEnv(), DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: fake.identity.applicationId, DISCORD_GUILD_ID: fake.identity.guildId, DISCORD_API_URL: fake.apiUrl },
    });
    expect(stdout).toContain(`to guild ${fake.identity.guildId}`);
    expect(stdout).toMatch(/added\s+\/brief, \/quote, \/digest, \/sources, \/help/);
    expect(stdout).toMatch(/removed\s+\/oldcmd/);
    expect(fake.commands.get(fake.identity.guildId)?.map((c) => c.name)).toEqual(['brief', 'quote', 'digest', 'sources', 'help']);
  });

  it('GIVEN no DISCORD_APPLICATION_ID THEN it exits 2 naming the variable, without calling Discord', async () => {
    const err = await run(tsx, [script], {
      cwd: mkdtempSync(join(tmpdir(), 'nb-register-')),
      env: { ...baseEnv(), DISCORD_TOKEN: 'tok', DISCORD_API_URL: fake.apiUrl },
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('DISCORD_APPLICATION_ID');
    expect(fake.requests).toHaveLength(0);
  });
});
