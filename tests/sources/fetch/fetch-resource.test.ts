import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchResource, type FetchOutcome } from '../../../src/sources/fetch/fetch-resource.ts';
import { BOT_VERSION } from '../../../src/sources/fetch/user-agent.ts';
import { rss, startLocalServer, type LocalServer } from '../local-server.ts';
import pkg from '../../../package.json' with { type: 'json' };

const FEED = rss([{ guid: 'a1', title: 'Ferry routes reopen', text: 'The harbour authority reopened two ferry routes on Monday.' }]);
const open = { allowPrivate: true } as const;
let server: LocalServer;

const text = (r: FetchOutcome) => (r.kind === 'fetched' ? new TextDecoder().decode(r.bytes) : `${r.kind}${r.kind === 'failed' ? ` ${r.reason}: ${r.message}` : ''}`);

beforeAll(async () => {
  server = await startLocalServer();
  server.route('/feed', (req, res) => {
    const etag = '"v1"';
    const lastModified = 'Mon, 02 Mar 2026 10:00:00 GMT';
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { etag }); res.end(); return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified });
    res.end(FEED);
  });
  server.route('/only-last-modified', (req, res) => {
    const lm = 'Tue, 03 Mar 2026 08:00:00 GMT';
    if (req.headers['if-modified-since'] === lm) { res.writeHead(304); res.end(); return; }
    res.writeHead(200, { 'last-modified': lm, 'content-type': 'application/rss+xml' }); res.end(FEED);
  });
  const encoded: Record<string, [string, Buffer]> = {
    '/gzip': ['gzip', gzipSync(FEED)], '/deflate': ['deflate', deflateSync(FEED)],
    '/deflate-raw': ['deflate', deflateRawSync(FEED)], '/br': ['br', brotliCompressSync(FEED)],
  };
  for (const [path, [coding, body]] of Object.entries(encoded)) {
    server.route(path, (_req, res) => { res.writeHead(200, { 'content-encoding': coding, 'content-type': 'application/rss+xml' }); res.end(body); });
  }
  const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x41)); // ~8 kB on the wire, 8 MB inflated
  server.route('/bomb', (_req, res) => { res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length }); res.end(bomb); });
  server.route('/big-stream', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }); // chunked: no Content-Length
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    const push = () => { while (sent < 4 * 1024 * 1024) { sent += chunk.length; if (!res.write(chunk)) { res.once('drain', push); return; } } res.end(); };
    push();
  });
  server.route('/big-declared', (_req, res) => { res.writeHead(200, { 'content-length': 50 * 1024 * 1024 }); res.write('x'); /* never finishes */ });
  server.route('/slow-body', (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html>'); /* then nothing */ });
  server.route('/slow-headers', () => { /* never answers */ });
  for (let i = 1; i <= 6; i++) {
    server.route(`/hop${i}`, (_req, res) => { res.writeHead(i % 2 ? 302 : 301, { location: i === 1 ? '/feed' : `/hop${i - 1}` }); res.end(); });
  }
  server.route('/to-ftp', (_req, res) => { res.writeHead(302, { location: 'ftp://example.org/feed.xml' }); res.end(); });
  server.route('/to-file', (_req, res) => { res.writeHead(302, { location: 'file:///etc/passwd' }); res.end(); });
  server.route('/busy', (_req, res) => { res.writeHead(429, { 'retry-after': '120' }); res.end('slow down'); });
  server.route('/down', (_req, res) => { res.writeHead(503, { 'retry-after': 'Wed, 04 Mar 2026 12:05:00 GMT' }); res.end(); });
  server.route('/gone', (_req, res) => { res.writeHead(404); res.end(); });
  server.route('/ua', (req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(String(req.headers['user-agent'])); });
});

afterAll(async () => { await server.close(); });

describe('fetchResource: conditional GET', () => {
  it('GIVEN a 200 with ETag and Last-Modified THEN both come back as validators, and sending them gets not-modified with no body', async () => {
    const first = await fetchResource(server.url('/feed'), open);
    expect(first.kind).toBe('fetched');
    if (first.kind !== 'fetched') return;
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' });
    const again = await fetchResource(server.url('/feed'), { ...open, validators: first.validators });
    expect(again).toMatchObject({ kind: 'not-modified', validators: { etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' } });
    const sent = server.requests.filter((r) => r.path === '/feed').at(-1)?.headers;
    expect(sent?.['if-none-match']).toBe('"v1"');
    expect(sent?.['if-modified-since']).toBe('Mon, 02 Mar 2026 10:00:00 GMT');
  });

  it('GIVEN only Last-Modified THEN If-Modified-Since alone gets not-modified', async () => {
    const first = await fetchResource(server.url('/only-last-modified'), open);
    if (first.kind !== 'fetched') throw new Error(text(first));
    expect(first.validators.etag).toBeNull();
    expect((await fetchResource(server.url('/only-last-modified'), { ...open, validators: first.validators })).kind).toBe('not-modified');
  });

  it('GIVEN any request THEN the User-Agent names the bot and the version in package.json', async () => {
    const r = await fetchResource(server.url('/ua'), open);
    expect(BOT_VERSION).toBe(pkg.version);
    expect(text(r)).toMatch(new RegExp(`^newsbrief/${pkg.version.replace(/\./g, '\\.')} \\(`));
  });
});

describe('fetchResource: encodings and size', () => {
  it.each(['/gzip', '/deflate', '/deflate-raw', '/br'])('GIVEN %s THEN the body arrives decompressed', async (path) => {
    expect(text(await fetchResource(server.url(path), open))).toBe(FEED);
  });

  it('GIVEN a gzip body that inflates past the cap (zip bomb) THEN too-large, though the wire bytes were small', async () => {
    const r = await fetchResource(server.url('/bomb'), { ...open, maxBytes: 1024 * 1024 });
    expect(r).toMatchObject({ kind: 'failed', reason: 'too-large', message: 'too large when decompressed (over 1 MB)' });
  });

  it('GIVEN a chunked body over the cap THEN too-large while streaming', async () => {
    const r = await fetchResource(server.url('/big-stream'), { ...open, maxBytes: 1024 * 1024 });
    expect(r).toMatchObject({ kind: 'failed', reason: 'too-large', message: 'too large (over 1 MB)' });
  });

  it('GIVEN a declared Content-Length over the cap THEN too-large at once, without waiting for the body', async () => {
    const r = await fetchResource(server.url('/big-declared'), { ...open, maxBytes: 1024 * 1024, timeoutMs: 60_000 });
    expect(r).toMatchObject({ kind: 'failed', reason: 'too-large', message: 'too large (50.0 MB; the limit is 1 MB)' });
  });
});

describe('fetchResource: timeouts, statuses, Retry-After', () => {
  it.each(['/slow-body', '/slow-headers'])('GIVEN %s that never finishes THEN timeout', async (path) => {
    const r = await fetchResource(server.url(path), { ...open, timeoutMs: 300 });
    expect(r).toMatchObject({ kind: 'failed', reason: 'timeout', message: 'timed out after 0.3 s' });
  });

  it('GIVEN 429 with Retry-After: 120 THEN http-status with retryAfterMs 120000', async () => {
    expect(await fetchResource(server.url('/busy'), open)).toMatchObject({ kind: 'failed', reason: 'http-status', status: 429, retryAfterMs: 120_000, message: 'the server answered HTTP 429 Too Many Requests' });
  });

  it('GIVEN 503 with an HTTP-date Retry-After THEN the delay is counted from the injected clock', async () => {
    const now = () => Date.parse('2026-03-04T12:00:00Z');
    expect(await fetchResource(server.url('/down'), { ...open, now })).toMatchObject({ reason: 'http-status', status: 503, retryAfterMs: 300_000 });
  });

  it('GIVEN 404 THEN http-status with no retry delay', async () => {
    expect(await fetchResource(server.url('/gone'), open)).toMatchObject({ reason: 'http-status', status: 404, retryAfterMs: null, message: 'the server answered HTTP 404 Not Found' });
  });

  it('GIVEN a port nobody listens on THEN network, in plain words', async () => {
    const closed = await startLocalServer();
    const url = closed.url('/feed');
    await closed.close();
    expect(await fetchResource(url, open)).toMatchObject({ kind: 'failed', reason: 'network', message: 'could not connect (connection refused)' });
  });
});

describe('fetchResource: redirects', () => {
  it('GIVEN 5 redirects THEN the feed, with the hops and the final URL', async () => {
    const r = await fetchResource(server.url('/hop5'), open);
    expect(text(r)).toBe(FEED);
    expect(r).toMatchObject({ url: server.url('/hop5'), finalUrl: server.url('/feed'), redirects: ['/hop4', '/hop3', '/hop2', '/hop1', '/feed'].map(server.url) });
  });

  it('GIVEN 6 redirects THEN too-many-redirects, and the 7th URL is never asked for', async () => {
    const before = server.hits('/feed');
    expect(await fetchResource(server.url('/hop6'), open)).toMatchObject({ kind: 'failed', reason: 'too-many-redirects' });
    expect(server.hits('/feed')).toBe(before);
  });

  it.each([['/to-ftp', 'ftp'], ['/to-file', 'file']])('GIVEN a redirect %s THEN refused-scheme', async (path, scheme) => {
    expect(await fetchResource(server.url(path), open)).toMatchObject({ kind: 'failed', reason: 'refused-scheme', message: `refused: only http and https URLs can be fetched (got ${scheme})` });
  });
});
