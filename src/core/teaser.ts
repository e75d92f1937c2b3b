// Does a feed item carry only a teaser (or nothing but a title and link), so that the linked page
// should be fetched for the article? Pure.
//
//   isTeaser(article) -> true when the body is empty, under `minWords` (default 120) words, or
//   short (under 400 words) and ends like a teaser: "…", "[...]", "Read more", "Continue reading".
import type { Article } from './article.ts';

export const TEASER_MIN_WORDS = 120;
const TEASER_ENDING_MAX_WORDS = 400;
const TEASER_ENDING = /(?:…|\.\.\.|\[(?:…|\.\.\.)\]|\b(?:read|see) (?:the )?(?:more|full (?:story|article))\W*|\bcontinue reading\b.*|\bthe post .{1,200} appeared first on .{1,200})\s*$/iu;

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function isTeaser(article: Pick<Article, 'body'>, minWords = TEASER_MIN_WORDS): boolean {
  const body = article.body.trim();
  const words = wordCount(body);
  if (words < minWords) return true;
  return words < TEASER_ENDING_MAX_WORDS && TEASER_ENDING.test(body);
}
