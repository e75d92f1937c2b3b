// One polite, safe GET of an http(s) resource (a feed or a page), never thrown: a typed outcome.
//
//   fetchResource(url, opts) -> Fetched | NotModified | FetchFailure
//
// - conditional GET: opts.validators { etag, lastModified } -> If-None-Match / If-Modified-Since;
//   a 304 is NotModified (no body read, nothing to reparse), with the validators to keep;
// - gzip, deflate and br; the size cap (opts.maxBytes) is checked on the wire while streaming
//   (Content-Length first) and again on the decompressed output (zip bombs);
// - one deadline (opts.timeoutMs) over headers and body of every hop;
// - at most opts.maxRedirects (5) redirects, each re-checked: http/https only, and the address rule;
// - the address rule at connect time (guarded-lookup.ts) and for IP literals before connecting;
// - 429/503 carry retryAfterMs from Retry-After (seconds or an HTTP date, against opts.now()).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, formatMb } from '../limits.ts';
import { parseRetryAfter } from '../polite/retry-after.ts';
import { classifyAddress } from './address-rule.ts';
import { ACCEPT_ENCODING, contentCoding, decompress } from './decompress.ts';
import { addressRefusal, guardedLookup, isRefusedAddressError, type Resolver } from './guarded-lookup.ts';
import { USER_AGENT } from './user-agent.ts';

export interface FetchValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchFailureReason =
  | 'bad-url' | 'refused-scheme' | 'refused-address' | 'http-status' | 'timeout' | 'too-large'
  | 'too-many-redirects' | 'network' | 'bad-encoding' | 'not-a-feed' | 'not-a-page';

export interface Fetched {
  kind: 'fetched';
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** Decompressed body. */
  bytes: Uint8Array;
  /** Bytes received on the wire (compressed), for the log and the bench. */
  wireBytes: number;
  /** What to send next time (from this response's ETag / Last-Modified). */
  validators: FetchValidators;
  /** The URLs redirected to, in order. */
  redirects: string[];
}

export interface NotModified {
  kind: 'not-modified';
  url: string;
  finalUrl: string;
  /** The validators to keep: the 304's own when it sent new ones, else the ones sent. */
  validators: FetchValidators;
  redirects: string[];
}

export interface FetchFailure {
  kind: 'failed';
  reason: FetchFailureReason;
  /** Plain words for /sources list and the log, e.g. "the server answered HTTP 404 Not Found". */
  message: string;
  url: string;
  finalUrl: string;
  /** The HTTP status when the server answered, else null. */
  status: number | null;
  /** From Retry-After on 429/503 (ms from now), else null. */
  retryAfterMs: number | null;
  redirects: string[];
}

export type FetchOutcome = Fetched | NotModified | FetchFailure;

export interface FetchResourceOptions {
  /** ALLOW_PRIVATE_SOURCES: when false, loopback/private/link-local/... addresses are refused. */
  allowPrivate: boolean;
  /** Exact IP addresses allowed even when private (the rule still applies to every other one). */
  allowedAddresses?: readonly string[];
  /** Cap on the body, on the wire and decompressed (default 10 MB). */
  maxBytes?: number;
  /** Deadline over every hop, headers and body (default 15 s). */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  validators?: FetchValidators | null;
  accept?: string;
  userAgent?: string;
  /** For Retry-After dates (default Date.now). */
  now?: () => number;
  /** DNS, for tests (default dns.lookup with all addresses). */
  resolve?: Resolver;
}

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

interface Hop {
  url: URL;
  redirects: string[];
  original: string;
}

type HopResult = FetchOutcome | { kind: 'redirect'; location: string };

function failure(hop: Hop | { original: string; redirects: string[]; url: URL | null }, reason: FetchFailureReason, message: string, extra: Partial<FetchFailure> = {}): FetchFailure {
  return { kind: 'failed', reason, message, url: hop.original, finalUrl: hop.url?.href ?? hop.original, status: null, retryAfterMs: null, redirects: hop.redirects, ...extra };
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function describeNetworkError(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED') return 'could not connect (connection refused)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'could not connect (unknown host)';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed by the server';
  if (code === 'HPE_INVALID_CONSTANT' || code?.startsWith('HPE_')) return 'the server sent a malformed HTTP response';
  return `could not fetch (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

/** http/https only; a host; no user:password. Returns the reason it is refused, or null. */
export function urlRefusal(url: URL): { reason: FetchFailureReason; message: string } | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: 'refused-scheme', message: `refused: only http and https URLs can be fetched (got ${url.protocol.replace(/:$/, '')})` };
  if (!url.hostname) return { reason: 'bad-url', message: 'not a valid URL (no host)' };
  if (url.username || url.password) return { reason: 'bad-url', message: 'refused: URLs with a user name or password are not fetched' };
  return null;
}

async function oneHop(hop: Hop, opts: Required<Omit<FetchResourceOptions, 'validators' | 'resolve' | 'allowedAddresses'>> & FetchResourceOptions, deadline: number): Promise<HopResult> {
  const url = hop.url;
  const refusedUrl = urlRefusal(url);
  if (refusedUrl) return failure(hop, refusedUrl.reason, refusedUrl.message);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal never reaches the lookup: check it here.
  if (classifyAddress(host) !== null) {
    const refused = addressRefusal(host, host, opts);
    if (refused) return failure(hop, 'refused-address', refused.message);
  }
  const limitWords = `over ${formatMb(opts.maxBytes, false)}`;
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: opts.accept, 'accept-encoding': ACCEPT_ENCODING };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
  const remaining = deadline - Date.now();
  const timedOut = () => failure(hop, 'timeout', `timed out after ${Math.round(opts.timeoutMs / 100) / 10} s`);
  if (remaining <= 0) return timedOut();

  return new Promise<HopResult>((resolve) => {
    let settled = false;
    const send = (r: HopResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = requestFn(url, {
      method: 'GET',
      headers,
      agent: false,
      lookup: guardedLookup(opts),
    });
    const timer = setTimeout(() => send(timedOut()), remaining);
    req.on('error', (e) => {
      if (isRefusedAddressError(e)) send(failure(hop, 'refused-address', e.message));
      else send(failure(hop, 'network', describeNetworkError(e)));
    });
    req.on('response', (res) => {
      res.on('error', () => undefined); // after send() destroys the request; the outcome is already set
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const location = header(res, 'location');
        res.resume();
        if (!location) send(failure(hop, 'http-status', `the server answered HTTP ${status} without a Location`, { status }));
        else send({ kind: 'redirect', location });
        return;
      }
      const validators: FetchValidators = { etag: header(res, 'etag'), lastModified: header(res, 'last-modified') };
      if (status === 304) {
        res.resume();
        const kept = opts.validators ?? { etag: null, lastModified: null };
        send({ kind: 'not-modified', url: hop.original, finalUrl: url.href, redirects: hop.redirects, validators: { etag: validators.etag ?? kept.etag, lastModified: validators.lastModified ?? kept.lastModified } });
        return;
      }
      if (status < 200 || status > 299) {
        res.resume();
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(res, 'retry-after'), opts.now()) : null;
        const text = res.statusMessage ? ` ${res.statusMessage}` : '';
        send(failure(hop, 'http-status', `the server answered HTTP ${status}${text}`, { status, retryAfterMs }));
        return;
      }
      const declared = Number(header(res, 'content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        send(failure(hop, 'too-large', `too large (${formatMb(declared, true)}; the limit is ${formatMb(opts.maxBytes, false)})`, { status }));
        return;
      }
      const chunks: Buffer[] = [];
      let wire = 0;
      res.on('data', (chunk: Buffer) => {
        wire += chunk.byteLength;
        if (wire > opts.maxBytes) { send(failure(hop, 'too-large', `too large (${limitWords})`, { status })); return; }
        chunks.push(chunk);
      });
      res.on('error', (e) => send(failure(hop, 'network', describeNetworkError(e), { status })));
      res.on('aborted', () => send(failure(hop, 'network', 'the connection was closed before the whole body arrived', { status })));
      res.on('end', () => {
        if (settled) return;
        if (!res.complete) { send(failure(hop, 'network', 'the connection was closed before the whole body arrived', { status })); return; }
        const raw = Buffer.concat(chunks);
        decompress(raw, contentCoding(header(res, 'content-encoding') ?? undefined), opts.maxBytes, limitWords).then((d) => {
          if (!d.ok) { send(failure(hop, d.reason, d.message, { status })); return; }
          send({ kind: 'fetched', url: hop.original, finalUrl: url.href, status, contentType: header(res, 'content-type'), bytes: d.bytes, wireBytes: wire, validators, redirects: hop.redirects });
        }, (e: unknown) => send(failure(hop, 'bad-encoding', String(e), { status })));
      });
    });
    req.end();
  });
}

export async function fetchResource(url: string, options: FetchResourceOptions): Promise<FetchOutcome> {
  const opts = {
    maxBytes: DEFAULT_MAX_BYTES, timeoutMs: DEFAULT_TIMEOUT_MS, maxRedirects: MAX_REDIRECTS,
    accept: DEFAULT_ACCEPT, userAgent: USER_AGENT, now: Date.now, ...options,
  };
  let parsed: URL;
  try { parsed = new URL(url); } catch { return failure({ original: url, redirects: [], url: null }, 'bad-url', 'not a valid URL'); }
  const deadline = Date.now() + opts.timeoutMs;
  const hop: Hop = { url: parsed, redirects: [], original: url };
  for (;;) {
    const r = await oneHop(hop, opts, deadline);
    if (r.kind !== 'redirect') return r;
    let next: URL;
    try { next = new URL(r.location, hop.url); } catch { return failure(hop, 'bad-url', `the server redirected to an invalid URL (${r.location.slice(0, 200)})`); }
    if (hop.redirects.length >= opts.maxRedirects) return failure(hop, 'too-many-redirects', `too many redirects (more than ${opts.maxRedirects})`);
    next.hash = '';
    hop.redirects.push(next.href);
    hop.url = next;
  }
}
