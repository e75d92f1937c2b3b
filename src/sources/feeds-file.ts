// FEEDS_FILE, read at start: one URL a line with an optional label, or OPML (core/parse/feed-list.ts).
import { readFile } from 'node:fs/promises';
import { parseFeedList, type FeedList } from '../core/parse/feed-list.ts';

/** The feeds of FEEDS_FILE; a file that cannot be read is an Error naming it. */
export async function readFeedsFile(path: string): Promise<FeedList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`FEEDS_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseFeedList(text);
}
