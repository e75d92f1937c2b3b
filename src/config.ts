// One zod schema over the environment. Nothing else reads process.env.
// An empty variable counts as unset, so `DISCORD_TOKEN=` turns Discord off.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { scaleConfig, scaleEnvShape, type ScaleConfig, type SlackOAuthConfig } from './config-scale.ts';
import { checkSourceUrl } from './core/source-url.ts';

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const port = z.coerce.number({ error: 'must be a port number from 0 to 65535' }).int('must be a port number from 0 to 65535').min(0, 'must be a port number from 0 to 65535').max(65535, 'must be a port number from 0 to 65535');
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');
const hhmm = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Every variable the bot reads, with its meaning. `.env.example` is kept in step by a test. */
export const envSchema = z.object({
  // core
  NEWSBRIEF_DB: z.string().min(1).default('./data/newsbrief.db'),
  SEEDS_DIR: z.string().min(1).default('./seeds'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // discord
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'must be the numeric application id').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, 'must be a numeric guild id').optional(),
  DISCORD_API_URL: optionalUrl,
  DISCORD_PUBLIC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-hex-digit application public key').optional(),
  DISCORD_HTTP_PORT: port.default(3001),
  // slack
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp- (an app-level token)').optional(),
  SLACK_API_URL: optionalUrl,
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // digests
  DIGEST_TIME: z.string().regex(hhmm, 'must be HH:MM, e.g. 08:00').default('08:00'),
  DIGEST_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA timezone such as Europe/London').default('UTC'),
  // several instances, shards, installs, operations (config-scale.ts)
  ...scaleEnvShape,
  // live sources
  FEEDS: optionalString,
  FEEDS_FILE: optionalString,
  FEED_POLL_MINUTES: z.coerce.number({ error: 'must be a whole number of minutes, at least 1' }).int('must be a whole number of minutes, at least 1').min(1, 'must be a whole number of minutes, at least 1').default(10),
  FEED_POLL_SECONDS: z.coerce.number({ error: 'must be a whole number of seconds, at least 1' }).int('must be a whole number of seconds, at least 1').min(1, 'must be a whole number of seconds, at least 1').optional(),
  ALLOW_PRIVATE_SOURCES: flag.default(false),
});

export type Env = z.infer<typeof envSchema>;

export interface DiscordConfig {
  token: string;
  applicationId: string | null;
  guildId: string | null;
  apiUrl: string | null;
  publicKey: string | null;
  httpPort: number;
  /** DISCORD_SHARD_COUNT / DISCORD_SHARDS: the shards this instance runs; null = discord.js decides. */
  shards?: { ids: number[]; count: number } | null;
}

export interface SlackConfig {
  /** The single workspace's token; null when the app is installed per workspace (oauth). */
  botToken: string | null;
  /** "Add to Slack": per-workspace tokens from the installation store. */
  oauth?: SlackOAuthConfig | null;
  signingSecret: string | null;
  appToken: string | null;
  apiUrl: string | null;
  port: number;
  host: string;
}

export interface Config {
  dbPath: string;
  seedsDir: string;
  logLevel: Env['LOG_LEVEL'];
  /** Present when DISCORD_TOKEN is set (gateway) or DISCORD_PUBLIC_KEY (HTTP endpoint). */
  discord: DiscordConfig | null;
  /** Present when SLACK_BOT_TOKEN and either SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) are set. */
  slack: SlackConfig | null;
  digest: { time: string; timezone: string };
  /** Database URL, instance id, metrics port, shutdown grace (issue 16). */
  scale: ScaleConfig;
  sources: SourcesConfig;
}

export interface SourcesConfig {
  /** FEEDS: http(s) URLs, checked and normalised (checkSourceUrl), in order, without repeats. */
  feeds: string[];
  /** FEEDS_FILE: a file of feeds (one URL a line with an optional label, or OPML), or null. */
  feedsFile: string | null;
  /** FEED_POLL_MINUTES: how often each source is polled (default 10, at least 1). */
  pollMinutes: number;
  /** The poll interval in ms: FEED_POLL_SECONDS (tests and demos) when set, else FEED_POLL_MINUTES. */
  pollIntervalMs: number;
  /** ALLOW_PRIVATE_SOURCES: fetch from loopback/private/link-local/... addresses too (default false). */
  allowPrivate: boolean;
}

/** "https://a.example/rss, https://b.example/atom" -> checked URLs; bad ones are config problems. */
function parseFeedsVariable(value: string | undefined, problems: string[]): string[] {
  const out: string[] = [];
  for (const part of (value ?? '').split(/[,\s]+/).filter(Boolean)) {
    const checked = checkSourceUrl(part);
    if (!checked.ok) problems.push(`FEEDS: ${part.slice(0, 200)}: ${checked.reason}`);
    else if (!out.includes(checked.url)) out.push(checked.url);
  }
  return out;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Drops empty values, so an empty variable counts as unset. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}

export function loadConfig(env: Record<string, string | undefined>, overrides: { db?: string } = {}): Config {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const scale = scaleConfig(e, problems);
  let discord: DiscordConfig | null = null;
  if (e.DISCORD_TOKEN) {
    discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID ?? null,
      guildId: e.DISCORD_GUILD_ID ?? null,
      apiUrl: e.DISCORD_API_URL ?? null,
      publicKey: e.DISCORD_PUBLIC_KEY ?? null,
      httpPort: e.DISCORD_HTTP_PORT,
      shards: scale.discordShards,
    };
  } else if (e.DISCORD_PUBLIC_KEY) {
    problems.push('DISCORD_TOKEN: is required when DISCORD_PUBLIC_KEY is set (the bot token sends the answers)');
  }
  let slack: SlackConfig | null = null;
  if (e.SLACK_BOT_TOKEN || scale.slackOAuth) {
    if (scale.slackOAuth && !e.SLACK_SIGNING_SECRET) {
      problems.push('SLACK_SIGNING_SECRET: is required for Slack installs (SLACK_CLIENT_ID): the install pages run in HTTP mode');
    } else if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      problems.push('SLACK_SIGNING_SECRET: is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
    } else {
      slack = {
        botToken: e.SLACK_BOT_TOKEN ?? null,
        oauth: scale.slackOAuth,
        signingSecret: e.SLACK_SIGNING_SECRET ?? null,
        appToken: e.SLACK_APP_TOKEN ?? null,
        apiUrl: e.SLACK_API_URL ?? null,
        port: e.PORT,
        host: e.HOST,
      };
    }
  } else if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  }
  const feeds = parseFeedsVariable(e.FEEDS, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    dbPath: overrides.db ?? e.NEWSBRIEF_DB,
    seedsDir: e.SEEDS_DIR,
    logLevel: e.LOG_LEVEL,
    discord,
    slack,
    digest: { time: e.DIGEST_TIME, timezone: e.DIGEST_TIMEZONE },
    scale,
    sources: { feeds, feedsFile: e.FEEDS_FILE ?? null, pollMinutes: e.FEED_POLL_MINUTES, pollIntervalMs: e.FEED_POLL_SECONDS ? e.FEED_POLL_SECONDS * 1000 : e.FEED_POLL_MINUTES * 60_000, allowPrivate: e.ALLOW_PRIVATE_SOURCES },
  };
}

/** process.env with `.env` (if present) underneath it: real environment variables win. */
export function readEnvironment(envFile = '.env', env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...env };
}
