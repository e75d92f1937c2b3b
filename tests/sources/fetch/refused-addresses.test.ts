// ALLOW_PRIVATE_SOURCES off: nothing on loopback or private networks is fetched, however it is
// named (IP literal in any spelling, a name such as localhost, a redirect), and the server never
// sees the request. The tests' own server on 127.0.0.2 is allowed by exact address only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchResource } from '../../../src/sources/fetch/fetch-resource.ts';
import type { Resolver } from '../../../src/sources/fetch/guarded-lookup.ts';
import { rss, startLocalServer, type LocalServer } from '../local-server.ts';

const FEED = rss([{ guid: 'x', title: 'Quay works', text: 'Works on the quay start in May.' }]);
const closed = { allowPrivate: false } as const;
let target: LocalServer; // 127.0.0.1: the private target
let front: LocalServer; // 127.0.0.2: an allowed server that redirects to the target

beforeAll(async () => {
  target = await startLocalServer('127.0.0.1');
  target.route('/feed', (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(FEED); });
  front = await startLocalServer('127.0.0.2');
  front.route('/to-ip', (_req, res) => { res.writeHead(302, { location: target.url('/feed') }); res.end(); });
  front.route('/to-localhost', (_req, res) => { res.writeHead(301, { location: `http://localhost:${target.port}/feed` }); res.end(); });
  front.route('/to-mapped', (_req, res) => { res.writeHead(307, { location: `http://[::ffff:127.0.0.1]:${target.port}/feed` }); res.end(); });
});

afterAll(async () => { await target.close(); await front.close(); });

describe('private targets refused when ALLOW_PRIVATE_SOURCES is off', () => {
  it.each([
    ['127.0.0.1', (p: number) => `http://127.0.0.1:${p}/feed`],
    ['localhost (a name resolving to loopback)', (p: number) => `http://localhost:${p}/feed`],
    ['IPv4-mapped IPv6', (p: number) => `http://[::ffff:127.0.0.1]:${p}/feed`],
    ['a decimal integer host', (p: number) => `http://2130706433:${p}/feed`],
    ['a hex host', (p: number) => `http://0x7f.1:${p}/feed`],
  ])('GIVEN %s THEN refused-address and the server sees nothing', async (_name, url) => {
    const r = await fetchResource(url(target.port), closed);
    expect(r).toMatchObject({ kind: 'failed', reason: 'refused-address' });
    if (r.kind === 'failed') expect(r.message).toMatch(/is a loopback address; set ALLOW_PRIVATE_SOURCES=true/);
    expect(target.hits('/feed')).toBe(0);
  });

  it('GIVEN the same URL with the allowance on THEN it is fetched (the refusal was the rule, not the network)', async () => {
    expect((await fetchResource(target.url('/feed'), { allowPrivate: true })).kind).toBe('fetched');
    expect(target.hits('/feed')).toBe(1);
  });

  it.each(['/to-ip', '/to-localhost', '/to-mapped'])('GIVEN an allowed server redirecting %s to 127.0.0.1 THEN the hop is refused and never requested', async (path) => {
    const before = target.hits('/feed');
    const r = await fetchResource(front.url(path), { ...closed, allowedAddresses: ['127.0.0.2'] });
    expect(r).toMatchObject({ kind: 'failed', reason: 'refused-address', url: front.url(path) });
    expect(target.hits('/feed')).toBe(before);
    expect(front.hits(path)).toBeGreaterThan(0);
  });

  it('GIVEN the redirect target allowed too THEN the redirect is followed', async () => {
    const r = await fetchResource(front.url('/to-ip'), { ...closed, allowedAddresses: ['127.0.0.2', '127.0.0.1'] });
    expect(r).toMatchObject({ kind: 'fetched', finalUrl: target.url('/feed') });
  });
});

describe('the check happens at connect time, on the addresses the connection uses', () => {
  const resolveTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('GIVEN a public-looking name that resolves to 127.0.0.1 THEN refused-address, naming the name and the address', async () => {
    const before = target.hits('/feed');
    const r = await fetchResource(`http://feeds.example:${target.port}/feed`, { ...closed, resolve: resolveTo('127.0.0.1') });
    expect(r).toMatchObject({ kind: 'failed', reason: 'refused-address', message: expect.stringContaining('feeds.example (127.0.0.1) is a loopback address') });
    expect(target.hits('/feed')).toBe(before);
  });

  it('GIVEN the same resolver with the allowance on THEN the connection goes to the resolved address (no second, unchecked lookup)', async () => {
    const r = await fetchResource(`http://feeds.example:${target.port}/feed`, { allowPrivate: true, resolve: resolveTo('127.0.0.1') });
    expect(r.kind).toBe('fetched');
  });

  it('GIVEN a name resolving to private and link-local addresses only THEN refused', async () => {
    const r = await fetchResource(`http://intranet.example:${target.port}/feed`, { ...closed, resolve: resolveTo('10.0.0.7', '169.254.169.254', 'fd00::7') });
    expect(r).toMatchObject({ reason: 'refused-address', message: expect.stringContaining('10.0.0.7) is a private network address') });
  });
});

describe('only http and https', () => {
  it.each([
    ['file:///etc/passwd', 'refused-scheme'], ['ftp://example.org/feed', 'refused-scheme'], ['gopher://x/', 'refused-scheme'],
    ['http://user:secret@example.org/feed', 'bad-url'], ['not a url', 'bad-url'],
  ])('GIVEN %s THEN %s before anything is sent', async (url, reason) => {
    expect(await fetchResource(url, { allowPrivate: true })).toMatchObject({ kind: 'failed', reason });
  });
});
