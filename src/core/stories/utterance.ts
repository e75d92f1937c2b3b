// The same utterance quoted by several outlets: same speaker, same or nearly the same words
// (punctuation, case, curly quotes, a word changed or an ellipsis). Pure.

/** The quote's words, lowercased, without punctuation: "We're ready," -> "we're ready". */
export function utteranceWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** An exact key for an utterance: equal keys are the same words. */
export function utteranceKey(text: string): string {
  return utteranceWords(text).join(' ');
}

/** Word-bigram Jaccard at or above which two quotes of one speaker are one utterance. */
export const SAME_UTTERANCE = 0.6;

function bigrams(w: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (w.length === 1) out.add(w[0]!);
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/**
 * Whether two quotes (of the same speaker) are the same utterance: the same words, nearly the
 * same words (bigram Jaccard >= SAME_UTTERANCE), or one a passage of at least 8 words of the other.
 */
export function sameUtterance(a: string, b: string): boolean {
  const wa = utteranceWords(a);
  const wb = utteranceWords(b);
  if (!wa.length || !wb.length) return false;
  const ka = wa.join(' ');
  const kb = wb.join(' ');
  if (ka === kb) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.split(' ').length >= 8 && ` ${long} `.includes(` ${short} `)) return true;
  const ba = bigrams(wa);
  const bb = bigrams(wb);
  let inter = 0;
  for (const x of ba) if (bb.has(x)) inter++;
  return inter / (ba.size + bb.size - inter) >= SAME_UTTERANCE;
}
