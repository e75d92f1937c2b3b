// Document -> Article[]. The kind is detected from the content (detect.ts); feeds give one
// article per item, and an item that cannot be read is reported, not fatal:
//   parseDocumentResult(input)            -> { articles, failures: [{ item, id, reason }] }
//   parseDocument(input, { onItemError }) -> articles; onItemError(failure) per skipped item
// Anything that cannot be read at all throws BriefingError('bad_input', plain words, context).
import type { Article } from '../article.ts';
import { BriefingError } from '../errors.ts';
import { detectKind, type DocumentKind } from './detect.ts';
import { parseAtom, parseJsonFeed, parseRss, type ItemFailure, type ParseResult } from './feed.ts';
import { parseHtml } from './html.ts';
import { parseText } from './text.ts';

export interface DocumentInput {
  content: string;
  /** Basename of the file, when read from a file. */
  file: string | null;
  /** The URL it was fetched from (final URL after redirects), when fetched. */
  url: string | null;
  /** HTTP content-type, when fetched: only breaks ties in detection. */
  contentType?: string | null;
}

export interface ParseOptions {
  /** Called once for each feed item that could not be read (the others are returned). */
  onItemError?: (failure: ItemFailure) => void;
}

export { decodeDocument } from './decode.ts';
export { detectKind, type DocumentKind } from './detect.ts';
export type { ItemFailure, ParseResult } from './feed.ts';

function kindOf(input: DocumentInput): DocumentKind {
  return detectKind(input.content, { name: input.file ?? input.url, contentType: input.contentType ?? null });
}

export function parseDocumentResult(input: DocumentInput): ParseResult {
  const source = { file: input.file, url: input.url };
  if (!input.content.replace(/^\uFEFF/, '').trim()) {
    throw new BriefingError('bad_input', 'empty file', { context: source });
  }
  const kind = kindOf(input);
  switch (kind) {
    case 'rss': return parseRss(input.content, source);
    case 'atom': return parseAtom(input.content, source);
    case 'jsonfeed': return parseJsonFeed(input.content, source);
    case 'html': return { articles: [parseHtml(input.content, source)], failures: [] };
    case 'text': return { articles: [parseText(input.content, source)], failures: [] };
    case 'json':
      throw new BriefingError('bad_input', 'This JSON document is not a JSON Feed', { context: { ...source, kind } });
    case 'xml':
      throw new BriefingError('bad_input', 'This XML document is neither an RSS nor an Atom feed', { context: { ...source, kind } });
  }
}

export function parseDocument(input: DocumentInput, opts: ParseOptions = {}): Article[] {
  const { articles, failures } = parseDocumentResult(input);
  for (const f of failures) opts.onItemError?.(f);
  return articles;
}
