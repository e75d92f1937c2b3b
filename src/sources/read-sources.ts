// Reads command-line targets (files, folders, http(s) URLs) into documents ready for parseDocument.
//
//   readSources(targets, opts): AsyncIterable<SourceResult>, in target order, folders expanded
//   SourceResult = SourceDocument { ok: true,  target, path, label, input: DocumentInput, size, sha256,
//                                   content, file, url, contentType (= input's fields, flat) }
//                | SourceFailure  { ok: false, target, path, url, label, reason, error: BriefingError }
//   label: the file's basename or the URL, for "label: stored / failed: reason" lines; a target
//          that cannot be read at all (missing, empty folder) is named as it was given.
//
// One failing target (missing file, 50 MB file, binary file, invalid UTF-8, HTTP 404, timeout)
// yields a SourceFailure and the next target is read: nothing else is lost. `error.message` is
// plain words for the user ("file too large (50.0 MB; the limit is 10 MB)"); `error.context`
// carries the detail for the log. Decoding (bytes -> text) is the core's decodeDocument.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../app/ports.ts';
import { BriefingError, isBriefingError } from '../core/errors.ts';
import { decodeDocument, type DocumentInput } from '../core/parse/index.ts';
import { charsetOf, fetchUrl } from './fetch-url.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './limits.ts';
import { listFolder } from './list-folder.ts';
import { fsError, readFileCapped } from './read-file.ts';

export interface SourceDocument {
  ok: true;
  /** What to call it in a report line: the file's basename, or the (final) URL. */
  label: string;
  /** The same as `input`, flat, for convenience: content, file (basename), url (final), contentType. */
  content: string;
  file: string | null;
  url: string | null;
  contentType: string | null;
  /** The command-line target this document came from (a file, folder or URL). */
  target: string;
  /** The file's path, or null for a URL. */
  path: string | null;
  input: DocumentInput;
  /** Size in bytes, and sha256 (hex) of the bytes, for idempotent ingestion. */
  size: number;
  sha256: string;
}

export interface SourceFailure {
  ok: false;
  /** The file's basename, or the URL. */
  label: string;
  /** Plain words for the user (= error.message), e.g. "file too large (50.0 MB; the limit is 10 MB)". */
  reason: string;
  target: string;
  path: string | null;
  url: string | null;
  error: BriefingError;
}

export type SourceResult = SourceDocument | SourceFailure;

export interface ReadSourcesOptions {
  /** Largest file or page read, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Timeout of one URL fetch, headers and body, in ms (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Extensions skipped when expanding folders (default SKIPPED_EXTENSIONS: .jsonl, .csv, ...). */
  skip?: readonly string[];
  /** Each failure is logged here with its detail (error.context). */
  logger?: Pick<Logger, 'warn'>;
}

/** Files of a folder read ahead of the one being ingested. */
const READ_AHEAD = 8;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function asBriefingError(e: unknown, context: Record<string, unknown>): BriefingError {
  if (isBriefingError(e)) return e;
  return new BriefingError('bad_input', 'could not be read', { context: { ...context, detail: e instanceof Error ? e.message : String(e) } });
}

function document(target: string, path: string | null, input: DocumentInput & { contentType: string | null }, bytes: Uint8Array): SourceDocument {
  return {
    ok: true, target, path, label: input.file ?? input.url ?? target,
    input, content: input.content, file: input.file, url: input.url, contentType: input.contentType,
    size: bytes.length, sha256: sha256Hex(bytes),
  };
}

function failure(target: string, path: string | null, url: string | null, error: BriefingError, label?: string): SourceFailure {
  return { ok: false, target, path, url, label: label ?? (path ? basename(path) : null) ?? url ?? target, reason: error.message, error };
}

export function isUrlTarget(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

async function readOneFile(target: string, path: string, maxBytes: number): Promise<SourceResult> {
  const name = basename(path);
  try {
    const bytes = await readFileCapped(path, maxBytes);
    const content = decodeDocument(bytes, name);
    return document(target, path, { content, file: name, url: null, contentType: null }, bytes);
  } catch (e) {
    return failure(target, path, null, asBriefingError(e, { path }));
  }
}

async function readOneUrl(target: string, opts: Required<Pick<ReadSourcesOptions, 'maxBytes' | 'timeoutMs'>> & ReadSourcesOptions): Promise<SourceResult> {
  try {
    const fetched = await fetchUrl(target, { maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
    const content = decodeDocument(fetched.bytes, null, { charset: charsetOf(fetched.contentType) });
    return document(target, null, { content, file: null, url: fetched.url, contentType: fetched.contentType }, fetched.bytes);
  } catch (e) {
    return failure(target, null, target, asBriefingError(e, { url: target }));
  }
}

export async function* readSources(targets: readonly string[], options: ReadSourcesOptions = {}): AsyncIterable<SourceResult> {
  for await (const r of readAll(targets, options)) {
    if (!r.ok) options.logger?.warn({ target: r.target, code: r.error.code, ...r.error.context }, `source failed: ${r.reason}`);
    yield r;
  }
}

async function* readAll(targets: readonly string[], options: ReadSourcesOptions): AsyncIterable<SourceResult> {
  const opts = { ...options, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  for (const target of targets) {
    if (isUrlTarget(target)) { yield await readOneUrl(target, opts); continue; }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !/^file:/i.test(target)) {
      yield failure(target, null, target, new BriefingError('bad_input', 'only http and https URLs can be fetched', { context: { target } }));
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
    if (!info.isDirectory()) { yield await readOneFile(target, path, opts.maxBytes); continue; }
    let files: string[];
    try {
      files = await listFolder(path, opts.skip ? { skip: opts.skip } : {});
    } catch (e) {
      yield failure(target, path, null, asBriefingError(e, { path }), target);
      continue;
    }
    if (files.length === 0) {
      yield failure(target, path, null, new BriefingError('bad_input', 'no article files in this folder', { context: { path } }), target);
      continue;
    }
    // read ahead: the next files are read while the caller works on this one (order kept;
    // readOneFile never rejects; at most READ_AHEAD files, each under maxBytes, held at once)
    const ahead: Promise<SourceResult>[] = [];
    let next = 0;
    while (next < files.length || ahead.length) {
      while (ahead.length < READ_AHEAD && next < files.length) ahead.push(readOneFile(target, files[next++]!, opts.maxBytes));
      yield await ahead.shift()!;
    }
  }
}
