// Headline and key points. PLACEHOLDER: to be replaced by the real summarizer (issue 4).
import type { Article, KeyPoint, Sentence } from './article.ts';
import { splitSentences } from './sentences.ts';

export interface Summary {
  headline: string;
  headlineFrom: 'article' | 'lead';
  keyPoints: KeyPoint[];
}

export function summarize(article: Article, sentences: Sentence[] = splitSentences(article.body)): Summary {
  const keyPoints: KeyPoint[] = article.bullets.length
    ? article.bullets.map((text) => ({ text, sentence: null, start: null, end: null }))
    : sentences.slice(0, 3).map((s, i) => ({ text: s.text, sentence: i, start: s.start, end: s.end }));
  if (article.headline) return { headline: article.headline, headlineFrom: 'article', keyPoints };
  const lead = sentences[0]?.text ?? article.body.slice(0, 100);
  return { headline: lead.length <= 100 ? lead : lead.slice(0, lead.lastIndexOf(' ', 99)) + '…', headlineFrom: 'lead', keyPoints };
}
