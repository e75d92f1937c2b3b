import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.ts';
import { BriefingError } from '../../../src/core/errors.ts';
import { parseHtml } from '../../../src/core/parse/html.ts';

const dir = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
const page = readFileSync(`${dir}news-page.html`, 'utf8');
const texts = (a: Article, kind: string) => a.blocks.filter((b) => b.kind === kind).map((b) => a.body.slice(b.start, b.end));

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) =>
  `<p>Paragraph ${i + 1} of the story explains what the harbour council decided on Monday and what residents should expect next week.</p>`).join('\n');

describe('parseHtml: a news page with navigation, ads and a footer', () => {
  const a = parseHtml(page, { file: null, url: 'https://www.coastal-courier.example/news/2024/03/harbour-tides?utm_source=feed' });

  it('GIVEN og:title THEN the headline is the article title without the site suffix', () => {
    expect(a.headline).toBe('Harbour towns brace for record spring tides');
  });

  it.each([
    ['the site name (og:site_name)', 'source', 'The Coastal Courier'],
    ['the byline (meta author)', 'byline', 'Maria Lindqvist'],
    ['the published date (article:published_time, to UTC)', 'published', '2024-03-11T06:30:00Z'],
    ['the canonical URL resolved against the fetched URL', 'url', 'https://www.coastal-courier.example/news/2024/03/harbour-tides'],
    ['the format', 'format', 'html'],
  ] as const)('GIVEN the page meta THEN the article has %s', (_what, field, value) => {
    expect(a[field]).toBe(value);
  });

  it('GIVEN navigation, ads, related links, a newsletter form, a caption and a footer THEN none reach the body', () => {
    for (const noise of ['Subscribe', 'Advertisement', 'Related stories', 'Fishing quotas', 'newsletter', 'All rights reserved', 'barrier during a test', 'trackPageView', 'By Maria']) {
      expect(a.body).not.toContain(noise);
    }
  });

  it('GIVEN p, h2, blockquote and li elements THEN they become paragraph, heading, blockquote and list blocks', () => {
    expect(texts(a, 'paragraph')[0]).toMatch(/^Coastal towns along the northern shore/);
    expect(texts(a, 'heading')).toEqual(['Sandbags and shelters']);
    expect(texts(a, 'blockquote')).toEqual(['We are ready, but the sea always gets a vote. Stay away from the sea walls when the water is high.']);
    expect(texts(a, 'list')).toEqual(['Barrier closures at 18:00 on Tuesday', 'Shelters open from 20:00']);
    expect(a.body).toContain('"We have never had to close all three gates at once," said harbour master Tomas Berg.');
  });

  it('GIVEN the article paragraphs THEN the body keeps them apart with blank lines, not as one text blob', () => {
    expect(a.body.split('\n\n')).toHaveLength(a.blocks.length);
    expect(a.blocks.length).toBeGreaterThanOrEqual(9);
  });
});

describe('parseHtml: metadata fallbacks', () => {
  it.each([
    ['JSON-LD datePublished', '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-01-05T10:00:00Z","publisher":{"@type":"Organization","name":"Ledger Daily"}}</script>', '2024-01-05T10:00:00Z', 'Ledger Daily'],
    ['a <time datetime> in the article', '', '2023-12-24', null],
  ])('GIVEN only %s THEN published (and source) come from it', (_what, head, published, site) => {
    const html = `<!DOCTYPE html><html><head><title>Quiet week at the port | Ledger Daily</title>${head}</head><body><article><h1>Quiet week at the port</h1><time datetime="2023-12-24">Christmas Eve</time>${paragraphs(4)}</article></body></html>`;
    const a = parseHtml(html, { file: 'page.html', url: null });
    expect(a.published).toBe(published);
    expect(a.source).toBe(site);
    expect(a.headline).toBe('Quiet week at the port');
    expect(a.url).toBeNull();
    expect(a.file).toBe('page.html');
  });

  it('GIVEN a page without canonical link THEN the fetched URL is the article URL', () => {
    const a = parseHtml(`<html><head><title>Port news</title></head><body><article>${paragraphs(4)}</article></body></html>`, { file: null, url: 'https://port.example/a?b=1' });
    expect(a.url).toBe('https://port.example/a?b=1');
  });

  it('GIVEN <br><br> inside a block THEN it splits paragraphs', () => {
    const a = parseHtml(`<html><head><title>T</title></head><body><article><div>${'First part of the story told in a long sentence that keeps going on and on. '.repeat(3)}<br><br>${'Second part of the story in another long sentence with many words. '.repeat(3)}</div>${paragraphs(2)}</article></body></html>`, { file: null, url: null });
    expect(a.body.split('\n\n')[0]).toMatch(/^First part.*on and on\.$/);
    expect(a.body.split('\n\n')[1]).toMatch(/^Second part/);
  });
});

describe('parseHtml: no article', () => {
  it.each([
    ['a login page', readFileSync(`${dir}no-article.html`, 'utf8')],
    ['an empty body', '<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>'],
    ['a page with one short line', '<html><body><p>Coming soon.</p></body></html>'],
  ])('GIVEN %s THEN a bad_input BriefingError says the page has no article text', (_what, html) => {
    let err: unknown;
    try { parseHtml(html, { file: 'p.html', url: null }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(BriefingError);
    expect((err as BriefingError).code).toBe('bad_input');
    expect((err as BriefingError).message).toBe('This page has no article text');
    expect((err as BriefingError).context['file']).toBe('p.html');
  });
});
