// A fetched resource -> text ready for the parser, for the two things sources fetch:
//
//   fetchFeed(url, opts) -> FetchedDocument (kind rss | atom | jsonfeed) | NotModified | FetchFailure
//   fetchPage(url, opts) -> FetchedDocument (kind html)                  | NotModified | FetchFailure
//
// Decoding: the HTTP charset wins; without one, a <meta charset>, <meta http-equiv> or
// <?xml encoding?> declaration is honoured (decodeDocument). A body that is not a feed (or a page)
// is FetchFailure 'not-a-feed' ('not-a-page') with the reason in plain words.
import { decodeDocument, detectKind, type DocumentInput, type DocumentKind } from '../../core/parse/index.ts';
import { charsetOf } from '../fetch-url.ts';
import { fetchResource, type Fetched, type FetchFailure, type FetchResourceOptions, type NotModified } from './fetch-resource.ts';

export interface FetchedDocument extends Omit<Fetched, 'kind'> {
  kind: 'document';
  /** For parseDocumentResult: content (decoded), url (final), contentType. */
  input: DocumentInput & { contentType: string | null };
  documentKind: DocumentKind;
}

export type DocumentOutcome = FetchedDocument | NotModified | FetchFailure;

const FEED_KINDS: ReadonlySet<DocumentKind> = new Set(['rss', 'atom', 'jsonfeed']);
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

function notA(f: Fetched, reason: 'not-a-feed' | 'not-a-page', message: string): FetchFailure {
  return { kind: 'failed', reason, message, url: f.url, finalUrl: f.finalUrl, status: f.status, retryAfterMs: null, redirects: f.redirects };
}

function toDocument(f: Fetched, want: 'feed' | 'page'): FetchedDocument | FetchFailure {
  const reason = want === 'feed' ? 'not-a-feed' : 'not-a-page';
  let content: string;
  try {
    content = decodeDocument(f.bytes, null, { charset: charsetOf(f.contentType) });
  } catch (e) {
    return notA(f, reason, `not a ${want} (${e instanceof Error ? e.message : String(e)})`);
  }
  const kind = detectKind(content, { name: f.finalUrl, contentType: f.contentType });
  const ok = want === 'feed' ? FEED_KINDS.has(kind) : kind === 'html';
  if (!ok) {
    const what = kind === 'html' ? 'an HTML page' : kind === 'text' ? 'plain text' : kind === 'json' ? 'JSON that is not a JSON Feed' : kind === 'xml' ? 'XML that is neither RSS nor Atom' : `a ${kind} feed`;
    return notA(f, reason, `not a ${want}: the server sent ${what}${f.contentType ? ` (${f.contentType.split(';')[0]?.trim()})` : ''}`);
  }
  const { kind: _k, ...rest } = f;
  return { ...rest, kind: 'document', documentKind: kind, input: { content, file: null, url: f.finalUrl, contentType: f.contentType } };
}

export async function fetchFeed(url: string, opts: FetchResourceOptions): Promise<DocumentOutcome> {
  const r = await fetchResource(url, { accept: FEED_ACCEPT, ...opts });
  return r.kind === 'fetched' ? toDocument(r, 'feed') : r;
}

export async function fetchPage(url: string, opts: FetchResourceOptions): Promise<DocumentOutcome> {
  const r = await fetchResource(url, { accept: PAGE_ACCEPT, ...opts });
  return r.kind === 'fetched' ? toDocument(r, 'page') : r;
}
