// Interaction payloads as Discord sends them (gateway INTERACTION_CREATE or HTTP POST).
import { randomBytes } from 'node:crypto';
import { snowflake, type FakeIdentity } from './fake-rest.ts';

/** Permission bits as Discord sends them (decimal strings). */
export const perms = {
  /** View Channel + Send Messages + Embed Links. */
  member: String(1024n | 2048n | 16384n),
  /** ...plus Manage Channels. */
  manager: String(1024n | 2048n | 16384n | 16n),
};

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

export interface InteractionSpec {
  command: string;
  subcommand?: string;
  options?: RawOption[];
  /** Type 2 = application command, 4 = autocomplete. */
  type?: 2 | 4;
  permissions?: string;
  userIsBot?: boolean;
  userId?: string;
}

export const str = (name: string, value: string, focused = false): RawOption => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
export const int = (name: string, value: number): RawOption => ({ name, type: 4, value });

export function interactionPayload(identity: FakeIdentity, spec: InteractionSpec): Record<string, unknown> & { id: string; token: string } {
  const user = {
    id: spec.userId ?? '500000000000000001',
    username: spec.userIsBot ? 'otherbot' : 'reader',
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...(spec.userIsBot ? { bot: true } : {}),
  };
  const options = spec.subcommand ? [{ name: spec.subcommand, type: 1, options: spec.options ?? [] }] : (spec.options ?? []);
  return {
    id: snowflake(),
    application_id: identity.applicationId,
    type: spec.type ?? 2,
    token: `tok_${randomBytes(12).toString('hex')}`,
    version: 1,
    guild_id: identity.guildId,
    channel_id: identity.channelId,
    channel: { id: identity.channelId, type: 0, guild_id: identity.guildId, name: 'news' },
    member: {
      user,
      roles: [],
      permissions: spec.permissions ?? perms.member,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: perms.member,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': identity.guildId },
    context: 0,
    data: { id: snowflake(), name: spec.command, type: 1, options, guild_id: identity.guildId },
  };
}

export interface ComponentSpec {
  /** The custom_id of the button pressed. */
  customId: string;
  userId?: string;
  permissions?: string;
  /** The message the button is under: public unless flags say 64. */
  messageFlags?: number;
}

/** A MESSAGE_COMPONENT interaction (type 3): a button pressed under one of the bot's messages. */
export function componentPayload(identity: FakeIdentity, spec: ComponentSpec): Record<string, unknown> & { id: string; token: string } {
  const base = interactionPayload(identity, { command: 'unused', userId: spec.userId, permissions: spec.permissions });
  return {
    ...base,
    type: 3,
    data: { custom_id: spec.customId, component_type: 2 },
    message: {
      id: snowflake(),
      type: 20,
      channel_id: identity.channelId,
      author: { id: identity.botUserId, username: 'newsbrief', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: 'Latest briefing',
      embeds: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: spec.messageFlags ?? 0,
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'More', custom_id: spec.customId.slice(0, 100) }] }],
      application_id: identity.applicationId,
      webhook_id: identity.applicationId,
    },
  };
}
