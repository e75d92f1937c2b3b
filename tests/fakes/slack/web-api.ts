// A fake Slack Web API on 127.0.0.1: answers auth.test, chat.postMessage, chat.update,
// chat.delete and apps.connections.open, records every call, and can be told to fail the
// next call of a method (429 with Retry-After, an HTTP status, or a Slack error code).
import type { Server } from 'node:http';
import { admit, createBuckets, type BucketSpec, type Buckets, type MsClock } from '../rate-limit.ts';
import { closeServer, listenLoopback, readBody, Waiters } from './http-util.ts';

export interface RecordedCall {
  method: string;
  /** Parsed body: form fields (JSON-valued fields such as `blocks` decoded) or the JSON body. */
  params: Record<string, unknown>;
  token: string | null;
  /** The JSON body the fake answered with (unset for 429 and HTTP faults). */
  response?: Record<string, unknown>;
  /** The HTTP status answered (429 for a rate limit, injected or enforced). */
  status?: number;
}

export interface FakeSlackOptions {
  /**
   * chat.postMessage limits to enforce, answered with HTTP 429 and Retry-After (whole seconds),
   * as Slack does. Slack documents about 1 message per second per channel (short bursts
   * tolerated) plus a workspace-wide limit of "several hundred messages per minute". Unset = none.
   */
  rateLimits?: { perChannel?: BucketSpec; workspace?: BucketSpec };
  /** The clock the limits run on, ms (default performance.now). */
  now?: MsClock;
}

/** What the benchmark enforces: 1/s per channel (burst 1) and 300/min per workspace (burst 10). */
export const SLACK_RATE_LIMITS = {
  perChannel: { ratePerSecond: 1, burst: 1 },
  workspace: { ratePerSecond: 5, burst: 10 },
} as const satisfies FakeSlackOptions['rateLimits'];

export type Fault =
  | { kind: 'ratelimit'; retryAfterSeconds: number }
  | { kind: 'http'; status: number }
  | { kind: 'error'; error: string }
  /** Never answers (a hung upstream); the socket stays open until the fake closes. */
  | { kind: 'hang' };

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL / slackApiUrl, with the trailing slash. */
  apiUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The next `times` calls of `method` get this fault instead of an answer. */
  fail(method: string, fault: Fault, times?: number): void;
  /** Resolves once `count` calls of `method` were recorded. */
  waitForCalls(method: string, count: number): Promise<RecordedCall[]>;
  /** What apps.connections.open answers (Socket Mode), when set. */
  socketUrl: string | null;
  /** users.info: these users are workspace admins / owners (everyone else is a plain member). */
  admins: Set<string>;
  owners: Set<string>;
  /** Answers `method` with `fn` from now on (null = the default answer); see oauth.ts. */
  answer(method: string, fn: (params: Record<string, unknown>, token: string | null) => Record<string, unknown> | null): void;
  close(): Promise<void>;
}

export const FAKE_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0000001' } as const;

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (v.startsWith('[') || v.startsWith('{')) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // a plain string that happens to start with a bracket
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const now = options.now ?? (() => performance.now());
  const perChannel: Buckets | null = options.rateLimits?.perChannel ? createBuckets(options.rateLimits.perChannel, now) : null;
  const workspace: Buckets | null = options.rateLimits?.workspace ? createBuckets(options.rateLimits.workspace, now) : null;
  const limitChecks = (method: string, params: Record<string, unknown>): Array<[Buckets, string]> => {
    if (method !== 'chat.postMessage') return [];
    const checks: Array<[Buckets, string]> = [];
    if (workspace) checks.push([workspace, 'workspace']);
    if (perChannel) checks.push([perChannel, String(params['channel'] ?? '')]);
    return checks;
  };
  const calls: RecordedCall[] = [];
  const waiters = new Waiters(calls);
  const faults = new Map<string, Fault[]>();
  let tsCounter = 0;
  const state = { socketUrl: null as string | null };
  const admins = new Set<string>();
  const owners = new Set<string>();
  const custom = new Map<string, (params: Record<string, unknown>, token: string | null) => Record<string, unknown> | null>();

  const answer = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'newsbrief', team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId };
      case 'chat.postMessage': {
        tsCounter += 1;
        const ts = `1700000000.${String(tsCounter).padStart(6, '0')}`;
        return { ok: true, channel: params['channel'], ts, message: { text: params['text'], blocks: params['blocks'], ts } };
      }
      case 'chat.update':
      case 'chat.delete':
        return { ok: true, channel: params['channel'], ts: params['ts'] };
      case 'users.info': {
        const id = String(params['user'] ?? '');
        if (!/^[UW][A-Z0-9]+$/.test(id)) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, team_id: FAKE_BOT.teamId, name: id.toLowerCase(), is_admin: admins.has(id) || owners.has(id), is_owner: owners.has(id), is_bot: false } };
      }
      case 'apps.connections.open':
        return state.socketUrl ? { ok: true, url: state.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const { server, url } = await listenLoopback((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const method = path.replace(/^\/api\//, '');
      const params = parseParams(raw, String(req.headers['content-type'] ?? ''));
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof params['token'] === 'string' ? params['token'] : null;
      const call: RecordedCall = { method, params, token };
      calls.push(call);
      waiters.notify();
      const fault = faults.get(method)?.shift();
      const checks = fault ? [] : limitChecks(method, params);
      const waitMs = checks.length ? admit(checks) : 0;
      if (fault?.kind === 'ratelimit' || waitMs > 0) {
        call.status = 429;
        const seconds = fault?.kind === 'ratelimit' ? fault.retryAfterSeconds : Math.max(1, Math.ceil(waitMs / 1000));
        res.writeHead(429, { 'retry-after': String(seconds), 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if (fault?.kind === 'hang') return;
      if (fault?.kind === 'http') {
        call.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'text/plain' });
        res.end('fake failure');
        return;
      }
      const body = fault?.kind === 'error' ? { ok: false, error: fault.error } : (custom.get(method)?.(params, token) ?? answer(method, params));
      call.response = body;
      call.status = 200;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    })();
  });

  return {
    admins,
    owners,
    apiUrl: `${url}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail(method, fault, times = 1) {
      const list = faults.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(fault);
      faults.set(method, list);
    },
    waitForCalls: (method, count) => waiters.until((all) => all.filter((c) => c.method === method).length >= count).then((all) => all.filter((c) => c.method === method)),
    get socketUrl() {
      return state.socketUrl;
    },
    set socketUrl(v: string | null) {
      state.socketUrl = v;
    },
    answer(method, fn) {
      custom.set(method, fn);
    },
    close: () => closeServer(server as Server),
  };
}
