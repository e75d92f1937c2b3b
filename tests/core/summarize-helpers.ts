import type { Article, Block } from '../../src/core/article.ts';

/** A plain-text article: one paragraph per entry, no headline unless given. */
export function newsArticle(paragraphs: string[], extra: Partial<Article> = {}): Article {
  const blocks: Block[] = [];
  let pos = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', start: pos, end: pos + p.length });
    pos += p.length + 2;
  }
  return { guid: null, url: null, file: null, source: null, format: 'text', headline: null, byline: null, published: null, bullets: [], body: paragraphs.join('\n\n'), blocks, ...extra };
}
