// The discord.js client over the gateway (intent Guilds only; no message content).
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { App, Logger } from '../../app/ports.ts';
import { runCommand } from '../../app/run-command.ts';
import { answerInteraction, type InteractionResponder } from './answer.ts';
import { runMoreButton } from './more-answer.ts';
import { commandContext, toCommandInput, toDiscordChoices } from './interaction-input.ts';
import type { DiscordMessagePayload } from './render.ts';

export interface GatewayDeps {
  app: App;
  logger: Logger;
  deferAfterMs?: number;
}

/** `shards`: the shard ids this instance runs out of `count` (DISCORD_SHARDS / DISCORD_SHARD_COUNT). */
export function createDiscordClient(apiUrl: string | null, shards: { ids: number[]; count: number } | null = null): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
    // Article text must never ping anyone: the default for every message the client sends.
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}

/** The neutral Discord payload in discord.js's option names. */
export function toReplyOptions(payload: DiscordMessagePayload): InteractionReplyOptions {
  const out: InteractionReplyOptions = { allowedMentions: { parse: [] } };
  if (payload.content !== undefined) out.content = payload.content;
  if (payload.embeds !== undefined) out.embeds = payload.embeds;
  if (payload.components !== undefined) out.components = payload.components;
  if (payload.flags) out.flags = payload.flags as InteractionReplyOptions['flags'];
  return out;
}

function responderFor(i: ChatInputCommandInteraction | ButtonInteraction): InteractionResponder {
  return {
    reply: async (p) => {
      await i.reply(toReplyOptions(p));
    },
    defer: async (ephemeral) => {
      await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    editOriginal: async (p) => {
      const { flags: _ignored, ...rest } = toReplyOptions(p);
      await i.editReply(rest);
    },
    deleteOriginal: async () => {
      await i.deleteReply();
    },
    followUp: async (p) => {
      await i.followUp(toReplyOptions(p));
    },
  };
}

async function onCommand(i: ChatInputCommandInteraction, deps: GatewayDeps): Promise<void> {
  const log = deps.logger.child({ interaction: i.id, command: i.commandName, user: i.user.id, guild: i.guildId });
  const ctx = commandContext({
    channelId: i.channelId,
    userId: i.user.id,
    guildId: i.guildId,
    permissions: i.memberPermissions?.bitfield ?? null,
  });
  const outcome = await answerInteraction({
    responder: responderFor(i),
    command: i.commandName,
    logger: log,
    deferAfterMs: deps.deferAfterMs,
    createdAt: i.createdTimestamp,
    run: async () => (await runCommand(deps.app, toCommandInput(i.commandName, i.options.data), ctx, { logger: log })).message,
  });
  log.debug({ outcome }, 'discord interaction answered');
}

/** A More button: the next page, re-run as the presser's own command, shown only to them. */
async function onButton(i: ButtonInteraction, deps: GatewayDeps): Promise<void> {
  const log = deps.logger.child({ interaction: i.id, button: i.customId.slice(0, 100), user: i.user.id, guild: i.guildId });
  const ctx = commandContext({
    channelId: i.channelId,
    userId: i.user.id,
    guildId: i.guildId,
    permissions: i.memberPermissions?.bitfield ?? null,
  });
  const outcome = await answerInteraction({
    responder: responderFor(i),
    command: 'more',
    ephemeral: true,
    logger: log,
    deferAfterMs: deps.deferAfterMs,
    createdAt: i.createdTimestamp,
    run: () => runMoreButton(deps.app, i.customId, ctx, log),
  });
  log.debug({ outcome }, 'discord button answered');
}

async function onAutocomplete(i: AutocompleteInteraction, deps: GatewayDeps): Promise<void> {
  const focused = i.options.getFocused(true);
  let choices: { name: string; value: string }[] = [];
  try {
    choices = toDiscordChoices(await deps.app.autocomplete(i.commandName, focused.name, String(focused.value)));
  } catch (err) {
    deps.logger.error({ err, command: i.commandName, option: focused.name }, 'autocomplete failed');
  }
  await i.respond(choices);
}

/** Routes interactions to the app; bots are ignored, and a failure to answer is logged, never thrown. */
export function attachInteractionHandler(client: Client, deps: GatewayDeps): void {
  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (i.user.bot) return;
    let work: Promise<void> | null = null;
    if (i.isChatInputCommand()) work = onCommand(i, deps);
    else if (i.isAutocomplete()) work = onAutocomplete(i, deps);
    else if (i.isButton()) work = onButton(i, deps);
    work?.catch((err: unknown) => deps.logger.error({ err, interaction: i.id }, 'could not answer a discord interaction'));
  });
  client.on(Events.Error, (err) => deps.logger.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (ev, shard) => deps.logger.warn({ code: ev.code, shard }, 'discord gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => deps.logger.info({ shard, replayed }, 'discord gateway resumed'));
  client.on(Events.ShardReconnecting, (shard) => deps.logger.info({ shard }, 'discord gateway reconnecting'));
}
