import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration: live sources', () => {
  it('GIVEN nothing THEN no feeds, poll every 10 minutes, private addresses refused', () => {
    expect(loadConfig({}).sources).toEqual({ feeds: [], feedsFile: null, pollMinutes: 10, pollIntervalMs: 600_000, allowPrivate: false });
  });

  it('GIVEN FEEDS with commas, spaces and a repeat THEN checked URLs in order, once each', () => {
    const c = loadConfig({ FEEDS: ' https://Harbour.example/rss.xml, http://city.example/feed.atom,https://harbour.example/rss.xml ', FEEDS_FILE: './feeds.opml', FEED_POLL_MINUTES: '1', ALLOW_PRIVATE_SOURCES: 'true' });
    expect(c.sources).toEqual({ feeds: ['https://harbour.example/rss.xml', 'http://city.example/feed.atom'], feedsFile: './feeds.opml', pollMinutes: 1, pollIntervalMs: 60_000, allowPrivate: true });
  });

  it.each([
    [{ FEEDS: 'https://ok.example/rss,file:///etc/passwd' }, 'FEEDS: file:///etc/passwd: only http and https URLs can be sources (got file)'],
    [{ FEEDS: 'news.example/rss' }, 'FEEDS: news.example/rss: not a URL'],
    [{ FEED_POLL_MINUTES: '0' }, 'FEED_POLL_MINUTES: must be a whole number of minutes, at least 1'],
    [{ FEED_POLL_MINUTES: '2.5' }, 'FEED_POLL_MINUTES: must be a whole number of minutes, at least 1'],
    [{ FEED_POLL_MINUTES: 'often' }, 'FEED_POLL_MINUTES: must be a whole number of minutes, at least 1'],
    [{ ALLOW_PRIVATE_SOURCES: 'maybe' }, 'ALLOW_PRIVATE_SOURCES: must be true or false'],
  ])('GIVEN %o THEN the error says %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([['false', false], ['0', false], ['no', false], ['1', true], ['yes', true]])('GIVEN ALLOW_PRIVATE_SOURCES=%s THEN %s', (v, want) => {
    expect(loadConfig({ ALLOW_PRIVATE_SOURCES: v }).sources.allowPrivate).toBe(want);
  });
});
