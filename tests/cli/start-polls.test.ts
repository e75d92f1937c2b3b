// `newsbrief start` as a process, with FEEDS pointing at a local server: the poller runs on the
// scheduler from start, and a story added to the feed reaches /brief (asked on the console, on
// stdin) after the next poll. FEED_POLL_SECONDS=1 is the test-only short interval.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { rss, startLocalServer, type LocalServer } from '../sources/local-server.ts';
import { BIN, cliEnv, tempDir } from './helpers.ts';

let server: LocalServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

describe('newsbrief start with FEEDS', () => {
  it('GIVEN a feed on a local server THEN its story reaches /brief, and a story added later reaches /brief after the next poll', async () => {
    server = await startLocalServer();
    const items = [{ guid: 'q1', title: 'Quokka parade crowds the harbour', text: 'Thousands watched the quokka parade along the harbour on Saturday.' }];
    server.route('/feed', (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(rss(items)); });
    const env = cliEnv({ FEEDS: server.url('/feed'), ALLOW_PRIVATE_SOURCES: 'true', FEED_POLL_SECONDS: '1' });
    const child = spawn(process.execPath, [BIN, 'start'], { cwd: tempDir('nb-cwd-'), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    /** Asks `command` on the console until the answer contains `text` (each answer is new output). */
    const askUntil = async (command: string, text: string) => {
      for (let i = 0; i < 100; i++) {
        const from = stdout.length;
        child.stdin.write(`${command}\n`);
        await new Promise((r) => setTimeout(r, 300));
        if (stdout.slice(from).includes(text)) return stdout.slice(from);
      }
      throw new Error(`never saw "${text}" in the answers to ${command}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`);
    };
    try {
      const first = await askUntil('/brief topic:quokka', 'Quokka parade crowds the harbour');
      expect(first).not.toContain('Quokka festival');
      const hitsBefore = server.hits('/feed');
      items.unshift({ guid: 'q2', title: 'Quokka festival announced for spring', text: 'The town will hold a quokka festival in the spring, the mayor said.' });
      const second = await askUntil('/brief topic:quokka', 'Quokka festival announced for spring');
      expect(server.hits('/feed')).toBeGreaterThan(hitsBefore);
      expect(second).toContain('Quokka parade crowds the harbour');
      const list = await askUntil('/sources list', server.url('/feed'));
      expect(list).toMatch(/state: ok/);
      expect(list).toContain('last new story');
    } finally {
      child.stdin.end();
      child.kill('SIGTERM');
      await closed;
    }
  });
});
