// Reads one file with a size cap: the size is checked with stat() first, so a 50 MB file is
// refused without reading it; the read itself stops at the cap in case the file grows meanwhile.
import { open, stat } from 'node:fs/promises';
import { BriefingError } from '../core/errors.ts';
import { tooLarge } from './limits.ts';

const FS_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files, try again',
};

/** A Node fs error -> BriefingError with plain words; the code and path go to the context. */
export function fsError(e: unknown, path: string): BriefingError {
  const code = (e as { code?: string } | null)?.code ?? 'UNKNOWN';
  const message = FS_MESSAGES[code] ?? `cannot read (${code})`;
  return new BriefingError('bad_input', message, { context: { path, code, detail: e instanceof Error ? e.message : String(e) } });
}

export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fsError(e, path);
  }
  if (!info.isFile()) throw new BriefingError('bad_input', 'not a regular file', { context: { path } });
  if (info.size > maxBytes) throw tooLarge('file', info.size, maxBytes, { path });

  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fsError(e, path);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // sized from stat (+1 to see growth past it): a 3 KB file is one read into 3 KB, not 1 MB
    let want = Math.max(1, info.size + 1);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, want, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge('file', null, maxBytes, { path });
      if (bytesRead < chunk.length) break; // a short read of a regular file: its end
      want = 64 * 1024; // it grew since stat(): read on
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } catch (e) {
    if (e instanceof BriefingError) throw e;
    throw fsError(e, path);
  } finally {
    await handle.close();
  }
}
