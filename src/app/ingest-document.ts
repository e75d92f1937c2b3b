// The one document type every source produces (command-line files, folders and URLs, the seeds
// folder, and next the feed poller), and the one way its failures are named.
//
//   SourceDocument { ok: true,  label, input: DocumentInput, origin }   bytes read and decoded
//   SourceFailure  { ok: false, label, error: BriefingError, origin }   could not be read at all
//
// `label` is what every report line and log entry calls it: a file's path relative to the folder
// given (business/399.txt), the file as given, or the (final) URL. `input` goes to the parser as
// it is: nothing downstream flattens or rebuilds it.
import { BriefingError, isBriefingError } from '../core/errors.ts';
import type { DocumentInput } from '../core/parse/index.ts';

export interface DocumentOrigin {
  /** The target this document came from (a file, folder, URL, or the seeds folder). */
  target: string;
  /** The file's path, or null for a URL. */
  path: string | null;
  /** The URL asked for, or null for a file. */
  url: string | null;
  /** Size and sha256 (hex) of the bytes, for files remembered once ingested (seeds). */
  size: number;
  sha256: string;
}

export interface SourceDocument {
  ok: true;
  label: string;
  input: DocumentInput;
  origin: DocumentOrigin;
}

export interface SourceFailure {
  ok: false;
  label: string;
  /** Plain words for the user in `error.message`; detail for the log in `error.context`. */
  error: BriefingError;
  origin: Omit<DocumentOrigin, 'size' | 'sha256'>;
}

export type SourceResult = SourceDocument | SourceFailure;

/** The reason shown for any failure: a BriefingError's plain words, else a pointer to the log. */
export function failureReason(err: unknown): string {
  return isBriefingError(err) ? err.message : 'internal error (see the log)';
}

/** "feed.xml › item 3" or "feed.xml › item 3 (guid)": one feed item of a document. */
export function itemLabel(label: string, item: number, id?: string | null): string {
  return `${label} › item ${item}${id ? ` (${id})` : ''}`;
}

/** A document made from text in memory (tests, tools, producers that already hold the text). */
export function textDocument(label: string, input: DocumentInput): SourceDocument {
  return { ok: true, label, input, origin: { target: label, path: null, url: input.url, size: input.content.length, sha256: '' } };
}

export function asBriefingError(e: unknown, context: Record<string, unknown>): BriefingError {
  if (isBriefingError(e)) return e;
  return new BriefingError('bad_input', 'could not be read', { context: { ...context, detail: e instanceof Error ? e.message : String(e) } });
}
