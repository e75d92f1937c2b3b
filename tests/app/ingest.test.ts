// ingestDocument: every document gets at least one line of outcome; nothing is silently dropped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { formatIngestLine, ingestDocument } from '../../src/app/ingest.ts';
import { textDocument } from '../../src/app/ingest-document.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';

const opened: Store[] = [];
async function deps() {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'nb-ingest-')), 'test.db'));
  opened.push(store);
  return { store, clock: { now: () => new Date('2024-05-01T08:00:00Z') }, logger: silentLogger };
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const EMPTY_ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet desk</title><id>tag:q.test,2024:feed</id></feed>';
const EMPTY_RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title><link>https://q.test/</link></channel></rss>';
const EMPTY_JSON = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Quiet', items: [] });

describe('ingestDocument', () => {
  it.each([
    ['GIVEN an Atom feed with no entries', 'empty.atom', EMPTY_ATOM],
    ['GIVEN an RSS feed with no items', 'empty.rss', EMPTY_RSS],
    ['GIVEN a JSON Feed with no items', 'empty.json', EMPTY_JSON],
  ])('%s THEN one failed line says the feed has no items, and nothing is stored', async (_name, file, content) => {
    const d = await deps();
    const lines = await ingestDocument(d, textDocument(file, { content, file, url: null }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.status).toBe('failed');
    expect(formatIngestLine(lines[0]!)).toBe(`failed: ${file}: no articles in it (the feed has no items)`);
    expect(await d.store.countArticles()).toBe(0);
  });

  it('GIVEN two JSON feeds whose items share the id "1" THEN both items are stored', async () => {
    const d = await deps();
    const feed = (title: string, text: string) =>
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, items: [{ id: '1', title: `${title} news`, content_text: text }] });
    const a = await ingestDocument(d, textDocument('a.json', { content: feed('Harbour Radio', 'Ferry crews voted to strike for two days next week.'), file: 'a.json', url: null }));
    const b = await ingestDocument(d, textDocument('b.json', { content: feed('Valley Gazette', 'The council approved a new footbridge over the river.'), file: 'b.json', url: null }));
    expect([...a, ...b].map((l) => l.status)).toEqual(['stored', 'stored']);
    expect(await d.store.countArticles()).toBe(2);
  });
});

const RSS = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Radio</title>${items}</channel></rss>`;
const ITEM = (guid: string, title: string, text: string) => `<item><guid>${guid}</guid><title>${title}</title><description>${text}</description></item>`;

describe('ingestDocument: one line per article, named once', () => {
  it('GIVEN a feed of two items THEN each stored line names the feed item by position and shows its headline once', async () => {
    const d = await deps();
    const content = RSS(ITEM('a1', 'Ferry strike called', 'Ferry crews voted to strike for two days next week.') + ITEM('a2', 'Footbridge approved', 'The council approved a new footbridge over the river.'));
    const lines = (await ingestDocument(d, textDocument('news/harbour.xml', { content, file: 'news/harbour.xml', url: null }))).map(formatIngestLine);
    expect(lines).toEqual([
      expect.stringMatching(/^stored: news\/harbour\.xml › item 1 \(#\d+\) Ferry strike called$/),
      expect.stringMatching(/^stored: news\/harbour\.xml › item 2 \(#\d+\) Footbridge approved$/),
    ]);
  });

  it('GIVEN a remembered file ingested once THEN the same bytes again are "unchanged" and nothing is stored twice', async () => {
    const d = await deps();
    const doc = { ...textDocument('a.txt', { content: 'Ferry strike called\n\nFerry crews voted to strike for two days next week.\n', file: 'a.txt', url: null }) };
    doc.origin = { ...doc.origin, path: '/seeds/a.txt', sha256: 'f'.repeat(64) };
    expect((await ingestDocument(d, doc, { remember: true })).map((l) => l.status)).toEqual(['stored']);
    expect((await ingestDocument(d, doc, { remember: true })).map(formatIngestLine)).toEqual(['unchanged: a.txt (already ingested)']);
    // without remember, the same text is a duplicate of the stored article
    expect((await ingestDocument(d, doc)).map((l) => l.status)).toEqual(['duplicate']);
    expect(await d.store.countArticles()).toBe(1);
  });
});
