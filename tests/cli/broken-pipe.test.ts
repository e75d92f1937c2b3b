// A reader that stops early (`newsbrief console | head -1`) must not crash the command.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, tempDir } from './helpers.ts';

describe('newsbrief with a closed stdout', () => {
  it('GIVEN the reader closes stdout after the first answer THEN the command ends quietly with status 141, no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'console'], { cwd: tempDir('nb-cwd-'), env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // the first answer arrives, then the reader goes away, then more answers are written
    const first = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdin.write('/help\n');
    await first;
    child.stdout.destroy();
    child.stdin.end('/help\n/brief\n/quote who:Putin\n'.repeat(20));
    const code = await closed;
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(code).toBe(141);
  });
});
