import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectKind, parseDocument } from '../../../src/core/parse/index.ts';

const dir = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('detectKind: by content, not by name', () => {
  it.each([
    ['RSS in a .txt file', read('rss.xml'), 'news.txt', null, 'rss'],
    ['Atom in an .html file', read('atom.xml'), 'page.html', null, 'atom'],
    ['Atom served as text/plain', read('atom.xml'), null, 'text/plain', 'atom'],
    ['a JSON Feed in a .txt file', read('feed.json'), 'feed.txt', null, 'jsonfeed'],
    ['an HTML page in a .xml file', read('news-page.html'), 'page.xml', null, 'html'],
    ['an HTML page with no doctype in a .txt file', '<html><body><p>x</p></body></html>', 'a.txt', null, 'html'],
    ['a text article in an .html file', read('article.txt'), 'story.html', null, 'text'],
    ['a text article in a .json file', read('body-only.txt'), 'story.json', 'application/json', 'text'],
    ['RSS 1.0 (RDF)', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel></rdf:RDF>', 'x', null, 'rss'],
    ['a feed after comments and a BOM', '\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0"><channel/></rss>', null, null, 'rss'],
    ['JSON that is not a feed', '{"a": 1}', 'feed.json', null, 'json'],
    ['unknown XML', '<?xml version="1.0"?><catalog/>', 'c.xml', null, 'xml'],
  ] as const)('GIVEN %s THEN the kind is %s', (_what, content, name, contentType, kind) => {
    expect(detectKind(content, { name, contentType })).toBe(kind);
  });

  it.each([
    ['an HTML fragment named .html', '<p>Just a paragraph</p>', 'frag.html', null, 'html'],
    ['an HTML fragment served as text/html', '<div>A fragment</div>', null, 'text/html; charset=utf-8', 'html'],
    ['broken JSON named .json', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'f.json', null, 'jsonfeed'],
    ['broken JSON named .txt', '{ not json', 'f.txt', null, 'text'],
  ] as const)('GIVEN an ambiguous document (%s) THEN the name or content-type breaks the tie', (_what, content, name, contentType, kind) => {
    expect(detectKind(content, { name, contentType })).toBe(kind);
  });

  it('GIVEN misnamed files THEN parseDocument reads each as what it is', () => {
    expect(parseDocument({ content: read('rss.xml'), file: 'rss.txt', url: null }).map((a) => a.format)).toEqual(['rss', 'rss']);
    expect(parseDocument({ content: read('atom.xml'), file: 'atom.html', url: null })[0]?.format).toBe('atom');
    expect(parseDocument({ content: read('news-page.html'), file: 'page.txt', url: null })[0]?.headline).toBe('Harbour towns brace for record spring tides');
  });
});
