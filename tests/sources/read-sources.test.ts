import { mkdtemp, mkdir, open, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources, type SourceResult } from '../../src/sources/read-sources.ts';
import { parseDocument } from '../../src/core/parse/index.ts';
import { briefDocument, formatIngestLine } from '../../src/app/ingest.ts';
import { silentLogger } from '../../src/logger.ts';

const ARTICLE = 'Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n\n"It is a good day," the mayor said.\n';
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><guid>1</guid><title>One</title><description>First item text.</description></item></channel></rss>';
const PAGE = `<!DOCTYPE html><html><head><title>Port news</title><link rel="canonical" href="/story"></head><body><article><h1>Port news</h1>${'<p>The port authority said on Monday that traffic through the harbour rose by a tenth last year, helped by new ferry routes.</p>'.repeat(4)}</article></body></html>`;

// The local test server is on 127.0.0.1: allowed here as ALLOW_PRIVATE_SOURCES=true allows it.
async function collect(targets: string[], opts: Parameters<typeof readSources>[1] = {}): Promise<SourceResult[]> {
  const out: SourceResult[] = [];
  for await (const r of readSources(targets, { allowPrivate: true, ...opts })) out.push(r);
  return out;
}
const summary = (rs: SourceResult[]) => rs.map((r) => (r.ok ? `ok ${r.input.file ?? r.input.url}` : `failed ${r.origin.path ?? r.origin.url}: ${r.error.message}`));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbrief-sources-'));
  await mkdir(join(dir, 'folder', 'sub'), { recursive: true });
  await mkdir(join(dir, 'folder', '.git'));
  await writeFile(join(dir, 'folder', 'b-article.txt'), ARTICLE);
  await writeFile(join(dir, 'folder', 'a-feed.txt'), RSS); // misnamed: RSS in a .txt
  await writeFile(join(dir, 'folder', 'sub', 'c-page.html'), PAGE);
  await writeFile(join(dir, 'folder', '.hidden.txt'), ARTICLE);
  await writeFile(join(dir, 'folder', '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(join(dir, 'folder', 'gold.jsonl'), '{"a":1}\n');
  await writeFile(join(dir, 'folder', 'photo.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  await symlink(join(dir, 'folder'), join(dir, 'folder', 'sub', 'loop')); // a symlink loop must not hang
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  await writeFile(join(dir, 'latin1.txt'), Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  await mkdir(join(dir, 'nothing-here'));
  // 50 MB, sparse: created in an instant, and must be refused without being read.
  const big = await open(join(dir, 'big.txt'), 'w');
  await big.truncate(50 * 1024 * 1024);
  await big.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSources: files and folders', () => {
  it('GIVEN a folder THEN its files are read recursively and sorted; dotfiles and data files (.jsonl) are skipped, a stray image is reported', async () => {
    const rs = await collect([join(dir, 'folder')]);
    // files below the folder are named by their path relative to it (sub/c-page.html)
    expect(summary(rs)).toEqual(['ok a-feed.txt', 'ok b-article.txt', `failed ${join(dir, 'folder', 'photo.png')}: binary file, not an article`, 'ok sub/c-page.html']);
    expect(rs.map((r) => r.label)).toEqual(['a-feed.txt', 'b-article.txt', 'photo.png', 'sub/c-page.html']);
    const first = rs[0];
    expect(first?.ok && first.origin.target).toBe(join(dir, 'folder'));
    expect(first?.ok && [first.label, first.origin.path, first.input.file, first.input.url, first.input.contentType]).toEqual(['a-feed.txt', join(dir, 'folder', 'a-feed.txt'), 'a-feed.txt', null, null]);
    expect(first?.ok && first.origin.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('GIVEN a misnamed file from a folder THEN parsing it by content gives the right kind', async () => {
    const [feed] = await collect([join(dir, 'folder', 'a-feed.txt')]);
    if (!feed?.ok) throw new Error('expected a document');
    expect(parseDocument(feed.input).map((a) => [a.format, a.headline, a.file])).toEqual([['rss', 'One', 'a-feed.txt']]);
  });

  it.each([
    ['an empty file', 'empty.txt', 'empty file', 'file'],
    ['a binary file', 'binary.txt', 'binary file, not an article', 'file'],
    ['a 50 MB file', 'big.txt', 'file too large (50.0 MB; the limit is 10 MB)', 'file'],
    ['invalid UTF-8', 'latin1.txt', 'not valid UTF-8 text', 'file'],
    ['a missing file', 'missing.txt', 'no such file or folder', 'target'],
    ['a folder with no documents', 'nothing-here', 'no article files in this folder', 'target'],
  ])('GIVEN %s THEN it fails with a clear reason and the next target is still read', async (_what, name, reason, labelled) => {
    const rs = await collect([join(dir, name), join(dir, 'folder', 'b-article.txt')]);
    expect(summary(rs)).toEqual([`failed ${join(dir, name)}: ${reason}`, 'ok b-article.txt']);
    // a file that was read is named by its basename; a target that could not be read at all, as given
    expect(rs[0]?.ok === false && [rs[0].label, rs[0].error.message]).toEqual([labelled === 'file' ? name : join(dir, name), reason]);
  });

  it('GIVEN a smaller size cap THEN a file over it is refused with both sizes', async () => {
    const [r] = await collect([join(dir, 'folder', 'b-article.txt')], { maxBytes: 10 });
    expect(r?.ok).toBe(false);
    expect(!r?.ok && r?.error.message).toMatch(/^file too large \(0\.0 MB; the limit is 0\.0 MB\)$/);
  });

  it('GIVEN an unsupported URL scheme THEN it fails and says which URLs work', async () => {
    const [r] = await collect(['ftp://example.org/a.txt']);
    expect(!r?.ok && r?.error.message).toBe('only http and https URLs can be fetched');
  });
});

describe('readSources: URLs (local server on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  const open = new Set<import('node:http').ServerResponse>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      switch (req.url) {
        case '/story': res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE); break;
        case '/old-story': res.writeHead(301, { location: '/story' }).end(); break;
        case '/feed': res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS); break;
        case '/feed.txt': res.writeHead(200, { 'content-type': 'text/plain' }).end(RSS); break;
        case '/latin1': res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from('Caf\xe9 opens\n\nThe caf\xe9 on the quay opened on Monday.\n', 'latin1')); break;
        case '/missing': res.writeHead(404, { 'content-type': 'text/plain' }).end('nope'); break;
        case '/image': res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])); break;
        case '/slow': res.writeHead(200, { 'content-type': 'text/plain' }); res.write('The start of a story that never ends'); break;
        case '/huge-declared': res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) }); res.write('x'.repeat(1024)); break;
        case '/huge-stream': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = 'word '.repeat(13107); // ~64 KB
          let sent = 0;
          const pump = () => { while (sent < 200 && res.write(chunk)) sent++; if (sent < 200 && !res.destroyed) res.once('drain', pump); else res.end(); };
          pump();
          break;
        }
        default: res.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const res of open) res.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GIVEN a redirected article URL THEN the final URL and content-type come with the document', async () => {
    const [r] = await collect([`${base}/old-story`]);
    if (!r?.ok) throw new Error(`expected a document: ${r?.error.message}`);
    expect(r.label).toBe(`${base}/story`);
    expect(r.input.url).toBe(`${base}/story`);
    expect(r.input.contentType).toBe('text/html; charset=utf-8');
    const [a] = parseDocument(r.input);
    expect(a?.headline).toBe('Port news');
    expect(a?.url).toBe(`${base}/story`);
  });

  it.each([
    ['an RSS feed', '/feed'],
    ['an RSS feed served as text/plain', '/feed.txt'],
  ])('GIVEN %s THEN it is parsed as RSS by its content', async (_what, path) => {
    const [r] = await collect([`${base}${path}`]);
    if (!r?.ok) throw new Error('expected a document');
    expect(parseDocument(r.input).map((a) => a.format)).toEqual(['rss']);
  });

  it('GIVEN a page declared as ISO-8859-1 THEN it is decoded with that charset', async () => {
    const [r] = await collect([`${base}/latin1`]);
    expect(r?.ok && r.input.content).toContain('The café on the quay');
  });

  it.each([
    ['a 404', '/missing', {}, 'the server answered HTTP 404 Not Found'],
    ['an image', '/image', {}, 'not an article (content-type image/png)'],
    ['a response that never finishes', '/slow', { timeoutMs: 300 }, 'timed out after 0.3 s'],
    ['a declared 50 MB response', '/huge-declared', {}, 'page too large (50.0 MB; the limit is 10 MB)'],
    ['a streamed response over the cap', '/huge-stream', { maxBytes: 1024 * 1024 }, 'page too large (over 1 MB)'],
  ])('GIVEN %s THEN the URL fails with a clear reason and the next target is still read', async (_what, path, opts, reason) => {
    const rs = await collect([`${base}${path}`, `${base}/feed`], opts);
    expect(summary(rs)).toEqual([`failed ${base}${path}: ${reason}`, `ok ${base}/feed`]);
  });

  it('GIVEN a failed URL briefed by the ingest use case THEN the log names it with the label and reason the user sees, and its detail', async () => {
    const logged: { obj: Record<string, unknown>; msg: string | undefined }[] = [];
    const logger = { ...silentLogger, warn: (obj: Record<string, unknown>, msg?: string) => { logged.push({ obj, msg }); } };
    const [r] = await collect([`${base}/missing`]);
    const { failures } = briefDocument(r!, logger);
    expect(failures.map(formatIngestLine)).toEqual([`failed: ${base}/missing: the server answered HTTP 404 Not Found`]);
    expect(logged).toEqual([{ obj: expect.objectContaining({ label: `${base}/missing`, code: 'bad_input', status: 404 }), msg: `ingest failed: ${base}/missing: the server answered HTTP 404 Not Found` }]);
  });

  it('GIVEN private addresses not allowed (the default) THEN a loopback URL is refused, unless its address is allowed', async () => {
    const rs = await collect([`${base}/feed`], { allowPrivate: false });
    expect(!rs[0]?.ok && rs[0]?.error.message).toMatch(/^refused address: 127\.0\.0\.1 is a loopback/);
    const only = await collect([`${base}/feed`], { allowPrivate: false, allowedAddresses: ['127.0.0.1'] });
    expect(only[0]?.ok).toBe(true);
  });

  it('GIVEN a closed port THEN the URL fails with "could not connect"', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [r] = await collect([`http://127.0.0.1:${port}/x`]);
    expect(!r?.ok && r?.error.message).toBe('could not connect (connection refused)');
  });
});
