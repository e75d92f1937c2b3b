// Runs the real `newsbrief` command as a child process, with its own temp database.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
// the sources, through tsx (tests run the sources; dist/src/bin.js is the build)
export const BIN = join(ROOT, 'bin/newsbrief-dev.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'nb-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Environment for a child: no platform tokens, quiet logs, a fresh database unless given. */
export function cliEnv(over: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(DISCORD_|SLACK_|NEWSBRIEF_|SEEDS_DIR|DIGEST_|LOG_LEVEL)/.test(k)) env[k] = v;
  }
  return { ...env, NEWSBRIEF_DB: join(tempDir(), 'nb.db'), SEEDS_DIR: join(ROOT, 'seeds'), LOG_LEVEL: 'warn', ...over };
}

export function runCli(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? tempDir('nb-cwd-'), env: opts.env ?? cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
