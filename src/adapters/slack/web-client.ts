// The Web API client the publisher uses. Rate limits are NOT waited out inside the client
// (its default pauses its whole request queue, holding up every other channel): the
// publisher waits per call instead. 5xx and network errors get a short retry here.
import { webApi } from '@slack/bolt';
import type { Logger } from '../../app/ports.ts';
import { toSlackLogger } from './bolt-logger.ts';

export interface SlackClientOptions {
  token: string;
  /** Web API base, e.g. http://127.0.0.1:PORT/api/ (trailing slash kept); null = Slack. */
  apiUrl: string | null;
  logger: Logger;
  /** Retries of 5xx / network errors inside one call (default 2, 0.5 s then 1.5 s). */
  retries?: number;
  minRetryDelayMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Called on every 429 (metrics). */
  onRateLimited?: () => void;
}

/** Keeps the trailing slash the WebClient needs to join method names. */
export function normalizeApiUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackClient(opts: SlackClientOptions): webApi.WebClient {
  const client = new webApi.WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: normalizeApiUrl(opts.apiUrl) } : {}),
    logger: toSlackLogger(opts.logger, 'slack-web-api'),
    rejectRateLimitedCalls: true,
    timeout: opts.timeoutMs ?? 10_000,
    retryConfig: { retries: opts.retries ?? 2, factor: 3, minTimeout: opts.minRetryDelayMs ?? 500, maxTimeout: 5_000 },
  });
  if (opts.onRateLimited) client.on(webApi.WebClientEvent.RATE_LIMITED, opts.onRateLimited);
  return client;
}
