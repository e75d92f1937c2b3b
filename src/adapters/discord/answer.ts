// Answering one command interaction within Discord's 3-second window, whatever the transport.
//
// Policy: the answer is computed at once. If it is ready within `deferAfterMs` (1.5 s by
// default, leaving half of the 3 s budget for the network) it is sent as the interaction's
// reply, public or ephemeral as the Message says. Otherwise the interaction is deferred
// (the "thinking..." state): ephemeral for commands marked `deferEphemeral` in commands/
// (/digest: its answers concern one channel's settings) and public for the others, then the
// original is edited with the answer. When a
// publicly deferred answer turns out to be ephemeral (a user error), the public placeholder
// is deleted and the answer sent as an ephemeral follow-up, so nobody else sees the mistake.
import { MessageFlags } from 'discord.js';
import { findCommand } from '../../../commands/index.ts';
import type { Message } from '../../core/message.ts';
import { errorToMessage } from '../../app/error-reply.ts';
import type { Logger } from '../../app/ports.ts';
import { renderDiscord, type DiscordMessagePayload } from './render.ts';

export const DEFAULT_DEFER_AFTER_MS = 1500;
/** Never wait for a direct answer beyond this long after Discord created the interaction. */
export const LATEST_DIRECT_ANSWER_MS = 2000;

/** What a transport (discord.js over the gateway, or the HTTP endpoint) can do with one interaction. */
export interface InteractionResponder {
  reply(payload: DiscordMessagePayload): Promise<void>;
  defer(ephemeral: boolean): Promise<void>;
  editOriginal(payload: DiscordMessagePayload): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(payload: DiscordMessagePayload): Promise<void>;
}

/** Is this command's deferred placeholder ephemeral (`deferEphemeral` in commands/)? */
export function deferEphemeralFor(command: string): boolean {
  return findCommand(command)?.deferEphemeral === true;
}

/** Sets (or clears) the ephemeral flag and forces allowed_mentions to parse nothing. */
export function withVisibility(payload: DiscordMessagePayload, ephemeral: boolean): DiscordMessagePayload {
  const flags = ((payload.flags ?? 0) & ~MessageFlags.Ephemeral) | (ephemeral ? MessageFlags.Ephemeral : 0);
  const out: DiscordMessagePayload = { ...payload, allowed_mentions: { parse: [] } };
  if (flags) out.flags = flags;
  else delete out.flags;
  return out;
}

/** Renders a Message; never an empty list (Discord rejects a reply with no content). */
export function renderPayloads(message: Message): DiscordMessagePayload[] {
  const payloads = renderDiscord(message);
  return payloads.length ? payloads : [{ content: '(no answer)', allowed_mentions: { parse: [] } }];
}

export interface AnswerOptions {
  responder: InteractionResponder;
  /** Produces the answer (runCommand, which never throws); a throw still becomes the generic error reply. */
  run: () => Promise<Message>;
  command: string;
  /** Shown only to the one who asked, whatever the Message says (a More button's page). */
  ephemeral?: boolean;
  logger: Logger;
  deferAfterMs?: number;
  /** When Discord created the interaction (from its snowflake id), in ms since the epoch. */
  createdAt?: number;
  now?: () => number;
}

/** How long to wait for a direct answer: the configured time, less any delay in reaching us. */
export function directAnswerBudget(opts: Pick<AnswerOptions, 'deferAfterMs' | 'createdAt' | 'now'>): number {
  const base = opts.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  if (opts.createdAt === undefined || !Number.isFinite(opts.createdAt)) return base;
  const left = opts.createdAt + LATEST_DIRECT_ANSWER_MS - (opts.now ?? Date.now)();
  // A clock ahead of Discord's only makes us defer sooner, which is always safe.
  return Math.max(0, Math.min(base, left));
}

export type AnswerOutcome = 'replied' | 'deferred';

export async function answerInteraction(opts: AnswerOptions): Promise<AnswerOutcome> {
  const { responder, logger } = opts;
  const answer = opts
    .run()
    .catch((err: unknown) => errorToMessage(err, logger))
    .then((m): Message => (opts.ephemeral ? { ...m, visibility: 'ephemeral' } : m));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), directAnswerBudget(opts));
  });
  const early = await Promise.race([answer, late]);
  clearTimeout(timer);

  if (early) {
    const ephemeral = early.visibility === 'ephemeral';
    const [first, ...rest] = renderPayloads(early);
    await responder.reply(withVisibility(first!, ephemeral));
    for (const p of rest) await responder.followUp(withVisibility(p, ephemeral));
    return 'replied';
  }

  const deferredEphemeral = opts.ephemeral === true || deferEphemeralFor(opts.command);
  await responder.defer(deferredEphemeral);
  const message = await answer;
  const ephemeral = message.visibility === 'ephemeral';
  const [first, ...rest] = renderPayloads(message);
  if (ephemeral && !deferredEphemeral) {
    await responder.deleteOriginal();
    await responder.followUp(withVisibility(first!, true));
    for (const p of rest) await responder.followUp(withVisibility(p, true));
  } else {
    // The original keeps the visibility it was deferred with; follow-ups match it.
    await responder.editOriginal(withVisibility(first!, false));
    for (const p of rest) await responder.followUp(withVisibility(p, deferredEphemeral));
  }
  return 'deferred';
}
