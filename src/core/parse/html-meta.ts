// Page metadata from <head>: title, byline, published date, canonical URL, site name.
// Read before readability runs (it rewrites the DOM). JSON-LD is parsed defensively.
import { collapseSpace } from './blocks.ts';
import { toIsoDate } from './dates.ts';
import type { DomDocument } from './dom.ts';

export interface PageMeta {
  title: string | null;
  /** The title is only the <title> tag (often "Headline | Site"): readability's title is better. */
  titleFromTag: boolean;
  byline: string | null;
  published: string | null;
  canonical: string | null;
  siteName: string | null;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

type Json = Record<string, unknown>;

function jsonLdObjects(doc: DomDocument): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(visit); return; }
    if (v === null || typeof v !== 'object') return;
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try { visit(JSON.parse(s.textContent ?? '')); } catch { /* a broken JSON-LD block is ignored */ }
  }
  return out;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => x !== null);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return nameOf((v as Json)['name']);
  return null;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try { return new URL(href, base ?? undefined).href; } catch { return null; }
}

const ARTICLE_TYPES = /Article|Posting|Report|Blog/i;

export function readPageMeta(doc: DomDocument, fetchedUrl: string | null): PageMeta {
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => ARTICLE_TYPES.test(String(o['@type'] ?? ''))) ?? ld.find((o) => 'datePublished' in o) ?? null;

  const timeEl = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[pubdate]') ?? doc.querySelector('time[datetime]');
  const published = [
    meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate',
      'date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date'),
    typeof article?.['datePublished'] === 'string' ? article['datePublished'] : null,
    timeEl?.getAttribute('datetime') ?? null,
  ].map(toIsoDate).find((d) => d !== null) ?? null;

  const canonical = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, meta(doc, 'og:url')]
    .map((href) => resolveUrl(href, fetchedUrl))
    .find((u) => u !== null && /^https?:/i.test(u)) ?? fetchedUrl;

  const siteName = meta(doc, 'og:site_name', 'application-name') ?? nameOf(article?.['publisher']);
  const authorMeta = meta(doc, 'author', 'article:author', 'byl', 'parsely-author');
  const byline = (authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta : null) ?? nameOf(article?.['author']);

  const titleTag = collapseSpace(doc.querySelector('title')?.textContent ?? '') || null;
  const metaTitle = meta(doc, 'og:title', 'twitter:title') ?? (typeof article?.['headline'] === 'string' ? article['headline'] : null);
  const title = metaTitle ?? titleTag;

  return {
    title: title ? collapseSpace(title) : null,
    titleFromTag: metaTitle === null,
    byline: byline ? collapseSpace(byline) : null,
    published,
    canonical,
    siteName: siteName ? collapseSpace(siteName) : null,
  };
}
