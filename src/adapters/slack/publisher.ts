// Posts digests (and shared answers) to Slack channels with chat.postMessage.
// Every failure becomes a DeliveryError: permanent when retrying cannot help
// (bot removed, channel gone, token revoked), transient otherwise (429, 5xx, timeouts).
import { webApi } from '@slack/bolt';
import type { Message } from '../../core/message.ts';
import { DeliveryError } from '../../app/ports.ts';
import type { Logger, Publisher, PublishTarget } from '../../app/ports.ts';
import { renderSlack } from './render.ts';
import type { SlackMessagePayload } from './render.ts';

/** Platform errors that no retry can fix: the channel, the bot or the token is the problem. */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'org_login_required',
  'cannot_reply_to_message',
  // the payload itself is refused: sending it again gives the same answer
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'invalid_arguments',
]);

function isCoded(e: unknown): e is { code: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

/** Maps a WebClient error (or anything thrown while posting) to a DeliveryError. */
export function toDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  if (isCoded(e)) {
    switch (e.code) {
      case webApi.ErrorCode.PlatformError: {
        const reason = (e as webApi.WebAPIPlatformError).data.error;
        if (reason === 'ratelimited') return new DeliveryError('ratelimited', { permanent: false, retryAfterMs: 1_000, cause: e });
        return new DeliveryError(reason, { permanent: PERMANENT_SLACK_ERRORS.has(reason), cause: e });
      }
      case webApi.ErrorCode.RateLimitedError: {
        const seconds = (e as webApi.WebAPIRateLimitedError).retryAfter;
        return new DeliveryError('ratelimited', { permanent: false, retryAfterMs: Math.max(0, seconds) * 1000, cause: e });
      }
      case webApi.ErrorCode.HTTPError: {
        const status = (e as webApi.WebAPIHTTPError).statusCode;
        return new DeliveryError(`http_${status}`, { permanent: false, cause: e });
      }
      case webApi.ErrorCode.RequestError:
        return new DeliveryError('request_failed', { permanent: false, cause: e });
      default:
        break;
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  return new DeliveryError(`unexpected: ${message}`, { permanent: false, cause: e });
}

export interface SlackPublisherOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** 429s waited out inside one publish() before giving up with a transient DeliveryError (default 3). */
  maxRateLimitWaits?: number;
  /** A Retry-After longer than this is not waited out here: the caller reschedules (default 60 s). */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SlackPoster extends Publisher {
  /** Posts an already rendered payload; returns the message ts. */
  postPayload(channelId: string, payload: SlackMessagePayload, target?: PublishTarget): Promise<{ messageId: string }>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSlackPublisher(opts: SlackPublisherOptions): SlackPoster {
  const maxWaits = opts.maxRateLimitWaits ?? 3;
  const maxWaitMs = opts.maxRateLimitWaitMs ?? 60_000;
  const sleep = opts.sleep ?? defaultSleep;
  const log = opts.logger.child({ component: 'slack-publisher' });

  async function postPayload(channelId: string, payload: SlackMessagePayload): Promise<{ messageId: string }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await opts.client.chat.postMessage({
          channel: channelId,
          text: payload.text,
          blocks: payload.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!res.ts) throw new DeliveryError('no_ts_in_response', { permanent: false });
        return { messageId: res.ts };
      } catch (e) {
        const err = toDeliveryError(e);
        const wait = err.retryAfterMs;
        if (!err.permanent && wait !== null && wait <= maxWaitMs && attempt < maxWaits) {
          log.warn({ channelId, retryAfterMs: wait, attempt }, 'slack rate limit: waiting before retrying chat.postMessage');
          await sleep(wait);
          continue;
        }
        log.warn({ channelId, reason: err.reason, permanent: err.permanent }, 'slack chat.postMessage failed');
        throw err;
      }
    }
  }

  return {
    platform: 'slack',
    postPayload,
    publish(channelId: string, message: Message) {
      const payload = renderSlack({ ...message, visibility: 'public', shareable: false });
      return postPayload(channelId, payload);
    },
  };
}
