// /digest subscribe | unsubscribe | status | now, over the digest service's runtime.
// The subcommands and who may run them come from commands/digest.ts; a subcommand without a
// handler here does not compile.
import { digest } from '../../commands/index.ts';
import type { SubcommandName } from '../../commands/index.ts';
import { formatLocalTime } from '../core/digest.ts';
import { BriefingError } from '../core/errors.ts';
import { noticeMessage } from '../core/message.ts';
import type { Message } from '../core/message.ts';
import type { DeliveryResult } from './digest-delivery.ts';
import { parseTimeOption, parseTimezoneOption, parseTopicOption, TIME_EXAMPLE } from './digest-options.ts';
import type { CommandContext, OptionValue } from './invocation.ts';
import { permissionFor, requirePermission } from './permission.ts';
import type { Clock, DigestCommands, Store, Subscription } from './ports.ts';

export type DigestSubcommand = SubcommandName<'digest'>;

/** One /digest subcommand's use case. */
export type DigestHandler = (options: Record<string, OptionValue>, ctx: CommandContext) => Message | Promise<Message>;

/** Every /digest subcommand's handler: a missing one fails to compile. */
export type DigestHandlers = Record<DigestSubcommand, DigestHandler>;

/** What each subcommand does, for "Only members who can manage this channel can …". */
const ACTIONS: Record<DigestSubcommand, string> = {
  subscribe: 'set up a digest',
  unsubscribe: 'stop the digest',
  status: 'see the digest',
  now: 'post a digest',
};

const SUBCOMMANDS: readonly DigestSubcommand[] = digest.subcommands.map((s) => s.name);

function isDigestSubcommand(name: string): name is DigestSubcommand {
  return (SUBCOMMANDS as readonly string[]).includes(name);
}

export interface DigestRuntime {
  store: Store;
  clock: Clock;
  defaults: { time: string; timezone: string };
  newId(): string;
  /** Brings the cron jobs in line with the database (after a change). */
  sync(): Promise<void>;
  nextRun(sub: Subscription): Date | null;
  /** Posts a digest now through the channel's publisher, recorded like a scheduled one. */
  deliverNow(sub: Subscription): Promise<DeliveryResult>;
  /** The digest of the last 24 hours, not posted (for a channel without a subscription). */
  preview(opts: { topic?: string | null; timezone?: string }): Promise<Message>;
}

/** `topic:all` (or "all stories", "*"): no topic filter. */
const ALL_TOPICS = /^\s*(?:all(?:\s+stories)?|\*)\s*$/i;

function str(options: Record<string, OptionValue>, name: string): string | undefined {
  const v = options[name];
  return v === undefined ? undefined : String(v);
}

function describe(sub: Subscription): string {
  return /^\d\d:\d\d$/.test(sub.timeInput) ? `every day at ${sub.timeInput}` : `on the schedule “${sub.schedule}”`;
}

function local(at: string | Date, tz: string): string {
  return `${formatLocalTime(typeof at === 'string' ? new Date(at) : at, tz)} (${tz})`;
}

export function createDigestCommands(rt: DigestRuntime): DigestCommands {
  const { store, clock } = rt;

  async function subscribe(options: Record<string, OptionValue>, ctx: CommandContext): Promise<Message> {
    const before = await store.digests.getSubscription(ctx.platform, ctx.channelId);
    // Subscribing again updates what is given and keeps the rest (a new timezone keeps the time
    // and topic); `topic:all` goes back to every story.
    const schedule = parseTimeOption(str(options, 'time') ?? before?.timeInput ?? rt.defaults.time);
    const timezone = parseTimezoneOption(str(options, 'timezone') ?? before?.timezone ?? rt.defaults.timezone);
    const topicInput = str(options, 'topic');
    const topic = topicInput === undefined ? (before?.topic ?? null) : ALL_TOPICS.test(topicInput) ? null : parseTopicOption(topicInput);
    const sub = await store.digests.upsertSubscription(
      {
        id: before?.id ?? rt.newId(),
        platform: ctx.platform,
        channelId: ctx.channelId,
        workspaceId: ctx.workspaceId,
        schedule: schedule.expression,
        timeInput: schedule.timeInput,
        timezone,
        topic,
        createdBy: ctx.userId,
      },
      clock.now(),
    );
    await rt.sync();
    const next = rt.nextRun(sub);
    const verb = !before ? 'Digest set up' : before.pausedReason ? 'Digest updated and resumed' : 'Digest updated';
    return noticeMessage(
      {
        tone: 'success',
        text: `${verb}: ${schedule.description} (${timezone})${topic ? `, about “${topic}”` : ''}.`,
        hint: next ? `Next digest: ${local(next, timezone)}.` : 'This schedule has no upcoming run.',
      },
      'public',
    );
  }

  async function unsubscribe(ctx: CommandContext): Promise<Message> {
    const removed = await store.digests.deleteSubscription(ctx.platform, ctx.channelId);
    await rt.sync();
    return removed
      ? noticeMessage({ tone: 'success', text: 'Digest stopped: no more digests in this channel.' }, 'public')
      : noticeMessage({ tone: 'info', text: 'This channel has no digest.', hint: `Set one up with ${TIME_EXAMPLE}` });
  }

  async function status(ctx: CommandContext): Promise<Message> {
    const sub = await store.digests.getSubscription(ctx.platform, ctx.channelId);
    if (!sub) return noticeMessage({ tone: 'info', text: 'This channel has no digest.', hint: `Set one up with ${TIME_EXAMPLE}` });
    const tz = sub.timezone;
    const lines: string[] = [`Schedule: ${describe(sub)} (${tz})`, `Topic: ${sub.topic ?? 'all stories'}`];
    if (sub.pausedReason) {
      lines.push(`Paused since ${local(sub.pausedAt ?? sub.updatedAt, tz)}: ${sub.pausedReason}. Subscribe again to resume.`);
    } else {
      const next = rt.nextRun(sub);
      lines.push(`Next run: ${next ? local(next, tz) : 'none'}`);
    }
    const sent = await store.digests.lastSent(sub.id);
    lines.push(
      sent
        ? `Last delivery: ${local(sent.updatedAt, tz)}, ${sent.storyCount ?? 0} ${sent.storyCount === 1 ? 'story' : 'stories'}${sent.kind === 'late' ? ' (late)' : ''}`
        : 'Last delivery: none yet',
    );
    const last = await store.digests.lastFinished(sub.id);
    if (last?.status === 'empty') lines.push(`No new stories at ${local(last.slot, tz)}: nothing was posted.`);
    const failed = await store.digests.lastFailed(sub.id);
    if (failed) lines.push(`Last error: ${failed.error ?? 'unknown'} (${local(failed.updatedAt, tz)})`);
    return {
      visibility: 'ephemeral',
      title: 'Digest in this channel',
      sections: [{ heading: 'Status', lines }],
      items: [],
      notice: sub.pausedReason ? { tone: 'warning', text: `Paused: ${sub.pausedReason}`, hint: 'Subscribe again to resume.' } : null,
    };
  }

  async function now(ctx: CommandContext): Promise<Message> {
    const sub = await store.digests.getSubscription(ctx.platform, ctx.channelId);
    if (!sub) return rt.preview({ timezone: rt.defaults.timezone });
    const result = await rt.deliverNow(sub);
    switch (result.status) {
      case 'sent':
        return noticeMessage({ tone: 'success', text: `Digest posted: ${result.storyCount} ${result.storyCount === 1 ? 'story' : 'stories'}.` });
      case 'empty':
        return noticeMessage({ tone: 'info', text: 'No new stories since the last digest: nothing to post.' });
      case 'failed':
        return noticeMessage({
          tone: 'error',
          text: `The digest could not be posted: ${result.error}`,
          hint: result.paused ? 'The digest is paused. Fix the channel permissions, then subscribe again.' : 'It will be retried at the next scheduled time.',
        });
      case 'skipped':
        return noticeMessage({ tone: 'info', text: 'A digest is already being posted here.' });
    }
  }

  const handlers: DigestHandlers = {
    subscribe: (options, ctx) => subscribe(options, ctx),
    unsubscribe: (_options, ctx) => unsubscribe(ctx),
    status: (_options, ctx) => status(ctx),
    now: (_options, ctx) => now(ctx),
  };

  return {
    async run(subcommand, options, ctx) {
      if (!isDigestSubcommand(subcommand)) {
        throw new BriefingError('unknown_command', `/digest has no “${subcommand.slice(0, 40)}” subcommand.`, {
          hint: `Use ${SUBCOMMANDS.map((s) => `/digest ${s}`).join(', ').replace(/, ([^,]*)$/, ' or $1')}.`,
          context: { subcommand },
        });
      }
      requirePermission(ctx, permissionFor(digest, subcommand), ACTIONS[subcommand], 'use /digest status to see the current digest');
      return handlers[subcommand](options, ctx);
    },
  };
}
