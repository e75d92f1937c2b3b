// Article -> Briefing: headline, key points, quotes with speakers. Pure.
// Quotes come first: the card shows the top quote, so the key points are chosen not to repeat it.
import type { Article, Briefing } from './article.ts';
import { extractQuotes } from './quotes/index.ts';
import { splitSentences } from './sentences/index.ts';
import { summarize } from './summarize/index.ts';
import { pickTopQuote } from './top-quote.ts';

export function buildBriefing(article: Article): Briefing {
  const { quotes, speakers } = extractQuotes(article);
  const topQuote = pickTopQuote(quotes);
  const summary = summarize(article, splitSentences(article.body), { topQuote });
  return { ...summary, quotes, speakers, topQuote };
}
