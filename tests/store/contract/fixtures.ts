// Articles and briefings for the store contract, written directly (no parser, no extractor).
import type { Article, ArticleSpeaker, Briefing, Quote } from '../../../src/core/article.ts';
import { pickTopQuote } from '../../../src/core/top-quote.ts';
import type { Store } from '../../../src/app/ports.ts';

/** How a backend under test is opened: a fresh empty database, and connections to it. */
export interface StoreFactory {
  /** Creates an empty database; returns what `open` needs to reach it. */
  create(): Promise<string>;
  /** A new connection (a new Store) to the database `create` returned. */
  open(location: string): Promise<Store>;
}

export function article(over: Partial<Article> & { body: string }): Article {
  return { guid: null, url: null, file: null, source: 'Test Wire', format: 'text', headline: 'A headline', byline: null, published: null, bullets: [], blocks: [], ...over };
}
export function q(text: string, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return { text, start: 0, end: text.length, kind, speaker, mention: speaker };
}
export function briefing(headline: string, quotes: Quote[] = [], speakers: ArticleSpeaker[] = []): Briefing {
  return { headline, headlineFrom: 'article', keyPoints: [{ text: 'A key point.', sentence: 0, start: 0, end: 12 }], quotes, speakers, topQuote: pickTopQuote(quotes) };
}
export const person = (name: string, aliases: string[] = [], role: string | null = null): ArticleSpeaker => ({ name, aliases, role, kind: 'person' });
export const at = (iso: string) => new Date(iso);
