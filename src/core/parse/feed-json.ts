// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1): one Article per item.
import { BriefingError } from '../errors.ts';
import { toIsoDate } from './dates.ts';
import { buildFeedArticle, collectItems, type FeedItemFields, type ParseResult } from './feed-item.ts';
import type { FeedSource } from './feed-xml.ts';

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

function authors(item: Json): string | null {
  const list = Array.isArray(item['authors']) ? item['authors'] : item['author'] ? [item['author']] : [];
  const names = list.map((a) => (a && typeof a === 'object' ? str((a as Json)['name']) : null)).filter((n): n is string => n !== null);
  return names.length ? names.join(', ') : null;
}

function jsonItem(v: unknown): FeedItemFields {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new BriefingError('bad_input', 'the item is not an object');
  const item = v as Json;
  return {
    guid: str(item['id']),
    url: str(item['url']) ?? str(item['external_url']),
    title: str(item['title']),
    content: str(item['content_html']) ?? str(item['content_text']),
    summary: str(item['summary']),
    published: toIsoDate(str(item['date_published']) ?? str(item['date_modified'])),
    byline: authors(item),
  };
}

export function isJsonFeedVersion(v: unknown): boolean {
  return typeof v === 'string' && /^https?:\/\/jsonfeed\.org\/version\//i.test(v);
}

export function parseJsonFeed(json: string, source: FeedSource): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new BriefingError('bad_input', `This JSON feed is malformed: ${e instanceof Error ? e.message : String(e)}`, { context: { file: source.file, url: source.url } });
  }
  const feed = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Json) : null;
  if (!feed || !isJsonFeedVersion(feed['version'])) {
    throw new BriefingError('bad_input', 'This JSON document is not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")', { context: { file: source.file, url: source.url } });
  }
  if (!Array.isArray(feed['items'])) {
    throw new BriefingError('bad_input', 'This JSON feed is malformed: "items" is not a list', { context: { file: source.file, url: source.url } });
  }
  const ctx = { file: source.file, baseUrl: source.url, source: str(feed['title']), format: 'jsonfeed' as const };
  return collectItems(feed['items'] as unknown[], (it) => buildFeedArticle(jsonItem(it), ctx), (it) => {
    const f = jsonItem(it);
    return f.guid ?? f.url ?? f.title;
  });
}
