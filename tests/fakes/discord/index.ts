// A fake Discord on 127.0.0.1: REST under /api (what DISCORD_API_URL points at) and the
// gateway WebSocket under /gateway (what GET /v10/gateway/bot hands out).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-gateway.ts';
import { createBuckets, type BucketSpec, type MsClock } from '../rate-limit.ts';
import { handleRest, type FakeIdentity, type Injection, type RecordedRequest, type RestState } from './fake-rest.ts';

export type { Injection, RecordedRequest, FakeIdentity } from './fake-rest.ts';
export { snowflake } from './fake-rest.ts';

export interface FakeDiscord {
  identity: FakeIdentity;
  /** REST base for DISCORD_API_URL, e.g. http://127.0.0.1:PORT/api */
  apiUrl: string;
  gatewayUrl: string;
  gateway: FakeGateway;
  requests: RecordedRequest[];
  commands: Map<string, Record<string, unknown>[]>;
  inject(injection: Injection): void;
  /** Marks an interaction token as acknowledged (for interactions answered over HTTP, which the fake does not see). */
  acknowledge(token: string): void;
  /** Forgets recorded requests and pending injections. */
  reset(): void;
  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export interface FakeDiscordOptions {
  /**
   * Rate limits to enforce, answered with 429 + retry_after (seconds) as Discord does. Discord
   * publishes 50 requests/s per bot (global; interaction callbacks exempt) and per-route buckets;
   * channel messages are commonly 5 per 5 s per channel. Unset = no limits.
   */
  rateLimits?: { global?: BucketSpec; perChannel?: BucketSpec };
  /** The clock the limits run on, ms (default performance.now). */
  now?: MsClock;
}

/** Discord's published global limit and the usual message-route bucket. */
export const DISCORD_RATE_LIMITS = {
  global: { ratePerSecond: 50, burst: 50 },
  perChannel: { ratePerSecond: 1, burst: 5 },
} as const satisfies FakeDiscordOptions['rateLimits'];

export const defaultIdentity: FakeIdentity = {
  applicationId: '200000000000000001',
  botUserId: '200000000000000001',
  guildId: '300000000000000001',
  channelId: '400000000000000001',
};

export async function startFakeDiscord(identity: FakeIdentity = defaultIdentity, options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const now = options.now ?? (() => performance.now());
  const rl = options.rateLimits;
  const waiters: { pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  let base = '';
  const state: RestState = {
    identity,
    gatewayUrl: () => `ws://${base}/gateway`,
    requests: [],
    injections: [],
    commands: new Map(),
    ...(rl
      ? { limits: { global: rl.global ? createBuckets(rl.global, now) : null, perChannel: rl.perChannel ? createBuckets(rl.perChannel, now) : null } }
      : {}),
    onRecord: (r) => {
      for (const w of [...waiters]) {
        if (w.pred(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
    },
  };
  const gateway = new FakeGateway(identity, state.gatewayUrl);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/api/')) {
      handleRest(state, req, res, path.slice(4)).catch((e: unknown) => {
        res.writeHead(500).end(String(e));
      });
    } else {
      res.writeHead(404).end();
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    gateway.wss.handleUpgrade(req, socket, head, (ws) => gateway.wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `127.0.0.1:${port}`;

  return {
    identity,
    apiUrl: `http://${base}/api`,
    gatewayUrl: state.gatewayUrl(),
    gateway,
    requests: state.requests,
    commands: state.commands,
    inject: (i) => state.injections.push({ ...i, remaining: i.times ?? 1 }),
    acknowledge: (token) => {
      (state.acknowledged ??= new Set()).add(token);
    },
    reset: () => {
      state.requests.length = 0;
      state.injections.length = 0;
    },
    waitForRequest: (pred, timeoutMs = 10_000) => {
      const seen = state.requests.find((r) => r.answered && pred(r));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`fake discord: no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        const w = {
          pred,
          resolve: (r: RecordedRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        waiters.push(w);
      });
    },
    close: async () => {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
