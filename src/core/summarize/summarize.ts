// Article -> headline and key points. Pure.
// - headline: the article's own, else one made from the lead (headline-from-lead.ts);
// - key points: the editor's bullets when present, else 2-3 whole sentences of the body: the lead,
//   then the sentences that add most (select-key-spans.ts), never repeating the headline or the
//   card's quote, in reading order, each traceable to its sentence (index and offsets into the
//   body). A quotation over 2-3 sentences is only ever used whole (then `sentence` is its first).
import type { Article, Block, KeyPoint, Sentence } from '../article.ts';
import { BriefingError } from '../errors.ts';
import { splitSentences } from '../sentences/index.ts';
import { headlineFromLead } from './headline-from-lead.ts';
import { selectKeySpans } from './select-key-spans.ts';
import { datelineLength } from './text-signals.ts';

export interface Summary {
  headline: string;
  headlineFrom: 'article' | 'lead';
  keyPoints: KeyPoint[];
}

/** What else the card shows, which the key points must not repeat. */
export interface SummaryContext {
  topQuote?: { text: string } | null;
}

export function summarize(article: Article, sentences: Sentence[] = splitSentences(article.body), context: SummaryContext = {}): Summary {
  const bullets = article.bullets.map((b) => b.trim()).filter(Boolean);
  let keyPoints: KeyPoint[];
  if (bullets.length) {
    keyPoints = bullets.map((text) => ({ text, sentence: null, start: null, end: null }));
  } else {
    let picked = selectKeySpans(sentences, {
      excluded: notKeyPoints(article, sentences),
      headline: article.headline,
      topQuote: context.topQuote?.text ?? null,
    });
    if (picked.length === 0 && sentences.length > 0) picked = [{ first: 0, last: 0 }];
    keyPoints = picked.map(({ first, last }) => {
      const s = sentences[first] as Sentence;
      const end = (sentences[last] as Sentence).end;
      const skip = datelineLength(s.text);
      const start = s.start + skip;
      const text = first === last ? s.text.slice(skip) : article.body.slice(start, end);
      return { text, sentence: first, start, end };
    });
  }
  const own = article.headline?.replace(/\s+/g, ' ').trim();
  if (own) return { headline: own, headlineFrom: 'article', keyPoints };
  const headline = headlineFromLead(sentences) || keyPoints[0]?.text.slice(0, 100).trim() || '';
  if (!headline) {
    throw new BriefingError('bad_input', 'This article has no headline and no text, so there is nothing to brief.', {
      context: { file: article.file, url: article.url, guid: article.guid, bodyLength: article.body.length },
    });
  }
  return { headline, headlineFrom: 'lead', keyPoints };
}


/** Sentences inside a sub-heading or a block quotation (the quoted words of a speaker, without marks). */
function notKeyPoints(article: Article, sentences: readonly Sentence[]): Set<number> {
  const out = new Set<number>();
  const blocks: Block[] = article.blocks.filter((b) => b.kind === 'heading' || b.kind === 'blockquote');
  let k = 0;
  for (let i = 0; i < sentences.length && k < blocks.length; i++) {
    const s = sentences[i] as Sentence;
    while (k < blocks.length && (blocks[k] as Block).end <= s.start) k++;
    const b = blocks[k];
    if (b && s.start >= b.start && s.start < b.end) out.add(i);
  }
  return out;
}
