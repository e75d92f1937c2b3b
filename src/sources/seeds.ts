// The seeds folder as a source: the same documents as `readSources` (labels relative to the
// folder, sha256 of the bytes so the ingest use case can skip files it stored before). A missing
// folder is no error (the default ./seeds may not exist); a path that is not a folder is one.
import { stat } from 'node:fs/promises';
import type { SourceResult } from '../app/ingest-document.ts';
import { BriefingError } from '../core/errors.ts';
import { fsError } from './read-file.ts';
import { NO_ARTICLE_FILES, readSources, type ReadSourcesOptions } from './read-sources.ts';

export async function* readSeeds(dir: string, opts: ReadSourcesOptions = {}): AsyncIterable<SourceResult> {
  let error: BriefingError | null = null;
  try {
    if (!(await stat(dir)).isDirectory()) error = new BriefingError('bad_input', 'the seeds path is not a folder', { context: { path: dir } });
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    error = fsError(e, dir);
  }
  if (error) {
    yield { ok: false, label: dir, error, origin: { target: dir, path: dir, url: null } };
    return;
  }
  for await (const doc of readSources([dir], opts)) {
    // an empty seeds folder is not a failure either
    if (!doc.ok && doc.origin.target === dir && doc.origin.path === dir && doc.error.message === NO_ARTICLE_FILES) return;
    yield doc;
  }
}
