// Full text for a feed item that carries only a teaser, or nothing but a title and a link:
// fetch the linked page and take the article with Readability (core/parse/html.ts). Never throws:
// when the page cannot be had, the teaser is kept and the reason is reported.
//
//   completeArticle(item, { fetchPage }) -> FullTextOutcome
//     'not-needed'  the item has its text already (core/teaser.ts isTeaser is false); no request
//     'full'        article = the page's body and blocks, with the feed's guid, link, headline,
//                   date, source and format kept (the page fills what the feed lacks)
//     'kept'        article = the item as it was (null when it had no text at all), reason in
//                   plain words ("the server answered HTTP 404 Not Found", "This page has no
//                   article text (only 12 words of main content)", "the item has no link")
// `fetchPage` is injected so the poller can run it through the per-host gate (host-gate.ts),
// e.g. (url) => gate.run(hostKey(url), () => fetchPage(url, fetchOptions)).
// Scripts never run: the page is parsed by linkedom, an inert DOM, and read by Readability.
import type { Article } from '../core/article.ts';
import { isBriefingError } from '../core/errors.ts';
import { parseHtml } from '../core/parse/html.ts';
import { isTeaser, TEASER_MIN_WORDS, wordCount } from '../core/teaser.ts';
import type { DocumentOutcome } from './fetch/fetch-document.ts';
import type { FetchFailureReason } from './fetch/fetch-resource.ts';

export type FullTextFailure = FetchFailureReason | 'no-link' | 'no-article' | 'shorter-than-teaser';

export type FullTextOutcome =
  | { kind: 'not-needed'; article: Article }
  | { kind: 'full'; article: Article; pageUrl: string }
  | { kind: 'kept'; article: Article | null; reason: string; failure: FullTextFailure };

export interface FullTextOptions {
  fetchPage: (url: string) => Promise<DocumentOutcome>;
  /** Fewer words than this in the item: fetch the page (default 120). */
  minWords?: number;
}

/** Enough of a feed item to complete it: an Article, whose body may be '' (title and link only). */
export type FeedItemArticle = Article;

function kept(item: Article, reason: string, failure: FullTextFailure): FullTextOutcome {
  return { kind: 'kept', article: item.body.trim() ? item : null, reason, failure };
}

function merge(item: Article, page: Article): Article {
  return {
    ...page,
    guid: item.guid ?? page.guid,
    url: item.url ?? page.url,
    file: item.file,
    source: item.source ?? page.source,
    format: item.format,
    headline: item.headline ?? page.headline,
    byline: item.byline ?? page.byline,
    published: item.published ?? page.published,
  };
}

export async function completeArticle(item: Article, opts: FullTextOptions): Promise<FullTextOutcome> {
  if (!isTeaser(item, opts.minWords ?? TEASER_MIN_WORDS)) return { kind: 'not-needed', article: item };
  if (!item.url) return kept(item, 'the item has no link to fetch the full text from', 'no-link');
  const fetched = await opts.fetchPage(item.url);
  if (fetched.kind === 'failed') return kept(item, fetched.message, fetched.reason);
  if (fetched.kind === 'not-modified') return kept(item, 'the page was not modified since it was last fetched', 'http-status');
  let page: Article;
  try {
    page = parseHtml(fetched.input.content, { file: null, url: fetched.finalUrl });
  } catch (e) {
    const detail = isBriefingError(e) && typeof e.context['reason'] === 'string' ? ` (${e.context['reason']})` : '';
    return kept(item, `${e instanceof Error ? e.message : String(e)}${detail}`, 'no-article');
  }
  if (wordCount(page.body) <= wordCount(item.body)) {
    return kept(item, 'the page has no more text than the feed item', 'shorter-than-teaser');
  }
  return { kind: 'full', article: merge(item, page), pageUrl: fetched.finalUrl };
}
