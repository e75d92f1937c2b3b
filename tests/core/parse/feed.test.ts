import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.ts';
import { BriefingError } from '../../../src/core/errors.ts';
import { parseDocument, parseDocumentResult, type ItemFailure } from '../../../src/core/parse/index.ts';

const dir = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const parse = (name: string) => parseDocumentResult({ content: read(name), file: name, url: null });
const texts = (a: Article | undefined, kind: string) => (a ? a.blocks.filter((b) => b.kind === kind).map((b) => a.body.slice(b.start, b.end)) : []);

function thrown(fn: () => unknown): BriefingError {
  try { fn(); } catch (e) { if (e instanceof BriefingError) return e; throw e; }
  throw new Error('expected a BriefingError');
}

describe('RSS 2.0', () => {
  const { articles, failures } = parse('rss.xml');
  const [bridge, library] = articles;

  it('GIVEN two items THEN two articles, in feed order, with no failures', () => {
    expect(articles.map((a) => a.headline)).toEqual(['Council approves new bridge over the Elm river', 'Library extends opening hours']);
    expect(failures).toEqual([]);
  });

  it('GIVEN content:encoded and a description THEN the full content wins, converted to blocks', () => {
    expect(bridge?.body).not.toContain('Short summary');
    expect(bridge?.body.startsWith('The town council voted 9 to 2 on Thursday')).toBe(true);
    expect(texts(bridge, 'heading')).toEqual(['Costs']);
    expect(texts(bridge, 'blockquote')).toEqual(['We listened to the residents, and the residents wanted a bridge.']);
    expect(texts(bridge, 'list')).toEqual(['Construction starts in August', 'Opening planned for spring 2026']);
  });

  it.each([
    ['guid', 'vg-2024-0517-bridge'],
    ['url', 'https://valley-gazette.example/2024/05/bridge'],
    ['published', '2024-05-17T07:15:00Z'],
    ['byline', 'Anna Kowalski'],
    ['source', 'Valley Gazette & Times'],
    ['format', 'rss'],
    ['file', 'rss.xml'],
  ] as const)('GIVEN the first item THEN %s is kept', (field, value) => {
    expect(bridge?.[field]).toBe(value);
  });

  it('GIVEN only an entity-escaped HTML description THEN it is the body, as paragraphs', () => {
    expect(library?.body).toBe('The central library will stay open until 9pm on weekdays from June, the council said.\n\nLibrarians welcomed the change.');
    expect(library?.published).toBe('2024-05-16T18:00:00Z');
  });
});

describe('Atom', () => {
  const { articles } = parse('atom.xml');
  const [glacier, telescope, coral] = articles;

  it('GIVEN three entries THEN three articles with id, alternate link, source and dates', () => {
    expect(articles).toHaveLength(3);
    expect(glacier).toMatchObject({
      guid: 'tag:science-desk.example,2024:glacier',
      url: 'https://science-desk.example/glacier',
      source: 'Northern Science Desk',
      format: 'atom',
      byline: 'Lars Eriksen',
      published: '2024-04-01T13:00:00Z',
    });
    expect(telescope?.published).toBe('2024-03-30T21:00:00Z');
  });

  it('GIVEN html content, an html title, a text summary and xhtml content THEN each becomes plain paragraphs', () => {
    expect(glacier?.body).toBe('Satellite images show that the Ice Tongue glacier has lost a tenth of its length since 2010, researchers said on Monday.\n\n"The speed surprised us," said lead author Dr Ingrid Holm.');
    expect(telescope?.headline).toBe('New telescope sees first light');
    expect(telescope?.body).toBe("The mountain observatory's new telescope recorded its first images on Saturday night.");
    expect(coral?.body).toBe('Marine biologists filmed corals spawning in an aquarium for the first time.');
  });
});

describe('JSON Feed', () => {
  const { articles } = parse('feed.json');
  it('GIVEN content_html and content_text items THEN both become articles with id, url, date and source', () => {
    expect(articles.map((a) => [a.guid, a.url, a.published, a.source, a.format])).toEqual([
      ['hr-1001', 'https://harbour-radio.example/news/ferry-strike', '2024-02-20T16:45:00Z', 'Harbour Radio News', 'jsonfeed'],
      ['hr-1002', 'https://harbour-radio.example/news/fish-market', '2024-02-18', 'Harbour Radio News', 'jsonfeed'],
    ]);
    expect(articles[0]?.byline).toBe('Tom Ansel');
    expect(articles[0]?.body).toContain('"We did not want it to come to this," said union official Rosa Mendes.');
    expect(articles[1]?.body).toBe('The old fish market reopened on Saturday after a year of repairs.\n\nTraders said business was brisk.');
  });
});

describe('broken feeds and items', () => {
  it('GIVEN a feed with one broken item THEN the other items are returned and the broken one is reported', () => {
    const { articles, failures } = parse('rss-broken-item.xml');
    expect(articles.map((a) => a.guid)).toEqual(['hp-1', 'hp-3']);
    expect(failures).toEqual([{ item: 2, id: 'hp-2', reason: 'no text, only a title' }]);
  });

  it('GIVEN parseDocument with onItemError THEN each skipped item is reported through the callback', () => {
    const seen: ItemFailure[] = [];
    const articles = parseDocument({ content: read('rss-broken-item.xml'), file: 'f.xml', url: null }, { onItemError: (f) => seen.push(f) });
    expect(articles).toHaveLength(2);
    expect(seen.map((f) => `failed: item ${f.item} (${f.id}): ${f.reason}`)).toEqual(['failed: item 2 (hp-2): no text, only a title']);
  });

  it('GIVEN a JSON Feed whose second item is not an object THEN the first is kept and the second reported', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'T', items: [{ id: 'a', content_text: 'Some words here.' }, 42] });
    const { articles, failures } = parseDocumentResult({ content: json, file: 'f.json', url: null });
    expect(articles.map((a) => a.guid)).toEqual(['a']);
    expect(failures).toEqual([{ item: 2, id: null, reason: 'the item is not an object' }]);
  });

  it.each([
    ['an XML feed with an unclosed tag', read('malformed.xml'), /^This feed is malformed: .*'item'.* \(line 8\)$/],
    ['a truncated XML feed', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Unclosed', /^This feed is malformed: the document ends before <rss>, <channel>, <item>, <title> are closed \(a truncated download\?\)$/],
    ['RSS without a channel', '<?xml version="1.0"?><rss version="2.0"><item><title>x</title></item></rss>', /^This feed is malformed: an RSS document needs a <channel>$/],
    ['a truncated JSON Feed', '{"version": "https://jsonfeed.org/version/1.1", "items": [ {"id": "1", ', /^This JSON feed is malformed: /],
    ['a JSON Feed whose items is not a list', '{"version": "https://jsonfeed.org/version/1.1", "items": {}}', /"items" is not a list/],
    ['JSON that is not a feed', '{"name": "package", "dependencies": {}}', /^This JSON document is not a JSON Feed/],
    ['XML that is neither RSS nor Atom', '<?xml version="1.0"?><catalog><book>x</book></catalog>', /neither an RSS nor an Atom feed/],
  ])('GIVEN %s THEN a bad_input BriefingError names the problem', (_what, content, message) => {
    const err = thrown(() => parseDocument({ content, file: 'feed.xml', url: null }));
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(message);
  });
});

describe('lenient where feed readers are', () => {
  it.each([
    ['a bare "&"', 'Tom & Jerry return', 'Tom & Jerry return'],
    ['HTML entities (&nbsp; &mdash;)', 'A&nbsp;B &mdash; C', 'A\u00A0B — C'],
    ['numeric entities', 'Q&amp;A &#8217;x&#x2019;', 'Q&A ’x’'],
    ['markup in CDATA', '<![CDATA[Raw <b>bold</b> & more]]>', 'Raw bold & more'],
  ])('GIVEN an item title with %s THEN it is read as plain text', (_what, title, expected) => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>${title}</title><description>Body text here.</description></item></channel></rss>`;
    expect(parseDocument({ content: xml, file: 'f.xml', url: null })[0]?.headline).toBe(expected);
  });
});

describe('item links', () => {
  it('GIVEN a fetched feed with relative item links THEN they are resolved against the feed URL', () => {
    const xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><link>/news/1</link><description>Body text.</description></item></channel></rss>';
    const [a] = parseDocument({ content: xml, file: null, url: 'https://paper.example/feeds/all.xml' });
    expect(a?.url).toBe('https://paper.example/news/1');
  });
});

describe('items with only a title and a link', () => {
  it('GIVEN an RSS item with a title and a link but no text THEN it keeps its link (empty body) for the full-text fetch, and one with no link still fails', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Links only</title>
      <item><title>Bridge reopens</title><link>https://links.example/bridge?utm_source=rss</link><guid>l-1</guid></item>
      <item><title>No link here</title><guid>l-2</guid></item></channel></rss>`;
    const { articles, failures } = parseDocumentResult({ content: rss, file: null, url: 'https://links.example/feed.xml' });
    expect(articles.map((a) => [a.guid, a.headline, a.url, a.body])).toEqual([['l-1', 'Bridge reopens', 'https://links.example/bridge?utm_source=rss', '']]);
    expect(failures).toEqual([{ item: 2, id: 'l-2', reason: 'no text, only a title' }]);
  });
});
