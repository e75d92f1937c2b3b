import { describe, expect, it } from 'vitest';
import { canonicalLink } from '../../src/core/canonical-link.ts';
import { checkSourceUrl } from '../../src/core/source-url.ts';

describe('canonicalLink', () => {
  it.each([
    ['GIVEN utm_* parameters', 'https://news.example.org/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://news.example.org/a'],
    ['GIVEN fbclid, gclid and mc_eid among real ones', 'https://news.example.org/story?id=7&fbclid=IwAR0&gclid=Cj0&mc_eid=abc&page=2', 'https://news.example.org/story?id=7&page=2'],
    ['GIVEN a fragment', 'https://news.example.org/a#comments', 'https://news.example.org/a'],
    ['GIVEN an uppercase host and the default port', 'HTTPS://News.Example.ORG:443/A/B', 'https://news.example.org/A/B'],
    ['GIVEN http on port 80', 'http://news.example.org:80/a', 'http://news.example.org/a'],
    ['GIVEN a non-default port', 'http://news.example.org:8080/a', 'http://news.example.org:8080/a'],
    ['GIVEN uppercase tracking names', 'https://x.example/a?UTM_Source=tw&Fbclid=1', 'https://x.example/a'],
    ['GIVEN only tracking parameters', 'https://x.example/a?utm_source=x', 'https://x.example/a'],
    ['GIVEN a trailing dot on the host', 'https://x.example./a', 'https://x.example/a'],
    ['GIVEN a parameter that only looks like one (utmost)', 'https://x.example/a?utmost=1', 'https://x.example/a?utmost=1'],
    ['GIVEN spaces around it', '  https://x.example/a  ', 'https://x.example/a'],
  ])('%s THEN %s -> %s', (_given, link, want) => {
    expect(canonicalLink(link)).toBe(want);
  });

  it.each(['mailto:a@b.c', 'not a link', 'ftp://x.example/a', ''])('GIVEN %j THEN null', (link) => {
    expect(canonicalLink(link)).toBeNull();
  });

  it('GIVEN the same story from two feeds with different tracking THEN one link', () => {
    const a = canonicalLink('https://news.example.org/2026/03/ferry?utm_source=feed-a#top');
    const b = canonicalLink('https://NEWS.example.org:443/2026/03/ferry?fbclid=zzz');
    expect(a).toBe(b);
  });
});

describe('checkSourceUrl', () => {
  it.each([
    [' https://Example.org/feed#x ', { ok: true, url: 'https://example.org/feed' }],
    ['http://example.org:8080/rss', { ok: true, url: 'http://example.org:8080/rss' }],
    ['file:///etc/passwd', { ok: false, reason: 'only http and https URLs can be sources (got file)' }],
    ['javascript:alert(1)', { ok: false, reason: 'only http and https URLs can be sources (got javascript)' }],
    ['https://user:pw@example.org/feed', { ok: false, reason: 'a source URL may not carry a user name or password' }],
    ['example.org/feed', { ok: false, reason: 'not a URL: write it with https:// (https://example.org/feed)' }],
    ['feed please', { ok: false, reason: 'not a URL' }],
  ])('GIVEN %j THEN %o', (input, want) => {
    expect(checkSourceUrl(input)).toEqual(want);
  });
});
