// The quote a story card shows: a whole direct quote with a speaker, of readable length.
import type { Quote } from './article.ts';

export interface TopQuote {
  text: string;
  speaker: string | null;
}

export function pickTopQuote(quotes: Quote[]): TopQuote | null {
  const score = (q: Quote) => {
    const words = q.text.split(/\s+/).length;
    let s = q.kind === 'direct' ? 3 : q.kind === 'block' ? 2 : 0;
    if (q.speaker) s += 4;
    if (words >= 8 && words <= 60) s += 2;
    else if (words < 4) s -= 3;
    return s;
  };
  const best = quotes.filter((q) => !q.inHeadline).sort((a, b) => score(b) - score(a) || a.start - b.start)[0];
  return best && score(best) >= 5 ? { text: best.text, speaker: best.speaker } : null;
}
