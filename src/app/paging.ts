// Paging of a lookup's rows (/brief, /quote). /brief: the store returns one row per story, so a
// page is read at its offset, with a true count (pageAt). /quote: page p shows the p-th run of
// `count` distinct rows (the same words of a speaker printed twice are one row, see
// distinct-rows.ts); repeats are removed over every row before the page, so no row is shown on
// two pages and none is skipped; that is why those rows are read from the start (pageRows).

import type { CommandDef } from '../../commands/index.ts';

/** The commands a More button may re-run: those with a `page` option. */
export const isPaged = (def: CommandDef): boolean => (def.options ?? []).some((o) => o.name === 'page');

/** Rows read at most to find one page: pages further than this answer `tooDeep`. */
export const MAX_PAGED_ROWS = 5000;
/** Without a known total, at least this many rows are read, so that most totals are exact. */
export const COUNT_WINDOW = 200;

export interface PageRequest {
  /** From 1. */
  page: number;
  /** Rows per page. */
  count: number;
  /**
   * How many rows match, repeats included, when the store knows it cheaply (the speaker
   * registry's quote count, the number of articles); null = count them by reading.
   */
  knownTotal?: number | null;
}

export interface PageResult<T> {
  /** This page's rows (empty past the end). */
  rows: T[];
  /** Distinct rows in all: exact when `exact`, else at least this many. */
  total: number;
  exact: boolean;
  /** Pages in all (at least this many when not exact); 0 when nothing matched. */
  pages: number;
  /** The page asked for lies beyond MAX_PAGED_ROWS rows: neither shown nor known to be past the end. */
  tooDeep: boolean;
}

type Fetch<T> = (limit: number) => T[] | Promise<T[]>;

/**
 * One page of distinct rows. `fetch(limit)` returns the first `limit` rows in the store's
 * order; it is asked again with a larger limit while repeats leave the page short.
 */
export async function pageRows<T>(fetch: Fetch<T>, keyOf: (row: T) => string, req: PageRequest): Promise<PageResult<T>> {
  const { page, count } = req;
  const known = typeof req.knownTotal === 'number' && Number.isFinite(req.knownTotal) ? Math.max(0, req.knownTotal) : null;
  const start = (page - 1) * count;
  // One row past this page tells whether there is a next one.
  const want = start + count + 1;
  if (known !== null && start >= known) {
    // Past the end whatever the repeats: no need to read anything but the total.
    return { rows: [], total: known, exact: true, pages: Math.ceil(known / count), tooDeep: false };
  }
  let limit = Math.min(MAX_PAGED_ROWS, Math.max(want * 2 + 5, known === null ? COUNT_WINDOW : 0));
  for (;;) {
    const fetched = await fetch(limit);
    const seen = new Set<string>();
    const distinct: T[] = [];
    for (const row of fetched) {
      const key = keyOf(row);
      if (seen.has(key)) continue;
      seen.add(key);
      distinct.push(row);
    }
    const exhausted = fetched.length < limit;
    if (distinct.length >= want || exhausted || limit >= MAX_PAGED_ROWS) {
      const skipped = fetched.length - distinct.length;
      let total: number;
      let exact: boolean;
      if (exhausted) [total, exact] = [distinct.length, true];
      // the known total counts repeats; those beyond the rows read are not known
      else if (known !== null) [total, exact] = [Math.max(distinct.length, known - skipped), true];
      else [total, exact] = [distinct.length, false];
      const tooDeep = !exhausted && distinct.length <= start;
      return { rows: distinct.slice(start, start + count), total, exact, pages: Math.ceil(total / count), tooDeep };
    }
    limit = Math.min(MAX_PAGED_ROWS, limit * 4);
  }
}

/**
 * One page of rows the store returns without repeats: `fetch(offset, limit)` and a true
 * `total()`. Any page can be reached (no MAX_PAGED_ROWS), and the total is exact.
 */
export async function pageAt<T>(fetch: (offset: number, limit: number) => T[] | Promise<T[]>, total: () => number | Promise<number>, req: Pick<PageRequest, 'page' | 'count'>): Promise<PageResult<T>> {
  const { page, count } = req;
  const n = Math.max(0, await total());
  const start = (page - 1) * count;
  const rows = start < n ? await fetch(start, count) : [];
  return { rows, total: n, exact: true, pages: Math.ceil(n / count), tooDeep: false };
}
