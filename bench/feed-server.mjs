// A feed server in its own process, so the poll benchmark measures the poller's CPU only.
// Serves GET /feed (RSS, ETag "v1"; 304 to If-None-Match "v1") and /feed.gz (the same, gzipped).
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const items = Number(process.argv[2] ?? 30);
// Varied text (a seeded generator over a 3,000-word vocabulary), so gzip compresses it about as
// much as real news (2-4x), not 60x as it would a repeated paragraph.
let seed = 42;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const vocab = Array.from({ length: 3000 }, () => Array.from({ length: 3 + Math.floor(rand() * 7) }, () => 'etaoinshrdlucmfwypvbgk'[Math.floor(rand() * 22)]).join(''));
const sentence = () => { const w = Array.from({ length: 12 + Math.floor(rand() * 14) }, () => vocab[Math.floor(rand() * vocab.length)]); return `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()); };
const para = () => Array.from({ length: 3 }, sentence).join(' ');
const body = Array.from({ length: items }, (_, i) => `<item><guid isPermaLink="false">story-${i}</guid><title>${sentence()}</title><link>https://news.example.org/2026/03/story-${i}?utm_source=rss</link><pubDate>Mon, 02 Mar 2026 ${String(i % 24).padStart(2, '0')}:00:00 GMT</pubDate><description><![CDATA[${Array.from({ length: 6 }, () => `<p>${para()}</p>`).join('')}]]></description></item>`).join('');
const xml = Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour News</title>${body}</channel></rss>`);
const gz = gzipSync(xml);

// /feed?v=N: the same feed with other guids, links and titles (all new stories for a poll-path bench).
const variant = (v) => Buffer.from(xml.toString('utf8').replaceAll('story-', `story-${v}-`).replaceAll('<title>', `<title>V${v} `));

const server = createServer((req, res) => {
  if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304, { etag: '"v1"' }); res.end(); return; }
  const url = new URL(req.url ?? '/', 'http://x');
  const zipped = url.pathname === '/feed.gz';
  const v = url.searchParams.get('v');
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', ...(zipped ? { 'content-encoding': 'gzip' } : {}) });
  res.end(zipped ? gz : v ? variant(v) : xml);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port, bytes: xml.length, gzBytes: gz.length }));
