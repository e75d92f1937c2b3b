import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentResult } from '../../../src/core/parse/index.ts';
import { fetchFeed } from '../../../src/sources/fetch/fetch-document.ts';
import { rss, startLocalServer, type LocalServer } from '../local-server.ts';

let server: LocalServer;
const open = { allowPrivate: true } as const;

beforeAll(async () => {
  server = await startLocalServer();
  const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>M\u00fcnchen heute</title><item><guid>m1</guid><title>Stra\u00dfenbahn</title><description>Die Stra\u00dfenbahn f\u00e4hrt wieder.</description></item></channel></rss>', 'latin1');
  server.route('/latin1.xml', (_req, res) => { res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' }); res.end(gzipSync(latin)); });
  server.route('/truncated.xml', (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(rss([{ guid: 'a', title: 'A', text: 'Text.' }]).slice(0, -20)); });
  server.route('/json', (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"status":"ok"}'); });
  server.route('/jsonfeed', (_req, res) => { res.writeHead(200, { 'content-type': 'application/feed+json' }); res.end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: 'j1', title: 'J one', content_text: 'The text of the item.' }] })); });
});

afterAll(async () => { await server.close(); });

describe('fetchFeed', () => {
  it('GIVEN a gzipped ISO-8859-1 feed declared only by <?xml encoding?> THEN it is read right', async () => {
    const r = await fetchFeed(server.url('/latin1.xml'), open);
    if (r.kind !== 'document') throw new Error(r.kind === 'failed' ? r.message : r.kind);
    expect(r.documentKind).toBe('rss');
    const [a] = parseDocumentResult(r.input).articles;
    expect(a).toMatchObject({ source: 'M\u00fcnchen heute', headline: 'Stra\u00dfenbahn', body: 'Die Stra\u00dfenbahn f\u00e4hrt wieder.' });
  });

  it('GIVEN a JSON Feed THEN a document of kind jsonfeed', async () => {
    expect(await fetchFeed(server.url('/jsonfeed'), open)).toMatchObject({ kind: 'document', documentKind: 'jsonfeed' });
  });

  it('GIVEN JSON that is not a feed THEN not-a-feed', async () => {
    expect(await fetchFeed(server.url('/json'), open)).toMatchObject({ kind: 'failed', reason: 'not-a-feed', message: 'not a feed: the server sent JSON that is not a JSON Feed (application/json)' });
  });

  it('GIVEN a truncated feed THEN it is fetched as RSS and the parser names the problem', async () => {
    const r = await fetchFeed(server.url('/truncated.xml'), open);
    if (r.kind !== 'document') throw new Error(r.kind);
    expect(() => parseDocumentResult(r.input)).toThrow(/^This feed is malformed: /);
  });
});
