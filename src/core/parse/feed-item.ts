// One feed item -> Article, shared by RSS, Atom and JSON Feed; and the per-item failure shape.
import type { Article, ArticleFormat } from '../article.ts';
import { BriefingError } from '../errors.ts';
import { assembleBody, collapseSpace, type Para } from './blocks.ts';
import { parseFragment } from './dom.ts';
import { htmlToParas, looksLikeHtml } from './html-blocks.ts';

/** An item of a feed that could not be read; the other items are still returned. */
export interface ItemFailure {
  /** 1-based position of the item in the feed. */
  item: number;
  /** The item's guid / id / link, or its title, when it has one. */
  id: string | null;
  /** Plain words, e.g. "no text, only a title". */
  reason: string;
}

/** What a parser returns: articles, plus the items it had to skip (empty for non-feeds). */
export interface ParseResult {
  articles: Article[];
  failures: ItemFailure[];
}

export interface FeedItemFields {
  guid: string | null;
  url: string | null;
  title: string | null;
  /** Full content, HTML or plain text (content:encoded, atom content, content_html). */
  content: string | null;
  /** Summary / description, used when there is no full content. */
  summary: string | null;
  published: string | null;
  byline: string | null;
}

export interface FeedContext {
  file: string | null;
  /** The feed's own URL, to resolve relative item links against. */
  baseUrl?: string | null;
  source: string | null;
  format: ArticleFormat;
}

/** Plain text or HTML -> paragraphs. */
export function contentToParas(content: string): Para[] {
  if (looksLikeHtml(content)) return htmlToParas(content);
  return content.split(/\n[ \t\u00A0]*\n/u).map((p) => ({ kind: 'paragraph' as const, text: collapseSpace(p) }));
}

/** A title that may carry markup or entities ("Q&amp;A", "<b>Live</b>") -> plain text. */
export function plainTitle(title: string | null): string | null {
  if (!title) return null;
  const text = /[<&]/.test(title) ? parseFragment(title).textContent ?? '' : title;
  return collapseSpace(text) || null;
}

function resolveLink(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try { return new URL(link, base ?? undefined).href; } catch { return link; }
}

export function buildFeedArticle(f: FeedItemFields, ctx: FeedContext): Article {
  const headline = plainTitle(f.title);
  let paras = f.content?.trim() ? contentToParas(f.content) : [];
  if (paras.every((p) => !p.text.trim()) && f.summary?.trim()) paras = contentToParas(f.summary);
  const { body, blocks } = assembleBody(paras);
  // A title and a link (many feeds give no more): kept with an empty body, so the poller can
  // fetch the linked page (sources/full-text.ts); ingestion without full text reports it.
  if (!body && !(headline && f.url)) {
    throw new BriefingError('bad_input', headline ? 'no text, only a title' : 'no title and no text', {
      context: { guid: f.guid, url: f.url },
    });
  }
  return {
    guid: f.guid,
    url: resolveLink(f.url, ctx.baseUrl ?? null),
    file: ctx.file,
    source: ctx.source,
    format: ctx.format,
    headline,
    byline: f.byline,
    published: f.published,
    bullets: [],
    body,
    blocks,
  };
}

/** Runs `build` for each item; an item that throws becomes a failure, the rest carry on. */
export function collectItems<T>(
  items: readonly T[],
  build: (item: T) => Article,
  idOf: (item: T) => string | null,
): ParseResult {
  const result: ParseResult = { articles: [], failures: [] };
  items.forEach((item, i) => {
    try {
      result.articles.push(build(item));
    } catch (e) {
      let id: string | null = null;
      try { id = idOf(item); } catch { id = null; }
      result.failures.push({ item: i + 1, id, reason: e instanceof Error ? e.message : String(e) });
    }
  });
  return result;
}
