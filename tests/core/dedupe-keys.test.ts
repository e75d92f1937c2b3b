import { describe, expect, it } from 'vitest';
import { contentHash, guidKey } from '../../src/core/dedupe-keys.ts';

describe('feed item guids', () => {
  it.each([
    ['GIVEN a feed-local id THEN it is scoped by the feed', { guid: '1', source: 'Feed A' }, 'Feed A\u001f1'],
    ['GIVEN an http URL THEN it is global', { guid: 'https://x.test/1', source: 'Feed A' }, 'https://x.test/1'],
    ['GIVEN a tag: URI (Atom) THEN it is global', { guid: 'tag:x.test,2024:1', source: 'Feed B' }, 'tag:x.test,2024:1'],
    ['GIVEN a urn THEN it is global', { guid: 'urn:uuid:6e8bc430', source: null }, 'urn:uuid:6e8bc430'],
    ['GIVEN no guid THEN there is no key', { guid: null, source: 'Feed A' }, null],
    ['GIVEN a blank guid THEN there is no key', { guid: '  ', source: 'Feed A' }, null],
  ] as const)('%s', (_name, input, expected) => {
    expect(guidKey(input)).toBe(expected);
  });

  it.each([
    ['GIVEN a feed-local id fetched from a feed URL THEN it is scoped by that URL, not the title', { guid: '1', source: 'News' }, 'https://a.test/feed', 'https://a.test/feed\u001f1'],
    ['GIVEN two feeds with the same title THEN item "1" of each has its own key', { guid: '1', source: 'News' }, 'https://b.test/feed', 'https://b.test/feed\u001f1'],
    ['GIVEN an absolute URI guid THEN the feed URL does not scope it', { guid: 'https://x.test/1', source: 'News' }, 'https://a.test/feed', 'https://x.test/1'],
  ] as const)('%s', (_name, input, feedUrl, expected) => {
    expect(guidKey(input, feedUrl)).toBe(expected);
  });
});

describe('content hash', () => {
  const base = { headline: 'Ferry strike', body: 'Ferry crews vote to strike.' };
  it.each([
    ['GIVEN other spacing and case THEN the hash is the same', { headline: ' ferry  STRIKE ', body: 'Ferry crews\n vote to strike. ' }, true],
    ['GIVEN a compatibility character (NFKC) THEN the hash is the same', { headline: '\uFF26erry strike', body: 'Ferry crews vote to strike.' }, true],
    ['GIVEN another word in the body THEN the hash differs', { headline: 'Ferry strike', body: 'Ferry crews vote to strike again.' }, false],
    ['GIVEN another headline THEN the hash differs', { headline: 'Ferry strike ends', body: base.body }, false],
    ['GIVEN the headline moved into the body THEN the hash differs', { headline: null, body: `Ferry strike\n${base.body}` }, false],
  ] as const)('%s', (_name, other, same) => {
    expect(contentHash(other) === contentHash(base)).toBe(same);
  });

  it('GIVEN an article THEN its hash is hex SHA-256', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});
