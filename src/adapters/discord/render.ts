// Message -> Discord payloads. PLACEHOLDER: the real renderer comes with issue 5.
import type { APIEmbed } from 'discord.js';
import type { Message } from '../../core/message.ts';

export interface DiscordMessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  allowed_mentions: { parse: [] };
  /** 64 = ephemeral (interaction responses only). */
  flags?: number;
}

/** The first payload is the reply; any others are follow-ups (a long answer split in parts). */
export function renderDiscord(message: Message): DiscordMessagePayload[] {
  return [{ content: (message.title ?? '').slice(0, 2000), allowed_mentions: { parse: [] } }];
}
