import { describe, expect, it } from 'vitest';
import { parseFeedList, parseFeedsFile, parseOpml } from '../../../src/core/parse/feed-list.ts';

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="Harbour News" title="Harbour News &amp; Tides" xmlUrl="https://harbour.example/rss.xml" htmlUrl="https://harbour.example/"/>
      <outline text="Deeper">
        <outline type="rss" text="City Hall" xmlUrl="https://city.example/feed.atom"/>
      </outline>
    </outline>
    <outline type="rss" xmlurl="http://plain.example/feed"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Again" xmlUrl="https://harbour.example/rss.xml"/>
    <outline text="a folder with nothing in it"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('GIVEN nested outlines THEN every xmlUrl with its title (else text), in order; a file URL and a repeat are problems', () => {
    expect(parseOpml(OPML)).toEqual({
      feeds: [
        { url: 'https://harbour.example/rss.xml', label: 'Harbour News & Tides' },
        { url: 'https://city.example/feed.atom', label: 'City Hall' },
        { url: 'http://plain.example/feed', label: null },
      ],
      problems: [
        { line: null, text: 'file:///etc/passwd', reason: 'only http and https URLs can be sources (got file)' },
        { line: null, text: 'https://harbour.example/rss.xml', reason: 'listed twice' },
      ],
    });
  });

  it('GIVEN broken XML THEN a plain error with its line', () => {
    expect(() => parseOpml('<opml><body><outline xmlUrl="https://a.example/f">\n</body></opml>')).toThrow(/^This OPML file is malformed: .*\(line \d+\)$/);
  });

  it('GIVEN an RSS feed instead of OPML THEN it says so', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow('This XML file is not OPML (no <opml> root)');
  });
});

describe('parseFeedsFile', () => {
  it('GIVEN URLs with optional labels, comments and blank lines THEN entries in order; bad lines are problems with their line number', () => {
    const text = [
      '# my feeds',
      'https://harbour.example/rss.xml Harbour News',
      '',
      '   https://city.example/feed.atom\t"City Hall"  ',
      'https://plain.example/feed',
      'harbour.example/other.xml',
      'https://Harbour.example/rss.xml duplicate',
      'https://tides.example/rss | Tides and weather',
      'ftp://old.example/feed',
    ].join('\r\n');
    expect(parseFeedsFile(text)).toEqual({
      feeds: [
        { url: 'https://harbour.example/rss.xml', label: 'Harbour News' },
        { url: 'https://city.example/feed.atom', label: 'City Hall' },
        { url: 'https://plain.example/feed', label: null },
        { url: 'https://tides.example/rss', label: 'Tides and weather' },
      ],
      problems: [
        { line: 6, text: 'harbour.example/other.xml', reason: 'not a URL: write it with https:// (https://harbour.example/other.xml)' },
        { line: 7, text: 'https://Harbour.example/rss.xml', reason: 'the same feed as line 2' },
        { line: 9, text: 'ftp://old.example/feed', reason: 'only http and https URLs can be sources (got ftp)' },
      ],
    });
  });

  it('GIVEN an empty file THEN no feeds and no problems', () => {
    expect(parseFeedsFile('\n# nothing yet\n')).toEqual({ feeds: [], problems: [] });
  });
});

describe('parseFeedList', () => {
  it('GIVEN OPML (with a BOM) THEN it is read as OPML; GIVEN lines THEN as the line format', () => {
    expect(parseFeedList(`\uFEFF${OPML}`).feeds).toHaveLength(3);
    expect(parseFeedList('https://a.example/f A').feeds).toEqual([{ url: 'https://a.example/f', label: 'A' }]);
  });
});
