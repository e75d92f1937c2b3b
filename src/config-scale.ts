// The variables of running several instances (issue 16): the database, the instance's name,
// the operations endpoint, Discord shards and Slack installs. Spread into config.ts's schema.
import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();
const port = z.coerce.number({ error: 'must be a port number from 0 to 65535' }).int('must be a port number from 0 to 65535').min(0, 'must be a port number from 0 to 65535').max(65535, 'must be a port number from 0 to 65535');
const shardList = z
  .string()
  .regex(/^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/, 'must be shard ids such as 0,1 or 0-3')
  .optional();

export const scaleEnvShape = {
  // several instances
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
  INSTANCE_ID: z.string().trim().regex(/^[\w.:-]{1,64}$/, 'must be 1-64 letters, digits, or . _ : -').optional(),
  METRICS_PORT: port.optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  POSTS_PER_SECOND: z.coerce.number({ error: 'must be a number of posts per second' }).positive('must be above 0').max(1000).optional(),
  // discord shards
  DISCORD_SHARD_COUNT: z.coerce.number({ error: 'must be a whole number of shards' }).int().min(1, 'must be at least 1').max(10_000).optional(),
  DISCORD_SHARDS: shardList,
  // slack installs
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
};

const scaleEnvSchema = z.object(scaleEnvShape);
type ScaleEnv = z.infer<typeof scaleEnvSchema>;

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

export interface ScaleConfig {
  /** PostgreSQL connection URL; null = the SQLite file. */
  databaseUrl: string | null;
  /** INSTANCE_ID, or null (the process then names itself host-pid). */
  instanceId: string | null;
  /** Port of /healthz, /readyz and /metrics; null = off. */
  metricsPort: number | null;
  /** How long SIGTERM waits for in-flight work before giving it back and exiting. */
  shutdownGraceMs: number;
  /** Digest posts per second per platform token, shared by all instances (PostgreSQL); null = off. */
  postsPerSecond: number | null;
  discordShards: { ids: number[]; count: number } | null;
  slackOAuth: SlackOAuthConfig | null;
}

function expandShards(list: string): number[] {
  const ids = new Set<number>();
  for (const part of list.split(',')) {
    const [a, b] = part.split('-').map((x) => Number(x.trim()));
    for (let i = a!; i <= (b ?? a!); i++) ids.add(i);
  }
  return [...ids].sort((x, y) => x - y);
}

/** The issue-16 section of the configuration; problems are pushed as "VAR: message". */
export function scaleConfig(e: ScaleEnv, problems: string[]): ScaleConfig {
  let discordShards: ScaleConfig['discordShards'] = null;
  if (e.DISCORD_SHARDS && !e.DISCORD_SHARD_COUNT) {
    problems.push('DISCORD_SHARD_COUNT: is required when DISCORD_SHARDS is set (the total number of shards)');
  } else if (e.DISCORD_SHARD_COUNT) {
    const count = e.DISCORD_SHARD_COUNT;
    const ids = e.DISCORD_SHARDS ? expandShards(e.DISCORD_SHARDS) : Array.from({ length: count }, (_, i) => i);
    const bad = ids.filter((i) => i >= count);
    if (bad.length) problems.push(`DISCORD_SHARDS: shard ids must be below DISCORD_SHARD_COUNT (${count}); got ${bad.join(', ')}`);
    else discordShards = { ids, count };
  }
  const oauthParts = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  let slackOAuth: SlackOAuthConfig | null = null;
  if (oauthParts.every(Boolean)) {
    slackOAuth = { clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET! };
  } else if (oauthParts.some(Boolean)) {
    const missing = (['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const).filter((k) => !e[k]);
    problems.push(`${missing[0]}: Slack installs need SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together (missing: ${missing.join(', ')})`);
  }
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    instanceId: e.INSTANCE_ID ?? null,
    metricsPort: e.METRICS_PORT ?? null,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    postsPerSecond: e.POSTS_PER_SECOND ?? null,
    discordShards,
    slackOAuth,
  };
}
