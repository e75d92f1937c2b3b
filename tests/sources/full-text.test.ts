import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.ts';
import { parseDocumentResult } from '../../src/core/parse/index.ts';
import { fetchFeed, fetchPage } from '../../src/sources/fetch/fetch-document.ts';
import { completeArticle } from '../../src/sources/full-text.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

const PARAS = [
  'The harbour authority reopened two ferry routes on Monday after a winter of repairs to the quay.',
  '"We will run six sailings a day from May," the harbour master, Ana Ruiz, told reporters at the terminal.',
  'Passenger numbers fell by a third last year while the routes were closed, the authority said in its report.',
  'Local businesses on the waterfront welcomed the news, saying the closure had cost them much of the summer trade.',
];
const story = (extra = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry routes reopen | Harbour News</title>
<meta property="og:site_name" content="Harbour News"><meta property="article:published_time" content="2026-03-02T09:00:00Z">
<script>globalThis.__newsbriefScriptRan = 'inline'; document.write('<img src="/beacon">'); fetch('/beacon-fetch');</script><script src="/evil.js"></script>${extra}</head>
<body onload="globalThis.__newsbriefScriptRan = 'onload'"><nav>Home | World | Sport</nav>
<article><h1>Ferry routes reopen</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}
<img src="/pixel.png" onerror="globalThis.__newsbriefScriptRan = 'onerror'"><iframe src="/frame.html"></iframe>
<p>${PARAS.join(' ')}</p></article><footer>© Harbour News</footer></body></html>`;

let server: LocalServer;
const open = { allowPrivate: true } as const;
const complete = (item: Article) => completeArticle(item, { fetchPage: (url) => fetchPage(url, open) });

function item(over: Partial<Article>): Article {
  return { guid: 'g1', url: null, file: null, source: 'Harbour News feed', format: 'rss', headline: 'Ferry routes reopen', byline: null, published: '2026-03-02T10:00:00Z', bullets: [], body: '', blocks: [], ...over };
}

beforeAll(async () => {
  server = await startLocalServer();
  server.route('/story', (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(story()); });
  server.route('/latin1-story', (_req, res) => {
    const html = story().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').replace('Ana Ruiz', 'Ana Ru\u00edz').replace('six sailings', '\u201csix\u201d sailings');
    res.writeHead(200, { 'content-type': 'text/html' }); // no charset in the header
    res.end(Buffer.from([...html].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94 } as Record<string, number>)[c] ?? c.charCodeAt(0))));
  });
  server.route('/empty-page', (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html><body><p>Subscribe to read.</p></body></html>'); });
  server.route('/image', (_req, res) => { res.writeHead(200, { 'content-type': 'image/png' }); res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])); });
  server.route('/feed', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
      <item><guid>t1</guid><title>Ferry routes reopen</title><link>${server.url('/story')}</link><description>The harbour authority reopened two ferry routes… Read more</description></item>
    </channel></rss>`);
  });
});

afterAll(async () => { await server.close(); });

describe('completeArticle', () => {
  it('GIVEN a teaser item from a feed THEN the linked page gives the article; the feed keeps its guid, link, date and source', async () => {
    const feed = await fetchFeed(server.url('/feed'), open);
    if (feed.kind !== 'document') throw new Error(feed.kind === 'failed' ? feed.message : feed.kind);
    const [teaser] = parseDocumentResult(feed.input).articles;
    const r = await complete(teaser!);
    expect(r.kind).toBe('full');
    if (r.kind !== 'full') return;
    expect(r.article).toMatchObject({ guid: 't1', url: server.url('/story'), source: 'Harbour News', format: 'rss', headline: 'Ferry routes reopen' });
    expect(r.article.body.split('\n\n').slice(0, 4)).toEqual(PARAS);
    expect(r.pageUrl).toBe(server.url('/story'));
  });

  it('GIVEN an item with only a title and link THEN the page fills the body, and the page date is used when the feed has none', async () => {
    const r = await complete(item({ url: server.url('/story'), published: null }));
    expect(r).toMatchObject({ kind: 'full', article: { headline: 'Ferry routes reopen', published: '2026-03-02T09:00:00Z' } });
  });

  it('GIVEN a page with scripts, event handlers, an iframe and images THEN no script runs and nothing else is requested', async () => {
    const before = server.requests.length;
    const r = await complete(item({ url: server.url('/story') }));
    expect(r.kind).toBe('full');
    expect((globalThis as Record<string, unknown>)['__newsbriefScriptRan']).toBeUndefined();
    expect(server.requests.slice(before).map((q) => q.path)).toEqual(['/story']);
    if (r.kind === 'full') expect(r.article.body).not.toMatch(/__newsbriefScriptRan|Home \| World/);
  });

  it('GIVEN a windows-1252 page declared only in <meta http-equiv> THEN accents and curly quotes are right', async () => {
    const r = await complete(item({ url: server.url('/latin1-story') }));
    if (r.kind !== 'full') throw new Error(r.kind === 'kept' ? r.reason : r.kind);
    expect(r.article.body).toContain('"We will run \u201csix\u201d sailings a day from May," the harbour master, Ana Ru\u00edz');
  });

  it.each([
    ['/missing', 'http-status', 'the server answered HTTP 404 Not Found'],
    ['/empty-page', 'no-article', 'This page has no article text (only 3 words of main content)'],
    ['/image', 'not-a-page', 'not a page (binary file, not an article)'],
  ])('GIVEN a teaser linking to %s THEN the teaser is kept with the reason', async (path, failure, reason) => {
    const teaser = item({ url: server.url(path), body: 'The harbour authority reopened two ferry routes…' });
    expect(await complete(teaser)).toEqual({ kind: 'kept', article: teaser, failure, reason });
  });

  it('GIVEN a title-only item without a link THEN kept with no article and a reason', async () => {
    expect(await complete(item({}))).toEqual({ kind: 'kept', article: null, failure: 'no-link', reason: 'the item has no link to fetch the full text from' });
  });

  it('GIVEN an item with its full text THEN no request is made', async () => {
    const before = server.requests.length;
    const full = item({ url: server.url('/story'), body: Array.from({ length: 20 }, () => PARAS[0]).join('\n\n') });
    expect(await complete(full)).toEqual({ kind: 'not-needed', article: full });
    expect(server.requests.length).toBe(before);
  });
});

describe('fetchFeed', () => {
  it('GIVEN an HTML page where a feed was expected THEN not-a-feed, in plain words', async () => {
    expect(await fetchFeed(server.url('/story'), open)).toMatchObject({ kind: 'failed', reason: 'not-a-feed', message: 'not a feed: the server sent an HTML page (text/html)' });
  });
});
