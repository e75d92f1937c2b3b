// The REST half of the fake Discord: the routes discord.js and @discordjs/rest use, every
// request recorded, with switches to inject rate limits, errors and delays.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { admit, type Buckets } from '../rate-limit.ts';

export interface RecordedRequest {
  method: string;
  /** Path without the /api prefix and without the query, e.g. /v10/channels/1/messages. */
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  body: unknown;
  /** The status the fake answered with (0 while in flight, or when it hung up). */
  status: number;
  /** False while the fake is still holding the request. */
  answered: boolean;
  /** performance.now() when the request arrived. */
  at: number;
  /** The JSON body the fake answered with (routed answers only; not injected faults). */
  response?: unknown;
}

/** One injected behaviour for matching requests (first match wins; `times` = how many requests it applies to). */
export interface Injection {
  method?: string;
  path: RegExp | string;
  times?: number;
  /** Hold the request this long before answering. */
  delayMs?: number;
  /** Answer with this status (429 gets the rate-limit headers and body). */
  status?: number;
  /** Seconds, for 429. */
  retryAfter?: number;
  /** A global (not per-route) 429. */
  global?: boolean;
  /** JSON error body, e.g. { code: 50013, message: 'Missing Permissions' }. */
  body?: unknown;
  /** Drop the connection without answering (a network failure). */
  hangUp?: boolean;
}

interface ActiveInjection extends Injection {
  remaining: number;
}

export interface FakeIdentity {
  applicationId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
}

let counter = 0n;
/** A snowflake with a current timestamp, unique in this process. */
export function snowflake(): string {
  counter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) | (counter & 0x3fffffn)).toString();
}

export function botUser(identity: FakeIdentity): Record<string, unknown> {
  return { id: identity.botUserId, username: 'newsbrief', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
}

function messageObject(identity: FakeIdentity, channelId: string, body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    id: snowflake(),
    type: 0,
    channel_id: channelId,
    author: botUser(identity),
    content: typeof b.content === 'string' ? b.content : '',
    embeds: Array.isArray(b.embeds) ? b.embeds : [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: typeof b.flags === 'number' ? b.flags : 0,
    components: Array.isArray(b.components) ? b.components : [],
    webhook_id: identity.applicationId,
    application_id: identity.applicationId,
  };
}

export interface RestState {
  identity: FakeIdentity;
  gatewayUrl: () => string;
  requests: RecordedRequest[];
  injections: ActiveInjection[];
  /** Application commands by scope: 'global' or a guild id. */
  commands: Map<string, Record<string, unknown>[]>;
  onRecord: (r: RecordedRequest) => void;
  /** Interaction tokens already acknowledged (a second callback is refused, as Discord does). */
  acknowledged?: Set<string>;
  /** Enforced rate limits (see FakeDiscordOptions.rateLimits); none when unset. */
  limits?: { global: Buckets | null; perChannel: Buckets | null };
}

/** Discord's 400 for a message body it would refuse (limits from platform.md), or null. */
export function invalidMessageBody(body: unknown): string | null {
  const b = (body ?? {}) as { content?: unknown; embeds?: unknown[] };
  const content = typeof b.content === 'string' ? b.content : '';
  const embeds = Array.isArray(b.embeds) ? (b.embeds as Record<string, unknown>[]) : [];
  if (!content && embeds.length === 0) return 'Cannot send an empty message';
  if ([...content].length > 2000) return 'content: Must be 2000 or fewer in length.';
  if (embeds.length > 10) return 'embeds: Must be 10 or fewer in length.';
  let total = 0;
  for (const e of embeds) {
    const fields = Array.isArray(e.fields) ? (e.fields as { name?: string; value?: string }[]) : [];
    const len = (x: unknown) => (typeof x === 'string' ? [...x].length : 0);
    const footer = (e.footer ?? {}) as { text?: string };
    const author = (e.author ?? {}) as { name?: string };
    if (len(e.title) > 256 || len(e.description) > 4096 || fields.length > 25 || len(footer.text) > 2048 || len(author.name) > 256) return 'embeds: limit exceeded';
    if (fields.some((f) => len(f.name) > 256 || len(f.value) > 1024)) return 'embeds.fields: limit exceeded';
    total += len(e.title) + len(e.description) + len(footer.text) + len(author.name) + fields.reduce((t, f) => t + len(f.name) + len(f.value), 0);
  }
  if (total > 6000) return 'embeds: Embed size exceeds maximum size of 6000';
  const rows = Array.isArray((body as { components?: unknown } | null)?.components) ? ((body as { components: unknown[] }).components as Record<string, unknown>[]) : [];
  if (rows.length > 5) return 'components: Must be 5 or fewer in length.';
  for (const row of rows) {
    const items = Array.isArray(row.components) ? (row.components as Record<string, unknown>[]) : [];
    if (row.type !== 1 || items.length < 1 || items.length > 5) return 'components: an action row holds 1 to 5 components';
    for (const c of items) {
      const id = typeof c.custom_id === 'string' ? c.custom_id : '';
      if (c.type !== 2 || ![1, 2, 3, 4].includes(c.style as number)) return 'components: not a button with a custom_id';
      if ([...id].length < 1 || [...id].length > 100) return 'components.custom_id: Must be between 1 and 100 in length.';
      if (typeof c.label === 'string' && [...c.label].length > 80) return 'components.label: Must be 80 or fewer in length.';
    }
  }
  return null;
}

const invalidForm = (message: string): Route => ({ status: 400, body: { code: 50035, message: `Invalid Form Body: ${message}` } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function matches(inj: Injection, method: string, path: string): boolean {
  if (inj.method && inj.method.toUpperCase() !== method) return false;
  return typeof inj.path === 'string' ? inj.path === path : inj.path.test(path);
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

type Route = { status: number; body?: unknown };

function sendRateLimited(res: ServerResponse, retryAfter: number, global: boolean, bucket: string): void {
  send(
    res,
    429,
    { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 },
    {
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      'retry-after': String(Math.max(1, Math.ceil(retryAfter))),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': bucket,
      'x-ratelimit-scope': global ? 'global' : 'user',
    },
  );
}

/** Which enforced buckets a request counts against (interaction callbacks are exempt from the global limit, as on Discord). */
function limitChecks(state: RestState, method: string, path: string): { checks: Array<[Buckets, string]>; channel: string | null } {
  const limits = state.limits;
  if (!limits) return { checks: [], channel: null };
  const checks: Array<[Buckets, string]> = [];
  if (limits.global && !path.startsWith('/v10/interactions/')) checks.push([limits.global, 'global']);
  const channel = method === 'POST' ? (path.match(/^\/v10\/channels\/(\d+)\/messages$/)?.[1] ?? null) : null;
  if (channel && limits.perChannel) checks.push([limits.perChannel, channel]);
  return { checks, channel };
}

function route(state: RestState, method: string, path: string, body: unknown): Route {
  const id = state.identity;
  let m: RegExpMatchArray | null;
  if (method === 'GET' && path === '/v10/gateway/bot') {
    return {
      status: 200,
      body: {
        url: state.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    };
  }
  if (method === 'GET' && path === '/v10/gateway') return { status: 200, body: { url: state.gatewayUrl() } };
  if (method === 'GET' && path === '/v10/users/@me') return { status: 200, body: botUser(id) };
  const acked = (state.acknowledged ??= new Set());
  if (method === 'POST' && (m = path.match(/^\/v10\/interactions\/\d+\/([^/]+)\/callback$/))) {
    const token = m[1] ?? '';
    if (acked.has(token)) return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
    const cb = (body ?? {}) as { type?: number; data?: unknown };
    if (![1, 4, 5, 6, 7, 8, 9].includes(cb.type ?? -1)) return invalidForm('type: Value must be one of {1, 4, 5, 6, 7, 8, 9}.');
    if (cb.type === 4) {
      const bad = invalidMessageBody(cb.data);
      if (bad) return invalidForm(bad);
    }
    if (cb.type === 8) {
      const choices = ((cb.data ?? {}) as { choices?: { name: string; value: unknown }[] }).choices ?? [];
      if (choices.length > 25 || choices.some((c) => [...c.name].length < 1 || [...c.name].length > 100 || [...String(c.value)].length > 100)) {
        return invalidForm('data.choices: limit exceeded');
      }
    }
    acked.add(token);
    return { status: 204 };
  }
  if ((m = path.match(/^\/v10\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/))) {
    // Webhook calls on an interaction token only work once the interaction was acknowledged.
    if (!acked.has(m[2] ?? '')) return { status: 404, body: { code: 10015, message: 'Unknown Webhook' } };
    if (m[3] && method === 'DELETE') return { status: 204 };
    if (m[3] && method === 'GET') return { status: 200, body: messageObject(id, id.channelId, body) };
    if ((m[3] && method === 'PATCH') || (!m[3] && method === 'POST')) {
      const bad = invalidMessageBody(body);
      return bad ? invalidForm(bad) : { status: 200, body: messageObject(id, id.channelId, body) };
    }
  }
  if (method === 'POST' && (m = path.match(/^\/v10\/channels\/(\d+)\/messages$/))) {
    const bad = invalidMessageBody(body);
    if (bad) return invalidForm(bad);
    return { status: 200, body: messageObject(id, m[1] ?? id.channelId, body) };
  }
  if ((m = path.match(/^\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
    const scope = m[2] ?? 'global';
    const appId = m[1] ?? id.applicationId;
    if (method === 'GET') return { status: 200, body: state.commands.get(scope) ?? [] };
    if (method === 'PUT') {
      const previous = state.commands.get(scope) ?? [];
      const list = (Array.isArray(body) ? body : []) as Record<string, unknown>[];
      const stored = list.map((c) => {
        const old = previous.find((p) => p.name === c.name);
        return {
          ...c,
          id: old?.id ?? snowflake(),
          application_id: appId,
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          version: snowflake(),
          type: c.type ?? 1,
          default_member_permissions: c.default_member_permissions ?? null,
          nsfw: false,
        };
      });
      state.commands.set(scope, stored);
      return { status: 200, body: stored };
    }
  }
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}

/** Handles one REST request (path already stripped of /api). */
export async function handleRest(state: RestState, req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
  const url = new URL(rawPath, 'http://fake');
  const pathname = decodeURIComponent(url.pathname);
  const method = (req.method ?? 'GET').toUpperCase();
  const text = await readBody(req);
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  // Listed on arrival (so a reset() forgets requests still in flight), announced when answered.
  const r: RecordedRequest = {
    method,
    path: pathname,
    query: Object.fromEntries(url.searchParams),
    authorization: req.headers.authorization ?? null,
    body,
    status: 0,
    answered: false,
    at: performance.now(),
  };
  state.requests.push(r);
  const record = (status: number): void => {
    r.status = status;
    r.answered = true;
    state.onRecord(r);
  };
  const inj = state.injections.find((i) => i.remaining > 0 && matches(i, method, pathname));
  if (inj) {
    inj.remaining -= 1;
    if (inj.delayMs) await sleep(inj.delayMs);
    if (inj.hangUp) {
      record(0);
      req.socket.destroy();
      return;
    }
    if (inj.status === 429) {
      const retryAfter = inj.retryAfter ?? 0.1;
      record(429);
      send(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: inj.global ?? false, code: 0 },
        {
          ...(inj.global ? { 'x-ratelimit-global': 'true' } : {}),
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': 'fakebucket',
          'x-ratelimit-scope': inj.global ? 'global' : 'user',
        },
      );
      return;
    }
    if (inj.status) {
      record(inj.status);
      send(res, inj.status, inj.body ?? { message: 'Injected error', code: 0 });
      return;
    }
  }
  const { checks, channel } = limitChecks(state, method, pathname);
  const bucket = `b-${method}-${pathname.split('/')[2] ?? ''}`;
  if (checks.length) {
    const waitMs = admit(checks);
    if (waitMs > 0) {
      const global = checks.some(([b, key]) => key === 'global' && b.waitMs(key) > 0);
      record(429);
      sendRateLimited(res, waitMs / 1000, global, bucket);
      return;
    }
  }
  const out = route(state, method, pathname, body);
  r.response = out.body;
  record(out.status);
  const perChannel = channel ? state.limits?.perChannel : null;
  send(res, out.status, out.body, perChannel && channel
    ? {
        'x-ratelimit-limit': String(perChannel.spec.burst),
        'x-ratelimit-remaining': String(perChannel.remaining(channel)),
        'x-ratelimit-reset-after': perChannel.resetAfter(channel).toFixed(3),
        'x-ratelimit-bucket': bucket,
      }
    : {
        'x-ratelimit-limit': '50',
        'x-ratelimit-remaining': '49',
        'x-ratelimit-reset-after': '1',
        'x-ratelimit-bucket': bucket,
      });
}
