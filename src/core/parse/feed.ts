// Feeds: RSS 2.0 / RSS 1.0 (RDF) and Atom (feed-xml.ts), JSON Feed 1.0/1.1 (feed-json.ts).
// Item content (HTML or text) goes through the same HTML-to-blocks code as pages (feed-item.ts).
export { parseAtom, parseRss, type FeedSource } from './feed-xml.ts';
export { parseJsonFeed, isJsonFeedVersion } from './feed-json.ts';
export type { ItemFailure, ParseResult } from './feed-item.ts';
