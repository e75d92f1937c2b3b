// Runs `newsbrief` on a pseudo-terminal with util-linux `script`, so the console sees a TTY
// (prompt, raw keys, Ctrl-C, Tab) exactly as in a person's terminal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, tempDir } from './helpers.ts';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PtySession {
  child: ChildProcessWithoutNullStreams;
  /** Everything the terminal showed so far (escape sequences included). */
  output(): string;
  /** Types keys into the terminal. */
  type(keys: string): void;
  /** Resolves with the output once `what` appears after `from` (an offset into the output). */
  waitFor(what: string | RegExp, from?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function startPty(args: string[], env: Record<string, string>): PtySession {
  const cmd = `stty cols 100 rows 40; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: tempDir('nb-pty-'), env: { ...env, TERM: 'xterm' } });
  let out = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    for (const w of waiters.splice(0)) w();
    resolve(code);
  }));
  let closed = false;
  child.on('close', () => (closed = true));
  return {
    child,
    output: () => out,
    type: (keys) => void child.stdin.write(keys),
    exited,
    waitFor(what, from = 0) {
      const seen = () => (typeof what === 'string' ? out.indexOf(what, from) >= 0 : what.test(out.slice(from)));
      return new Promise((resolve, reject) => {
        // a guard against a hang, not a speed check: show what the terminal showed instead
        const guard = setTimeout(() => reject(new Error(`no ${String(what)} on the terminal; it showed:\n${JSON.stringify(out.slice(from))}`)), 25_000);
        const check = () => {
          if (seen()) { clearTimeout(guard); resolve(out); }
          else if (closed) { clearTimeout(guard); reject(new Error(`the console ended before showing ${String(what)}; it showed:\n${JSON.stringify(out.slice(from))}`)); }
          else waiters.push(check);
        };
        check();
      });
    },
  };
}

/** The terminal text without escape sequences and carriage returns. */
export function screenText(raw: string): string {
  return raw.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\r/g, '');
}
