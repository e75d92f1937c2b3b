// The poller end to end against a local HTTP server on 127.0.0.1 (allowed by allowedAddresses,
// as ALLOW_PRIVATE_SOURCES=true would): the real safe fetcher, the host gate, the parser, the
// ingest use case and a SQLite store. The clock is a test clock moved by hand.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/handle-command.ts';
import { pollDue, pollSource, type PollDeps } from '../../src/app/poll-sources.ts';
import { windowStories } from '../../src/app/window-stories.ts';
import type { Store } from '../../src/app/ports.ts';
import type { Message } from '../../src/core/message.ts';
import { silentLogger } from '../../src/logger.ts';
import { createSourceFetcher } from '../../src/sources/source-fetcher.ts';
import { openStore } from '../../src/store/index.ts';
import { rss, startLocalServer, type LocalServer } from '../sources/local-server.ts';

const MIN = 60_000;
let server: LocalServer;
let store: Store;
let t: number;
const clock = { now: () => new Date(t) };

beforeEach(async () => {
  server = await startLocalServer();
  store = await openStore(':memory:');
  t = Date.parse('2026-12-01T08:00:00Z');
});
afterEach(async () => {
  await store.close();
  await server.close();
});

function deps(fetch: Partial<Parameters<typeof createSourceFetcher>[0]['fetch']> = {}): PollDeps {
  const fetcher = createSourceFetcher({ fetch: { allowPrivate: false, allowedAddresses: ['127.0.0.1'], ...fetch }, minGapMs: 0 });
  return { store, clock, logger: silentLogger, fetcher, intervalMs: 10 * MIN, random: () => 0.5 };
}

async function follow(path: string, label: string | null = null): Promise<string> {
  const url = server.url(path);
  await store.sources.addSource({ url, label, origin: 'cli', addedBy: 'cli', addedAt: clock.now() });
  return url;
}
const row = async (url: string) => (await store.sources.getSource(url))!;
const poll = async (url: string, d = deps()) => pollSource(d, await row(url));

const WORDS = 'The harbour authority said the new ferry terminal will open in the spring, after two years of building work and a long argument about its cost. ';
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry terminal opens</title><meta property="article:published_time" content="2026-11-30T09:00:00Z"></head>
  <body><script>document.title = 'pwned'</script><article><h1>Ferry terminal opens</h1>${`<p>${WORDS.repeat(3)}</p>`.repeat(5)}</article></body></html>`;

// another story altogether (not a near-copy of PAGE, which would join its story)
const LIGHTHOUSE = 'Keepers relit the lamp of the northern lighthouse on Sunday after a storm had cut its power for nine days, and shipping returned to the channel. ';
const PAGE2 = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lighthouse relit</title><meta property="article:published_time" content="2026-11-30T09:00:00Z"></head>
  <body><article><h1>Lighthouse relit</h1>${`<p>${LIGHTHOUSE.repeat(3)}</p>`.repeat(5)}</article></body></html>`;

function serveXml(path: string, body: () => string, extra: Record<string, string> = {}) {
  server.route(path, (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...extra }); res.end(body()); });
}

async function brief(): Promise<Message> {
  return createApp({ store, clock, logger: silentLogger }).handle({ command: 'brief', subcommand: null, options: {} }, { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true });
}
const headlines = (m: Message) => m.items.map((i) => (i.type === 'story' ? i.headline : i.text));

describe('the poller', () => {
  it('GIVEN a feed with an ETag THEN the next poll sends If-None-Match, a 304 reparses nothing and keeps the validators', async () => {
    let parsedCount = 0;
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304, { etag: '"v1"' }); res.end(); return; }
      parsedCount++;
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 08:00:00 GMT' });
      res.end(rss([{ guid: 'a1', title: 'Ferry strike', text: 'Ferry crews vote to strike on Monday.' }]));
    });
    const url = await follow('/feed');
    const first = await poll(url);
    expect([first.outcome, first.stored, first.summary]).toEqual(['fetched', 1, '1 new']);
    t += 10 * MIN;
    const second = await poll(url);
    expect([second.outcome, second.lines, second.summary]).toEqual(['not-modified', [], 'not modified']);
    expect(parsedCount).toBe(1);
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 08:00:00 GMT');
    expect((await row(url))).toMatchObject({ validators: { etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 08:00:00 GMT' }, failures: 0, lastResult: 'not modified', lastNewHeadline: 'Ferry strike' });
    expect(headlines(await brief())).toEqual(['Ferry strike']);
  });

  it('GIVEN a redirect and a gzip body THEN the feed is followed and read; a redirect to a private address is refused', async () => {
    server.route('/old', (_req, res) => { res.writeHead(301, { location: '/feed.gz' }); res.end(); });
    server.route('/feed.gz', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(gzipSync(rss([{ guid: 'z1', title: 'Zipped news', text: 'The zipped feed still reads fine.' }])));
    });
    server.route('/to-private', (_req, res) => { res.writeHead(302, { location: 'http://10.0.0.7/feed' }); res.end(); });
    const ok = await poll(await follow('/old'));
    expect([ok.outcome, ok.stored]).toEqual(['fetched', 1]);
    const bad = await poll(await follow('/to-private'));
    expect(bad.outcome).toBe('failed');
    expect(bad.summary).toMatch(/refused address: 10\.0\.0\.7 is a private/);
  });

  it('GIVEN a private address and no allowance THEN the source fails with the reason and nothing is requested', async () => {
    serveXml('/feed', () => rss([{ guid: 'p1', title: 'Private', text: 'Never fetched.' }]));
    const url = await follow('/feed');
    const r = await poll(url, deps({ allowedAddresses: [] }));
    expect(r.outcome).toBe('failed');
    expect(server.hits('/feed')).toBe(0);
    expect((await row(url)).lastReason).toBe('refused-address');
  });

  it.each([
    ['malformed XML', '/bad', (s: LocalServer) => serveXml('/bad', () => '<rss><channel><item><title>Broken'), {}, /not (a readable feed|a feed)/],
    ['a slow server', '/slow', (s: LocalServer) => s.route('/slow', () => { /* never answers */ }), { timeoutMs: 200 }, /timed out after 0\.2 s/],
    ['an oversized body', '/big', (s: LocalServer) => serveXml('/big', () => rss([{ guid: 'b', title: 'Big', text: 'x'.repeat(300_000) }])), { maxBytes: 100_000 }, /too large/],
  ] as const)('GIVEN %s THEN the poll fails with the reason; after 3 failures the source is failing (shown in /sources list), and a recovery says so', async (_what, path, setup, fetch, reason) => {
    setup(server);
    const url = await follow(path, 'Troubled');
    for (let i = 0; i < 3; i++) {
      const r = await poll(url, deps(fetch));
      expect(r.outcome).toBe('failed');
      expect(r.summary).toMatch(reason);
      t = Date.parse((await row(url)).nextPollAt);
    }
    const failing = await row(url);
    expect([failing.failing, failing.failures]).toEqual([true, 3]);
    const list = await createApp({ store, clock, logger: silentLogger }).handle({ command: 'sources', subcommand: 'list', options: {} }, { platform: 'console', channelId: 'c', userId: 'u', workspaceId: null, canManageChannel: true });
    expect(JSON.stringify(list.sections)).toMatch(/state: failing: /);
    serveXml(path, () => rss([{ guid: 'ok', title: 'Back again', text: 'The feed works again.' }]));
    const back = await poll(url, deps(fetch));
    expect(back.event).toBe('recovered');
    expect(back.summary).toBe('recovered after 3 failures: 1 new');
    expect((await row(url)).failing).toBe(false);
  });

  it('GIVEN a 429 with Retry-After THEN the next poll waits at least that long, and the host\'s other sources wait for a later run', async () => {
    server.route('/busy', (_req, res) => { res.writeHead(429, { 'retry-after': '3600' }); res.end(); });
    serveXml('/calm', () => rss([{ guid: 'c1', title: 'Calm', text: 'Calm news.' }]));
    const busy = await follow('/busy');
    await follow('/calm');
    const reports = await pollDue(deps());
    expect(reports.map((r) => r.url)).toEqual([busy]);
    expect(reports[0]?.retryAfterMs).toBe(3_600_000);
    expect(Date.parse((await row(busy)).nextPollAt) - t).toBeGreaterThanOrEqual(3_600_000);
    expect(server.hits('/calm')).toBe(0);
  });

  it('GIVEN the same story in two feeds (one link with tracking parameters) THEN it is stored once', async () => {
    const link = server.url('/story');
    serveXml('/a', () => rss([{ guid: 'a-7', title: 'Bridge reopens', text: 'The old bridge reopened on Friday.', link }], 'A'));
    serveXml('/b', () => rss([{ guid: 'b-99', title: 'Bridge reopens', text: 'The old bridge reopened on Friday after repairs.', link: `${link}?utm_source=rss&amp;fbclid=x#top` }], 'B'));
    const [a, b] = [await follow('/a'), await follow('/b')];
    const ra = await poll(a);
    const rb = await poll(b);
    expect([ra.stored, rb.stored, rb.lines[0]?.status, rb.lines[0]?.matchedBy]).toEqual([1, 0, 'duplicate', 'url']);
    expect(await store.countArticles()).toBe(1);
  });

  it('GIVEN an edited item THEN the stored article and its briefing are updated, not added, and a digest window after the first poll does not see it again', async () => {
    let title = 'Council delays vote';
    serveXml('/feed', () => rss([{ guid: 'e1', title, text: `${title}. The council said the vote on the harbour plan would wait a week.` }]));
    const url = await follow('/feed');
    await poll(url);
    const firstPollAt = clock.now().toISOString();
    t += 10 * MIN;
    title = 'Council delays vote again';
    const edit = await poll(url);
    expect([edit.stored, edit.updated, edit.summary]).toEqual([0, 1, '0 new, 1 updated']);
    expect(await store.countArticles()).toBe(1);
    expect(headlines(await brief())).toEqual(['Council delays vote again']);
    // the next digest's window (from the end of one delivered after the first poll): the edit is no new story
    expect(await windowStories(store, { ingestedAfter: firstPollAt }, 10)).toEqual({ stories: [], total: 0 });
    // while a window that holds the first poll has the story once, as edited
    const earlier = await windowStories(store, { ingestedAfter: new Date(Date.parse(firstPollAt) - MIN).toISOString() }, 10);
    expect(earlier.stories.map((s) => s.headline)).toEqual(['Council delays vote again']);
    expect((await row(url)).lastNewHeadline).toBe('Council delays vote');
  });

  it('GIVEN a teaser-only item and a title-and-link-only item THEN their pages are fetched (scripts never run) once, and an unchanged item is not fetched again', async () => {
    server.route('/page', (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); });
    server.route('/page2', (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE2); });
    serveXml('/feed', () => rss([
      { guid: 't1', title: 'Ferry terminal opens', text: 'The terminal opens in spring.', link: server.url('/page') },
      { guid: 't2', title: 'Lighthouse relit', link: server.url('/page2') },
    ]));
    const url = await follow('/feed');
    const r = await poll(url);
    expect([r.stored, r.fullTextFailures]).toEqual([2, []]);
    const stories = (await store.latestStories({ limit: 5 }));
    expect(stories.map((s) => s.headline).sort()).toEqual(['Ferry terminal opens', 'Lighthouse relit']);
    expect(stories.every((s) => s.published === '2026-11-30T09:00:00Z')).toBe(true);
    expect(stories.every((s) => s.keyPoints.length > 0 && !s.keyPoints.join(' ').includes('pwned'))).toBe(true);
    t += 10 * MIN;
    const again = await poll(url);
    expect(again.lines.map((l) => l.status)).toEqual(['duplicate', 'duplicate']);
    expect([server.hits('/page'), server.hits('/page2')]).toEqual([1, 1]);
  });

  it('GIVEN a teaser whose page fails THEN the teaser is stored and the failure reported; a link-only item with no page is skipped with the reason', async () => {
    serveXml('/feed', () => rss([
      { guid: 'f1', title: 'Short one', text: 'Only a teaser here.', link: server.url('/gone') },
      { guid: 'f2', title: 'Nothing but a link', link: server.url('/gone2') },
    ]));
    const r = await poll(await follow('/feed'));
    expect(r.lines.map((l) => l.status)).toEqual(['stored', 'failed']);
    expect(r.fullTextFailures.map((f) => f.reason)).toEqual(['the server answered HTTP 404 Not Found', 'the server answered HTTP 404 Not Found']);
    expect(r.summary).toBe('1 new, 1 item skipped, full text missing for 2 items');
    expect(r.lines[1]?.reason).toMatch(/its page could not be read: the server answered HTTP 404/);
  });

  it('GIVEN a source with full text off THEN a teaser is stored as the feed gives it and its page is never fetched', async () => {
    server.route('/page', (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); });
    serveXml('/feed', () => rss([{ guid: 'n1', title: 'Ferry terminal opens', text: 'The terminal opens in spring.', link: server.url('/page') }]));
    const url = server.url('/feed');
    await store.sources.addSource({ url, label: null, origin: 'cli', addedBy: 'cli', addedAt: clock.now(), fullText: false });
    const r = await poll(url);
    expect([r.stored, server.hits('/page')]).toEqual([1, 0]);
  });
});
