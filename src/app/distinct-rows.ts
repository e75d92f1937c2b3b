// Answers without repeats: an article stored twice (an updated copy under another file name or
// URL, a syndicated copy) repeats its quotes and its story card. The store keeps both; a reply
// shows each quote of a speaker, and each story, once.

/** The same words, whatever the case, spacing, or the comma that ended them in their sentence. */
export function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s,;:.!?…]+$/u, '').trim();
}

export interface Distinct<T> {
  rows: T[];
  /** Repeats left out among the rows fetched. */
  skipped: number;
}

/** Largest number of rows fetched to find `n` distinct ones. */
const MAX_FETCH = 500;

/**
 * The first `n` rows with distinct keys, in the store's order. `fetch(limit)` returns the first
 * `limit` rows; it is asked again with a larger limit only when repeats left fewer than `n`.
 */
export async function distinctRows<T>(fetch: (limit: number) => Promise<T[]>, keyOf: (row: T) => string, n: number): Promise<Distinct<T>> {
  let limit = Math.min(MAX_FETCH, n * 2 + 5);
  for (;;) {
    const fetched = await fetch(limit);
    const seen = new Set<string>();
    const rows: T[] = [];
    let skipped = 0;
    for (const row of fetched) {
      const key = keyOf(row);
      if (seen.has(key)) {
        skipped++;
        continue;
      }
      seen.add(key);
      if (rows.length < n) rows.push(row);
    }
    if (rows.length >= n || fetched.length < limit || limit >= MAX_FETCH) return { rows, skipped };
    limit = Math.min(MAX_FETCH, limit * 4);
  }
}

/** What makes two story rows the same story: the headline and the first key point. */
export function storyKey(row: { headline: string; keyPoints: readonly string[] }): string {
  return `${textKey(row.headline)}\u0000${textKey(row.keyPoints[0] ?? '')}`;
}

/** The rows with the first (newest, in the store's order) of each story only. */
export function distinctStories<T extends { headline: string; keyPoints: readonly string[] }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = storyKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
