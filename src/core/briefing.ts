// Article -> Briefing: headline, key points, quotes with speakers. Pure.
import type { Article, Briefing } from './article.ts';
import { extractQuotes } from './quotes/index.ts';
import { splitSentences } from './sentences.ts';
import { summarize } from './summarize.ts';
import { pickTopQuote } from './top-quote.ts';

export function buildBriefing(article: Article): Briefing {
  const sentences = splitSentences(article.body);
  const summary = summarize(article, sentences);
  const { quotes, speakers } = extractQuotes(article);
  return { ...summary, quotes, speakers, topQuote: pickTopQuote(quotes) };
}
