// npm run register:discord — bulk-overwrites the Discord application commands from commands/
// (to DISCORD_GUILD_ID when set: instant; else globally: Discord may take a while to show them)
// and prints what changed. Run it after changing commands/, never on every start.
import { ConfigError, loadConfig, readEnvironment } from '../src/config.ts';
import { toDiscordCommands } from '../src/adapters/discord/command-json.ts';
import { createRest } from '../src/adapters/discord/publisher.ts';
import { formatChanges, registerCommands, type CommandJson } from '../src/adapters/discord/register-commands.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(readEnvironment());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const discord = config.discord;
  if (!discord) {
    process.stderr.write('DISCORD_TOKEN is not set: put the bot token in .env or the environment.\n');
    return 2;
  }
  if (!discord.applicationId) {
    process.stderr.write('DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal (General Information).\n');
    return 2;
  }
  const rest = createRest({ token: discord.token, apiUrl: discord.apiUrl });
  const target = discord.guildId ? `to guild ${discord.guildId}` : 'globally (may take up to an hour to appear everywhere)';
  try {
    const changes = await registerCommands({
      rest,
      applicationId: discord.applicationId,
      guildId: discord.guildId,
      commands: toDiscordCommands() as unknown as CommandJson[],
    });
    process.stdout.write(`${formatChanges(changes, target)}\n`);
    return 0;
  } catch (err) {
    const e = err as { status?: number; message?: string };
    const why =
      e.status === 401
        ? 'Discord rejected the token (401): check DISCORD_TOKEN.'
        : e.status === 403 || e.status === 404
          ? `Discord refused (${e.status}): check DISCORD_APPLICATION_ID${discord.guildId ? ' and DISCORD_GUILD_ID (the bot must be invited to that server with the applications.commands scope)' : ''}.`
          : `Registering failed: ${e.message ?? String(err)}`;
    process.stderr.write(`${why}\n`);
    return 1;
  }
}

process.exitCode = await main();
