// Reads targets (files, folders, http(s) URLs) into the one document type of the ingest use case
// (app/ingest-document.ts), in target order, folders expanded:
//
//   readSources(targets, opts): AsyncIterable<SourceResult>
//   label: a file given by name -> its basename; a file found in a folder -> its path relative to
//          that folder (business/399.txt); a URL -> the final URL; a target that cannot be read at
//          all (missing, empty folder) -> as it was given.
//
// One failing target (missing file, 50 MB file, binary file, invalid UTF-8, HTTP 404, timeout)
// yields a SourceFailure and the next target is read: nothing else is lost. `error.message` is
// plain words for the user ("file too large (50.0 MB; the limit is 10 MB)"); `error.context`
// carries the detail, logged by the ingest use case. Decoding (bytes -> text) is the core's
// decodeDocument.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asBriefingError, type SourceDocument, type SourceFailure, type SourceResult } from '../app/ingest-document.ts';
import { BriefingError } from '../core/errors.ts';
import { decodeDocument, type DocumentInput } from '../core/parse/index.ts';
import { charsetOf, NOT_ARTICLES } from './fetch-url.ts';
import { fetchResource } from './fetch/fetch-resource.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './limits.ts';
import { listFolder } from './list-folder.ts';
import { fsError, readFileCapped } from './read-file.ts';

export type { SourceDocument, SourceFailure, SourceResult } from '../app/ingest-document.ts';

export interface ReadSourcesOptions {
  /** Largest file or page read, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Timeout of one URL fetch, headers and body, in ms (default 15 s). */
  timeoutMs?: number;
  /** ALLOW_PRIVATE_SOURCES: fetch from loopback/private/... addresses too (default false: refused). */
  allowPrivate?: boolean;
  /** Exact IP addresses allowed even when private (tests: a local server). */
  allowedAddresses?: readonly string[];
  /** Extensions skipped when expanding folders (default SKIPPED_EXTENSIONS: .jsonl, .csv, ...). */
  skip?: readonly string[];
}

/** Files of a folder read ahead of the one being ingested. */
const READ_AHEAD = 8;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function document(target: string, path: string | null, label: string, input: DocumentInput, bytes: Uint8Array): SourceDocument {
  return { ok: true, label, input, origin: { target, path, url: input.url, size: bytes.length, sha256: sha256Hex(bytes) } };
}

function failure(target: string, path: string | null, url: string | null, error: BriefingError, label: string): SourceFailure {
  return { ok: false, label, error, origin: { target, path, url } };
}

/** business/399.txt for a file found in a folder; the basename for a file given by name. */
function labelOf(path: string, folder: string | null): string {
  if (folder === null) return basename(path);
  return relative(folder, path).split(sep).join('/');
}

/** The reason given for a folder with no document files in it. */
export const NO_ARTICLE_FILES = 'no article files in this folder';

export function isUrlTarget(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

async function readOneFile(target: string, path: string, folder: string | null, maxBytes: number): Promise<SourceResult> {
  const label = labelOf(path, folder);
  try {
    const bytes = await readFileCapped(path, maxBytes);
    const content = decodeDocument(bytes, basename(path));
    return document(target, path, label, { content, file: label, url: null, contentType: null }, bytes);
  } catch (e) {
    return failure(target, path, null, asBriefingError(e, { path }), label);
  }
}

async function readOneUrl(target: string, opts: Required<Pick<ReadSourcesOptions, 'maxBytes' | 'timeoutMs'>> & ReadSourcesOptions): Promise<SourceResult> {
  // the safe fetcher: the address rule at connect time, redirects re-checked, size cap, deadline
  const r = await fetchResource(target, {
    allowPrivate: opts.allowPrivate ?? false, maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs,
    ...(opts.allowedAddresses ? { allowedAddresses: opts.allowedAddresses } : {}),
    accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5',
  });
  if (r.kind !== 'fetched') {
    const message = r.kind === 'not-modified' ? 'not modified' : r.reason === 'too-large' ? `page ${r.message}` : r.message;
    return failure(target, null, target, new BriefingError('bad_input', message, { context: { url: target, ...(r.kind === 'failed' ? { status: r.status, reason: r.reason, finalUrl: r.finalUrl } : {}) } }), target);
  }
  if (r.contentType && NOT_ARTICLES.test(r.contentType.trim())) {
    return failure(target, null, target, new BriefingError('bad_input', `not an article (content-type ${r.contentType.split(';')[0]?.trim()})`, { context: { url: target, contentType: r.contentType, finalUrl: r.finalUrl } }), target);
  }
  try {
    const content = decodeDocument(r.bytes, null, { charset: charsetOf(r.contentType) });
    return document(target, null, r.finalUrl, { content, file: null, url: r.finalUrl, contentType: r.contentType }, r.bytes);
  } catch (e) {
    return failure(target, null, target, asBriefingError(e, { url: target }), target);
  }
}

export async function* readSources(targets: readonly string[], options: ReadSourcesOptions = {}): AsyncIterable<SourceResult> {
  const opts = { ...options, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  for (const target of targets) {
    if (isUrlTarget(target)) { yield await readOneUrl(target, opts); continue; }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !/^file:/i.test(target)) {
      yield failure(target, null, target, new BriefingError('bad_input', 'only http and https URLs can be fetched', { context: { target } }), target);
      continue;
    }
    let path = target;
    let info;
    try {
      if (/^file:/i.test(target)) path = fileURLToPath(target);
      info = await stat(path);
    } catch (e) {
      yield failure(target, path, null, fsError(e, path), target);
      continue;
    }
    if (!info.isDirectory()) { yield await readOneFile(target, path, null, opts.maxBytes); continue; }
    let files: string[];
    try {
      files = await listFolder(path, opts.skip ? { skip: opts.skip } : {});
    } catch (e) {
      yield failure(target, path, null, asBriefingError(e, { path }), target);
      continue;
    }
    if (files.length === 0) {
      yield failure(target, path, null, new BriefingError('bad_input', NO_ARTICLE_FILES, { context: { path } }), target);
      continue;
    }
    // read ahead: the next files are read while the caller works on this one (order kept;
    // readOneFile never rejects; at most READ_AHEAD files, each under maxBytes, held at once)
    const ahead: Promise<SourceResult>[] = [];
    let next = 0;
    while (next < files.length || ahead.length) {
      while (ahead.length < READ_AHEAD && next < files.length) ahead.push(readOneFile(target, files[next++]!, path, opts.maxBytes));
      yield await ahead.shift()!;
    }
  }
}
