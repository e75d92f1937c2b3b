// Digest delivery to Discord channels over REST (@discordjs/rest handles rate limits:
// a 429 is waited out for its retry_after and retried; long waits are handed back as
// transient DeliveryErrors so the digest scheduler can retry later without holding a slot).
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from 'discord.js';
import type { Message } from '../../core/message.ts';
import { DeliveryError, type Logger, type Publisher } from '../../app/ports.ts';
import { renderPayloads, withVisibility } from './answer.ts';

/** Discord JSON error codes that will not go away by retrying. */
const PERMANENT_CODES = new Map<number, string>([
  [10003, 'Unknown Channel: the channel was deleted'],
  [50001, 'Missing Access: the bot cannot see the channel (removed, or channel permissions)'],
  [50013, 'Missing Permissions: the bot needs Send Messages and Embed Links there'],
  [10004, 'Unknown Guild: the bot is no longer in the server'],
  [50007, 'Cannot send messages to this user'],
  [50083, 'The thread is archived'],
]);

/** Waits longer than this are not sat out in-process: the caller gets a transient error with retryAfterMs. */
export const MAX_INLINE_RATE_LIMIT_WAIT_MS = 30_000;

export function createRest(opts: { token: string; apiUrl: string | null; timeoutMs?: number }): REST {
  return new REST({
    version: '10',
    ...(opts.apiUrl ? { api: opts.apiUrl } : {}),
    timeout: opts.timeoutMs ?? 15_000,
    rejectOnRateLimit: (data) => data.retryAfter > MAX_INLINE_RATE_LIMIT_WAIT_MS,
  }).setToken(opts.token);
}

/** Maps a REST failure to a DeliveryError: permanent (do not retry) or transient. */
export function toDeliveryError(err: unknown, channelId: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    return new DeliveryError(`Discord rate limit on ${err.route}`, { permanent: false, retryAfterMs: err.retryAfter, cause: err });
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    const known = PERMANENT_CODES.get(code);
    if (known) return new DeliveryError(`${known} (channel ${channelId}, code ${code})`, { permanent: true, cause: err });
    if (err.status === 403 || err.status === 404) {
      return new DeliveryError(`Discord refused the post: ${err.message} (HTTP ${err.status}, channel ${channelId})`, { permanent: true, cause: err });
    }
    if (err.status === 401) {
      return new DeliveryError('Discord rejected the bot token (HTTP 401): check DISCORD_TOKEN', { permanent: true, cause: err });
    }
    if (err.status === 429 || err.status >= 500) {
      return new DeliveryError(`Discord error HTTP ${err.status}: ${err.message}`, { permanent: false, cause: err });
    }
    // Any other 4xx means the request itself is wrong; retrying sends the same request.
    return new DeliveryError(`Discord rejected the message: ${err.message} (HTTP ${err.status}, code ${code})`, { permanent: true, cause: err });
  }
  if (err instanceof HTTPError) {
    return new DeliveryError(`Discord server error HTTP ${err.status}`, { permanent: false, cause: err });
  }
  const name = err instanceof Error ? err.name : '';
  const reason = name === 'AbortError' || name === 'TimeoutError' ? 'Discord did not answer in time' : `Network error: ${err instanceof Error ? err.message : String(err)}`;
  return new DeliveryError(reason, { permanent: false, cause: err });
}

/** How many partly posted messages are remembered for a retry to resume (oldest forgotten first). */
const MAX_RESUMABLE = 1000;

/**
 * Posts a rendered message (all its parts) in a channel; returns the first part's message id.
 * A message split in parts can fail after some were posted: the ids of the posted parts are kept,
 * so the caller's retry of the same message posts only the parts still missing.
 */
export function createDiscordPublisher(rest: REST, logger: Logger): Publisher {
  const posted = new Map<string, string[]>();
  return {
    platform: 'discord',
    async publish(channelId: string, message: Message) {
      if (!/^\d{5,25}$/.test(channelId)) {
        throw new DeliveryError(`Not a Discord channel id: "${channelId.slice(0, 40)}"`, { permanent: true });
      }
      const payloads = renderPayloads(message).map((p) => withVisibility(p, false));
      const key = createHash('sha256').update(channelId).update('\u0000').update(JSON.stringify(payloads)).digest('hex');
      const ids = posted.get(key) ?? [];
      if (ids.length) logger.info({ channelId, partsAlreadySent: ids.length }, 'resuming a partly posted message');
      for (const payload of payloads.slice(ids.length)) {
        try {
          const res = (await rest.post(Routes.channelMessages(channelId), { body: payload })) as { id?: string };
          ids.push(res.id ?? '');
        } catch (err) {
          const de = toDeliveryError(err, channelId);
          logger.warn({ channelId, permanent: de.permanent, reason: de.reason, partsSent: ids.length }, 'discord delivery failed');
          if (ids.length && !de.permanent) {
            posted.delete(key);
            posted.set(key, ids);
            if (posted.size > MAX_RESUMABLE) posted.delete(posted.keys().next().value!);
          } else posted.delete(key);
          throw de;
        }
      }
      posted.delete(key);
      const first = ids[0];
      if (!first) throw new DeliveryError('Discord accepted the post but returned no message id', { permanent: false });
      return { messageId: first };
    },
  };
}
