// Quote extraction with speakers. PLACEHOLDER: to be replaced by the real extractor (issue 3).
import type { Article, ArticleSpeaker, Quote } from './article.ts';

export interface QuoteExtraction {
  quotes: Quote[];
  speakers: ArticleSpeaker[];
}

export function extractQuotes(article: Article): QuoteExtraction {
  const quotes: Quote[] = [];
  const names = new Map<string, ArticleSpeaker>();
  const re = /["“]([^"“”]{2,}?)["”]([^"“\n]{0,80})/g;
  for (const m of article.body.matchAll(re)) {
    const after = m[2] ?? '';
    const sp = /,?\s*(?:said|says)?\s*((?:[A-Z][\p{L}'-]+\s?){1,3})\s*(?:said|says|told|added)/u.exec(after);
    const speaker = sp?.[1]?.trim() ?? null;
    const text = (m[1] ?? '').trim().replace(/[,]$/, '');
    const start = (m.index ?? 0) + 1;
    quotes.push({ text, start, end: start + text.length, kind: 'direct', speaker, mention: speaker });
    if (speaker && !names.has(speaker)) names.set(speaker, { name: speaker, aliases: [], role: null, kind: 'person' });
  }
  return { quotes, speakers: [...names.values()] };
}
