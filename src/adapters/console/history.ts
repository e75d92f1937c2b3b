// The console's command history, kept in a file (one command a line, oldest first) so it
// survives restarts. A file that cannot be read or written only costs the history.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const HISTORY_SIZE = 500;

/** The lines of the file, newest first (readline's order); [] when there is none. */
export function loadHistory(file: string, size = HISTORY_SIZE): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(-size).reverse();
  } catch {
    return [];
  }
}

/** Saves readline's history (newest first) oldest first. */
export function saveHistory(file: string, history: readonly string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, [...history].reverse().join('\n') + (history.length ? '\n' : ''), { mode: 0o600 });
  } catch {
    // read-only data folder: the session keeps its history in memory
  }
}
