// User words -> a safe FTS5 query: every word must occur (prefix match for the last one
// only when it is being typed is not needed here). Quotes and operators in input are inert.

/** Returns an FTS5 MATCH expression, or null when the text has no searchable word. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (!words.length) return null;
  return words.map((w) => `"${w}"`).join(' ');
}
