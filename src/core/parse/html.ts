// HTML pages: the main content through @mozilla/readability over a linkedom DOM, converted to
// paragraphs (never the raw textContent blob); metadata from the page's meta tags and JSON-LD.
import { Readability } from '@mozilla/readability';
import type { Article } from '../article.ts';
import { BriefingError } from '../errors.ts';
import { assembleBody, collapseSpace } from './blocks.ts';
import { toIsoDate } from './dates.ts';
import { parseDom, type DomElement } from './dom.ts';
import { readPageMeta } from './html-meta.ts';
import { elementToParas } from './html-blocks.ts';

export interface HtmlSource {
  file: string | null;
  /** The URL the page was fetched from (after redirects), if any. */
  url: string | null;
}

/** Fewer words than this in the extracted content: the page has no article. */
const MIN_ARTICLE_WORDS = 40;

type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

function noArticle(source: HtmlSource, reason: string): BriefingError {
  return new BriefingError('bad_input', 'This page has no article text', {
    context: { file: source.file, url: source.url, reason },
  });
}

/** "Headline | Site" or "Headline - Site" -> "Headline" when the suffix is the site's name. */
function stripSiteSuffix(title: string, site: string | null): string {
  if (!site || title.length > 500) return title;
  const m = /^(.*\S)\s+[|\-–—:·]\s+(.+)$/u.exec(title);
  return m && m[2]?.trim().toLowerCase() === site.toLowerCase() && m[1] ? m[1] : title;
}

function isBylineLine(text: string, byline: string | null): boolean {
  if (text.split(/\s+/u).length > 15) return false;
  if (/^by\s+\p{Lu}/iu.test(text)) return true;
  return byline !== null && text.toLowerCase().startsWith(byline.toLowerCase());
}

export function parseHtml(html: string, source: HtmlSource): Article {
  const doc = parseDom(html);
  const meta = readPageMeta(doc, source.url);
  let result: ReturnType<Readability<DomElement>['parse']>;
  try {
    const reader = new Readability<DomElement>(doc as unknown as ReadabilityDoc, {
      serializer: (node) => node as unknown as DomElement,
    });
    result = reader.parse();
  } catch (e) {
    throw noArticle(source, `readability failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!result?.content) throw noArticle(source, 'readability found no main content');

  const site = meta.siteName ?? (result.siteName ? collapseSpace(result.siteName) : null);
  const readerTitle = result.title ? collapseSpace(result.title) : null;
  const rawTitle = (meta.titleFromTag ? readerTitle : null) ?? meta.title ?? readerTitle;
  const headline = rawTitle ? stripSiteSuffix(rawTitle, site) : null;

  const paras = elementToParas(result.content);
  // Readability often keeps the page's own <h1>: the headline is not part of the body.
  const first = paras[0];
  if (first && first.kind === 'heading' && headline && first.text.toLowerCase() === headline.toLowerCase()) paras.shift();
  const byline = meta.byline ?? (result.byline ? collapseSpace(result.byline) : null);
  // ... and sometimes the byline line ("By Maria Lindqvist, 11 March 2024") when the meta had it.
  const lead = paras[0];
  if (lead && isBylineLine(lead.text, byline)) paras.shift();
  const { body, blocks } = assembleBody(paras);
  const words = body.split(/\s+/u).filter(Boolean).length;
  if (words < MIN_ARTICLE_WORDS) throw noArticle(source, `only ${words} words of main content`);

  return {
    guid: null,
    url: meta.canonical,
    file: source.file,
    source: site,
    format: 'html',
    headline,
    byline,
    published: meta.published ?? toIsoDate(result.publishedTime),
    bullets: [],
    body,
    blocks,
  };
}
