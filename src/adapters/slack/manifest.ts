// The Slack app manifest, generated from commands/ (never written by hand).
// https://api.slack.com/reference/manifests
import { commands } from '../../../commands/index.ts';
import type { CommandDef, OptionDef } from '../../../commands/index.ts';
import { SLACK_EVENTS_PATH } from './paths.ts';

/** Slack's manifest limits for a slash command. */
export const SLACK_COMMAND_LIMITS = { description: 2000, usageHint: 1000 } as const;

/**
 * The bot token's scopes:
 * - `commands`: the slash commands;
 * - `chat:write`: digests and shared answers via chat.postMessage;
 * - `chat:write.public`: slash commands work in every public channel without inviting the bot,
 *   so the "Share in channel" button and /digest must be able to post there too. Without it,
 *   both fail with not_in_channel until someone invites the bot. Private channels and DMs
 *   still need an invitation.
 * - `users:read`: users.info, to ask whether the user of /sources add or remove is a workspace
 *   admin or owner (permission 'manage-server').
 * The bot reads no messages: no history scopes and no event subscriptions.
 */
/** Slack's built-in slash commands, which an app cannot register. */
export const SLACK_RESERVED_COMMANDS: ReadonlySet<string> = new Set([
  'me', 'status', 'away', 'dnd', 'shrug', 'remind', 'msg', 'feed', 'who', 'collapse', 'expand',
  'leave', 'join', 'open', 'search', 'topic', 'mute', 'pro', 'shortcuts', 'invite', 'kick', 'remove',
]);

export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read'] as const;

export interface SlackManifestOptions {
  /** Public base URL of the bot's HTTP endpoint (HTTP mode), e.g. https://news.example.com */
  baseUrl?: string | null;
  /** Socket Mode: no request URLs; the app connects out with an app-level token. */
  socket?: boolean;
  appName?: string;
}

export interface SlackSlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: SlackSlashCommand[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A short placeholder for an option's value, from its type, choices and description. */
export function placeholder(opt: OptionDef): string {
  if (opt.choices && opt.choices.length > 0) return opt.choices.map((c) => String(c.value)).join('|');
  if (opt.type === 'integer') return opt.minValue !== undefined && opt.maxValue !== undefined ? `<${opt.minValue}-${opt.maxValue}>` : '<n>';
  if (opt.type === 'boolean') return 'true|false';
  const d = opt.description.toLowerCase();
  if (/hh:mm/.test(d)) return '<HH:MM>';
  if (/\btimezone\b/.test(d)) return '<zone>';
  if (/\bname\b/.test(d)) return '<name>';
  if (/\bwords?\b/.test(d)) return '<words>';
  return '<text>';
}

function optionsHint(options: readonly OptionDef[] | undefined): string {
  return (options ?? [])
    .map((o) => {
      const part = `${o.name}:${placeholder(o)}`;
      return o.required ? part : `[${part}]`;
    })
    .join(' ');
}

/** `who:<name> [about:<words>] [count:<1-10>]`; subcommands as alternatives. */
export function usageHint(cmd: CommandDef): string {
  if (cmd.subcommands && cmd.subcommands.length > 0) {
    return clip(cmd.subcommands.map((s) => [s.name, optionsHint(s.options)].filter(Boolean).join(' ')).join(' | '), SLACK_COMMAND_LIMITS.usageHint);
  }
  return clip(optionsHint(cmd.options), SLACK_COMMAND_LIMITS.usageHint);
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Not a URL: ${baseUrl} (expected e.g. https://news.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The base URL must be http(s): ${baseUrl}`);
  if (url.search || url.hash) throw new Error(`The base URL must not have a query or fragment: ${baseUrl}`);
  return url.toString();
}

export function buildSlackManifest(opts: SlackManifestOptions): SlackManifest {
  const socket = opts.socket ?? false;
  if (!socket && !opts.baseUrl) throw new Error('A base URL is required for HTTP mode (or use Socket Mode)');
  const requestUrl = !socket && opts.baseUrl ? joinUrl(checkBaseUrl(opts.baseUrl), SLACK_EVENTS_PATH) : null;
  const name = opts.appName ?? 'newsbrief';
  const reserved = commands.filter((c) => SLACK_RESERVED_COMMANDS.has(c.name));
  if (reserved.length > 0) throw new Error(`Slack reserves these slash commands: ${reserved.map((c) => `/${c.name}`).join(', ')}`);
  return {
    display_information: {
      name,
      description: 'News briefings: headlines, key points and who said what.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands.map((cmd) => {
        const hint = usageHint(cmd);
        return {
          command: `/${cmd.name}`,
          description: clip(cmd.description, SLACK_COMMAND_LIMITS.description),
          ...(hint ? { usage_hint: hint } : {}),
          ...(requestUrl ? { url: requestUrl } : {}),
          // we parse the raw text ourselves; escaped text would turn names into <@U…> ids
          should_escape: false,
        };
      }),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      interactivity: requestUrl ? { is_enabled: true, request_url: requestUrl } : { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}
