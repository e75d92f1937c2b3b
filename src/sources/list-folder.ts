// Expands a folder into the files below it: recursive, sorted by name at every level, dotfiles
// and dot-folders skipped, symlinked folders followed once (no loops). Files of data formats that
// sit next to articles but are never one (gold.jsonl, .csv, databases) are skipped; everything else
// is listed, so a stray binary or broken file is reported ("failed: reason"), never dropped silently.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fsError } from './read-file.ts';

export const SKIPPED_EXTENSIONS: readonly string[] = [
  '.jsonl', '.ndjson', '.csv', '.tsv', '.db', '.sqlite', '.sqlite3', '.db-wal', '.db-shm', '.db-journal', '.lock',
];

export interface ListOptions {
  /** Extensions to skip (default SKIPPED_EXTENSIONS). */
  skip?: readonly string[];
}

export async function listFolder(dir: string, opts: ListOptions = {}): Promise<string[]> {
  const skipped = new Set((opts.skip ?? SKIPPED_EXTENSIONS).map((e) => e.toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];

  async function visit(path: string): Promise<void> {
    let real: string;
    try { real = await realpath(path); } catch (e) { throw fsError(e, path); }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try { entries = await readdir(path, { withFileTypes: true }); } catch (e) { throw fsError(e, path); }
    const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const full = join(path, name);
      let info;
      try { info = await stat(full); } catch { continue; } // a dangling symlink is not a document
      if (info.isDirectory()) await visit(full);
      else if (info.isFile() && !skipped.has(extname(name).toLowerCase())) out.push(full);
    }
  }

  await visit(dir);
  return out;
}
