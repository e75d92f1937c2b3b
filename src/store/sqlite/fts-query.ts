// User words -> a safe FTS5 query: every word must occur, "quoted words" as a phrase; the
// tokenizer stems (porter), so "elections" finds "election". Quotes left open, operators
// (- + * ^ : NEAR AND OR NOT) and punctuation in the input are inert: only letters and digits
// reach the index, each term or phrase inside its own double quotes.

/** Terms or phrases at most. */
const MAX_TERMS = 16;

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** Returns an FTS5 MATCH expression, or null when the text has no searchable word. */
export function ftsQuery(text: string): string | null {
  const norm = text.normalize('NFKC').replace(/[“”„‟″]/g, '"');
  const parts: string[] = [];
  // even-indexed pieces are outside quotes, odd ones inside; an unclosed quote's words are words
  const pieces = norm.split('"');
  const closed = pieces.length % 2 === 1;
  pieces.forEach((piece, i) => {
    const inside = i % 2 === 1 && (closed || i < pieces.length - 1);
    const words = wordsOf(piece);
    if (inside && words.length > 1) parts.push(`"${words.join(' ')}"`);
    else for (const w of words) parts.push(`"${w}"`);
  });
  const terms = [...new Set(parts)].slice(0, MAX_TERMS);
  return terms.length ? terms.join(' ') : null;
}
