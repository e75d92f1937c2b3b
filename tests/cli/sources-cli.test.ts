// `newsbrief sources list|add|remove|import` and `newsbrief poll --once` as processes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rss, startLocalServer, type LocalServer } from '../sources/local-server.ts';
import { cliEnv, runCli, tempDir } from './helpers.ts';

let server: LocalServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

describe('newsbrief sources and poll', () => {
  it('GIVEN add, import, list and remove THEN the store follows them; file: URLs are refused', async () => {
    const env = cliEnv();
    expect((await runCli(['sources', 'add', 'https://news.example.org/feed.xml', '--label', 'Example'], { env })).stdout).toBe('added: https://news.example.org/feed.xml\n');
    expect((await runCli(['sources', 'add', 'https://news.example.org/feed.xml'], { env })).stdout).toBe('already followed: https://news.example.org/feed.xml\n');
    const refused = await runCli(['sources', 'add', 'file:///etc/passwd'], { env });
    expect([refused.code, refused.stderr]).toEqual([1, 'newsbrief sources add: url: only http and https URLs can be sources (got file).\n']);
    const opml = join(tempDir(), 'feeds.opml');
    writeFileSync(opml, '<?xml version="1.0"?><opml version="2.0"><body><outline text="City" xmlUrl="https://city.example/rss"/><outline text="Bad" xmlUrl="ftp://x.example/f"/></body></opml>');
    const imported = await runCli(['sources', 'import', opml], { env });
    expect(imported.stdout).toContain('added: https://city.example/rss (City)');
    expect(imported.stdout).toMatch(/skipped: ftp:\/\/x\.example\/f: only http and https/);
    expect((await runCli(['sources', 'add', 'https://teasers.example/rss', '--no-full-text'], { env })).stdout).toBe('added: https://teasers.example/rss\n');
    const list = await runCli(['sources', 'list'], { env });
    expect(list.stdout).toMatch(/teasers\.example\/rss\n  state: not polled yet; no new story yet\n  full text: off/);
    expect(list.stdout).toMatch(/^Example — https:\/\/news\.example\.org\/feed\.xml\n  state: not polled yet; no new story yet\nCity — https:\/\/city\.example\/rss\n/);
    expect((await runCli(['sources', 'remove', 'https://city.example/rss'], { env })).stdout).toBe('removed: https://city.example/rss\n');
    expect((await runCli(['sources', 'list'], { env })).stdout).not.toContain('city.example');
    expect((await runCli(['sources', 'frobnicate'], { env })).code).toBe(2);
  });

  it('GIVEN a local feed THEN poll --once stores its stories with ALLOW_PRIVATE_SOURCES=true, and refuses the address without it', async () => {
    server = await startLocalServer();
    server.route('/feed', (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(rss([{ guid: 'w1', title: 'Wombat census begins', text: 'Rangers began counting wombats on Monday.' }])); });
    const env = cliEnv();
    await runCli(['sources', 'add', server.url('/feed')], { env });
    const refused = await runCli(['poll', '--once'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refused address: 127\.0\.0\.1 is a loopback/);
    expect(server.hits('/feed')).toBe(0);
    const ok = await runCli(['poll', '--once'], { env: { ...env, ALLOW_PRIVATE_SOURCES: 'true' } });
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('1 new')]);
    expect(ok.stdout).toContain('stored: ');
    expect((await runCli(['ask', '/brief topic:wombat'], { env })).stdout).toContain('Wombat census begins');
  });
});
