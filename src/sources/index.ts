// I/O sources: files, folders, URLs (read-sources.ts) and the seeds folder (seeds.ts), each
// producing the ingest use case's SourceResult (app/ingest-document.ts).
export { readSources, isUrlTarget, sha256Hex, type ReadSourcesOptions, type SourceDocument, type SourceFailure, type SourceResult } from './read-sources.ts';
export { readSeeds } from './seeds.ts';
export { listFolder, SKIPPED_EXTENSIONS } from './list-folder.ts';
export { fetchUrl, type FetchedDocument, type FetchOptions } from './fetch-url.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './limits.ts';
