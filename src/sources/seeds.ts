// The seeds folder: its document files with a sha256 of their bytes, so that ingestion at start
// can skip files it has already stored (same name and hash) and pick up new or changed ones.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BriefingError } from '../core/errors.ts';
import { DEFAULT_MAX_BYTES } from './limits.ts';
import { listFolder } from './list-folder.ts';
import { fsError, readFileCapped } from './read-file.ts';

export interface SeedFile {
  path: string;
  /** Basename, e.g. "000_cbdc01228e1c176c.txt". */
  name: string;
  size: number;
  /** sha256 of the file's bytes, hex ('' when the file is over the size cap). */
  sha256: string;
  /** The same as sha256. */
  hash: string;
  /** Reads the file's bytes, with the same size cap as readSources (BriefingError when over it). */
  read(): Promise<Uint8Array>;
}

export interface SeedOptions {
  /** A missing folder gives [] instead of an error (the default ./seeds may not exist). */
  missingOk?: boolean;
  /** Files larger than this are listed with an empty hash and left to readSources to refuse. */
  maxBytes?: number;
}

export async function listSeedFiles(dir: string, opts: SeedOptions = {}): Promise<SeedFile[]> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new BriefingError('bad_input', 'the seeds path is not a folder', { context: { path: dir } });
  } catch (e) {
    if (e instanceof BriefingError) throw e;
    if ((e as { code?: string }).code === 'ENOENT' && opts.missingOk) return [];
    throw fsError(e, dir);
  }
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const out: SeedFile[] = [];
  for (const path of await listFolder(dir)) {
    try {
      const { size } = await stat(path);
      const sha256 = size > max ? '' : createHash('sha256').update(await readFile(path)).digest('hex');
      out.push({ path, name: basename(path), size, sha256, hash: sha256, read: () => readFileCapped(path, max) });
    } catch (e) {
      throw fsError(e, path);
    }
  }
  return out;
}
