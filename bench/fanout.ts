// Digest fan-out: N subscriptions due at the same minute, delivered by the digest service with
// the real publishers (@discordjs/rest, Slack WebClient) against the loopback fakes, which
// enforce the platforms' published rate limits (tests/fakes: DISCORD_RATE_LIMITS,
// SLACK_RATE_LIMITS). The allowed rate is what those limits let this mix of channels through:
// accepted requests / the least time the limits allow for them (bursts included).
import { createDiscordPublisher, createRest } from '../src/adapters/discord/publisher.ts';
import { createSlackPublisher } from '../src/adapters/slack/publisher.ts';
import { createSlackClient } from '../src/adapters/slack/web-client.ts';
import { createDigests } from '../src/app/digests.ts';
import { storeArticle } from '../src/app/store-article.ts';
import type { Platform, Store } from '../src/app/ports.ts';
import type { Article } from '../src/core/article.ts';
import { buildBriefing } from '../src/core/briefing.ts';
import { silentLogger } from '../src/logger.ts';
import { DISCORD_RATE_LIMITS, startFakeDiscord } from '../tests/fakes/discord/index.ts';
import type { BucketSpec } from '../tests/fakes/rate-limit.ts';
import { SLACK_RATE_LIMITS, startFakeSlackApi } from '../tests/fakes/slack/web-api.ts';
import { nowMs, round } from './stats.ts';

export interface PlatformFanout {
  channels: number;
  sent: number;
  requests: number;
  accepted: number;
  rateLimitHits: number;
  /** Channels that got more than one 429. */
  channelsWithRepeated429: number;
  /** When this platform's last post was answered, s after the start. */
  seconds: number;
  /** The least time its limits allow for its accepted requests / seconds. */
  efficiency: number;
  limit: string;
}

export interface Fanout {
  channels: number;
  seconds: number;
  requestsPerSecond: number;
  allowedPerSecond: number;
  /** requestsPerSecond / allowedPerSecond. */
  efficiency: number;
  rateLimitHits: number;
  channelsWithRepeated429: number;
  sent: number;
  failed: number;
  platforms: Record<'discord' | 'slack', PlatformFanout>;
}

const SLOT = '2026-11-30T08:00:00.000Z';
const leastSeconds = (accepted: number, b: BucketSpec) => Math.max(0, accepted - b.burst) / b.ratePerSecond;

export async function measureFanout(store: Store, stories: Article[], channels: { discord: number; slack: number }): Promise<Fanout> {
  // a clock that starts the day before the slot (subscriptions), then runs from the slot in real time
  let base = Date.parse('2026-11-29T12:00:00Z');
  let started = nowMs();
  const clock = { now: () => new Date(base + (nowMs() - started)) };
  const discord = await startFakeDiscord(undefined, { rateLimits: DISCORD_RATE_LIMITS });
  const slack = await startFakeSlackApi({ rateLimits: SLACK_RATE_LIMITS });
  try {
    const digests = createDigests({ store, clock, logger: silentLogger, defaults: { time: '08:00', timezone: 'UTC' }, scheduler: null });
    digests.registerPublisher(createDiscordPublisher(createRest({ token: 'bench-token', apiUrl: discord.apiUrl }), silentLogger));
    digests.registerPublisher(createSlackPublisher({ client: createSlackClient({ token: 'xoxb-bench', apiUrl: slack.apiUrl, logger: silentLogger }), logger: silentLogger }));
    const ids: Array<[Platform, string]> = [
      ...Array.from({ length: channels.discord }, (_, i): [Platform, string] => ['discord', String(600000000000000000n + BigInt(i))]),
      ...Array.from({ length: channels.slack }, (_, i): [Platform, string] => ['slack', `CBENCH${String(i).padStart(5, '0')}`]),
    ];
    for (const [platform, channelId] of ids) {
      await digests.commands.run('subscribe', { time: '08:00', timezone: 'UTC' }, { platform, channelId, userId: 'U1', workspaceId: 'W1', canManageChannel: true });
    }
    base = Date.parse(SLOT) - 3_600_000;
    started = nowMs();
    for (const a of stories) await storeArticle(store, a, buildBriefing(a), clock.now());
    base = Date.parse(SLOT);
    started = nowMs();
    const reports = await digests.runDue();
    const seconds = (nowMs() - started) / 1000;

    const discordPosts = discord.requests.filter((r) => r.method === 'POST' && /^\/v10\/channels\/\d+\/messages$/.test(r.path));
    const slackPosts = slack.callsTo('chat.postMessage');
    const repeated = (keys: string[]) => {
      const n = new Map<string, number>();
      for (const k of keys) n.set(k, (n.get(k) ?? 0) + 1);
      return [...n.values()].filter((c) => c > 1).length;
    };
    const sentOn = (p: Platform) => reports.filter((r) => r.platform === p && r.result.status === 'sent').length;
    const lastAt = (ats: number[]) => (ats.length ? (Math.max(...ats) - started) / 1000 : 0);
    const d: PlatformFanout = {
      channels: channels.discord,
      sent: sentOn('discord'),
      requests: discordPosts.length,
      accepted: discordPosts.filter((r) => r.status === 200).length,
      rateLimitHits: discordPosts.filter((r) => r.status === 429).length,
      channelsWithRepeated429: repeated(discordPosts.filter((r) => r.status === 429).map((r) => r.path)),
      seconds: round(lastAt(discordPosts.map((r) => r.at)), 2),
      efficiency: 0,
      limit: `${DISCORD_RATE_LIMITS.global.ratePerSecond}/s global, ${DISCORD_RATE_LIMITS.perChannel.burst} per ${DISCORD_RATE_LIMITS.perChannel.burst / DISCORD_RATE_LIMITS.perChannel.ratePerSecond} s per channel`,
    };
    const s: PlatformFanout = {
      channels: channels.slack,
      sent: sentOn('slack'),
      requests: slackPosts.length,
      accepted: slackPosts.filter((c) => c.status === 200).length,
      rateLimitHits: slackPosts.filter((c) => c.status === 429).length,
      channelsWithRepeated429: repeated(slackPosts.filter((c) => c.status === 429).map((c) => String(c.params['channel']))),
      seconds: round(seconds, 2),
      efficiency: 0,
      limit: `${SLACK_RATE_LIMITS.perChannel.ratePerSecond}/s per channel, ${SLACK_RATE_LIMITS.workspace.ratePerSecond * 60}/min per workspace (burst ${SLACK_RATE_LIMITS.workspace.burst})`,
    };
    d.efficiency = round(leastSeconds(d.accepted, DISCORD_RATE_LIMITS.global) / d.seconds, 3);
    s.efficiency = round(leastSeconds(s.accepted, SLACK_RATE_LIMITS.workspace) / s.seconds, 3);
    const accepted = d.accepted + s.accepted;
    const least = Math.max(leastSeconds(d.accepted, DISCORD_RATE_LIMITS.global), leastSeconds(s.accepted, SLACK_RATE_LIMITS.workspace));
    const requestsPerSecond = accepted / seconds;
    const allowedPerSecond = least > 0 ? accepted / least : Infinity;
    return {
      channels: ids.length,
      seconds: round(seconds, 2),
      requestsPerSecond: round(requestsPerSecond, 1),
      allowedPerSecond: round(allowedPerSecond, 1),
      efficiency: round(requestsPerSecond / allowedPerSecond, 3),
      rateLimitHits: d.rateLimitHits + s.rateLimitHits,
      channelsWithRepeated429: d.channelsWithRepeated429 + s.channelsWithRepeated429,
      sent: d.sent + s.sent,
      failed: reports.filter((r) => r.result.status === 'failed').length,
      platforms: { discord: d, slack: s },
    };
  } finally {
    await discord.close();
    await slack.close();
  }
}
