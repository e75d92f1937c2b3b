// The keys an article is deduplicated on: its guid (scoped by feed when not globally unique), its
// URL, and a hash of its normalised headline and body. Pure (node:crypto's hash is deterministic).
import { createHash } from 'node:crypto';
import type { Article } from './article.ts';

/** The same text whatever its Unicode form, spacing and case. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** SHA-256 of the normalised headline and body: a re-spaced or re-cased copy has the same hash. */
export function contentHash(article: Pick<Article, 'headline' | 'body'>): string {
  return createHash('sha256').update(norm(article.headline ?? '')).update('\n').update(norm(article.body)).digest('hex');
}

/**
 * The key an article's guid is deduplicated on. RSS guids and JSON Feed ids are only unique
 * within their feed ("1", "42" are common), so an id that is not an absolute URI (http:, urn:,
 * tag:, as Atom requires) is scoped by the feed's URL when it was fetched (two feeds may share a
 * title, and a feed may change its title), else by the feed's name (a file): item "1" of two
 * feeds is two articles.
 */
export function guidKey(article: Pick<Article, 'guid' | 'source'>, feedUrl: string | null = null): string | null {
  const guid = article.guid?.trim();
  if (!guid) return null;
  if (/^[a-z][a-z0-9+.-]*:\S/i.test(guid)) return guid;
  return feedUrl ? `${feedUrl}\u001f${guid}` : `${article.source ?? ''}\u001f${guid}`;
}
