import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliEnv, runCli, tempDir } from './helpers.ts';

const SEED_HEADLINE = "'New era of ties': Putin and Xi put on united front against West after talks";

describe('newsbrief CLI (run as a process)', () => {
  it('GIVEN piped /brief and /quote who:Putin THEN the console answers both from the seed and exits 0', async () => {
    const r = await runCli(['console'], { input: '/brief\n/quote who:Putin\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(SEED_HEADLINE);
    expect(r.stdout).toContain('Chinese President Xi Jinping visited Russia this week and held talks with Vladimir Putin.');
    expect(r.stdout).toContain('Many of the provisions of the peace plan put forward by China');
    expect(r.stdout).toContain('However, so far we have not seen such readiness on their part.');
    expect(r.stdout).toContain('Vladimir Putin');
    expect(r.stdout).toContain('2023-03-22');
  });

  it('GIVEN bad command lines THEN each gets a plain-words error and the next line is still answered', async () => {
    const input = ['/frobnicate', '/quote who:', `/quote who:${'x'.repeat(10_000)}`, '/brief count:99', '/quote who:Nobodyknown', '/quote who:Putin'].join('\n') + '\n';
    const r = await runCli(['console'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unknown command/i);
    expect(r.stdout).toMatch(/who/i);
    expect(r.stdout).toMatch(/count/i);
    expect(r.stdout).toMatch(/no quotes from "Nobodyknown"/i);
    expect(r.stdout).toContain('Many of the provisions of the peace plan');
    expect(r.stdout.length).toBeLessThan(20_000);
  });

  it('GIVEN extract seeds/ --json THEN one JSON object per article with the stable contract', async () => {
    const r = await runCli(['extract', join(ROOT, 'seeds'), '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!);
    expect(rec).toMatchObject({ file: '000_cbdc01228e1c176c.txt', url: null, headline: SEED_HEADLINE, published: '2023-03-22' });
    expect(rec.summary).toEqual([
      'Chinese President Xi Jinping visited Russia this week and held talks with Vladimir Putin.',
      "China's ties to Russia have been criticised, amid the ongoing war in Ukraine.",
      "The two leaders took aim at the US and expressed concern over NATO's growing presence in Asia.",
    ]);
    for (const q of rec.quotes) {
      expect(Object.keys(q).sort()).toEqual(['kind', 'speaker', 'text']);
      expect(['direct', 'partial', 'block']).toContain(q.kind);
    }
    expect(rec.quotes.some((q: { speaker: string }) => q.speaker === 'Vladimir Putin')).toBe(true);
  });

  it('GIVEN extract of an empty feed and a missing path THEN each is reported on stderr and the exit status is 1', async () => {
    const dir = tempDir('nb-extract-');
    writeFileSync(join(dir, 'empty-feed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>');
    // LOG_LEVEL unset: a one-shot command keeps its log to errors, the failed: lines say it all
    const r = await runCli(['extract', join(dir, 'empty-feed.xml'), join(dir, 'missing.txt'), join(ROOT, 'seeds'), '--json'], { env: cliEnv({ LOG_LEVEL: '' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^failed: empty-feed\.xml: no articles/m);
    expect(r.stderr).toMatch(/^failed: .*missing\.txt: no such file/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/"level"/);
  });

  it('GIVEN a folder with good and bad files THEN good ones are stored, bad ones reported, exit 1; again THEN duplicates', async () => {
    const dir = tempDir('nb-ingest-');
    writeFileSync(join(dir, 'good.txt'), readFileSync(join(ROOT, 'seeds/000_cbdc01228e1c176c.txt')));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));
    writeFileSync(join(dir, 'broken-feed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Unclosed');
    const env = cliEnv();
    const r = await runCli(['ingest', dir], { env });
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/^stored: good\.txt/m);
    expect(out).toMatch(/^failed: .*empty\.txt: .*empty/im);
    expect(out).toMatch(/^failed: .*binary\.bin: .*binary/im);
    expect(out).toMatch(/^failed: .*latin1\.txt: .*UTF-8/im);
    expect(out).toMatch(/^failed: .*broken-feed\.xml: /im);
    const again = await runCli(['ingest', join(dir, 'good.txt')], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^duplicate: good\.txt/m);
  });

  it('GIVEN ask --platform discord and slack THEN the payloads are JSON that cannot ping anyone', async () => {
    const env = cliEnv();
    expect((await runCli(['ingest', join(ROOT, 'seeds')], { env })).code).toBe(0);
    const d = await runCli(['ask', '/quote who:Putin', '--platform', 'discord'], { env });
    expect(d.code).toBe(0);
    const dp = JSON.parse(d.stdout);
    for (const p of Array.isArray(dp) ? dp : [dp]) expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(d.stdout).toContain('Many of the provisions of the peace plan');
    const s = await runCli(['ask', '/quote who:Putin', '--platform', 'slack'], { env });
    expect(s.code).toBe(0);
    const sp = JSON.parse(s.stdout);
    expect(typeof sp.text).toBe('string');
    expect(Array.isArray(sp.blocks)).toBe(true);
    expect(s.stdout).toContain('Many of the provisions of the peace plan');
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['ask', '/brief', '--platform', 'teams'], /--platform must be text, discord or slack/],
    [['ingest'], /give at least one file/],
    [['extract', 'x', '--colour'], /Unknown option '--colour'/],
  ])('GIVEN %j THEN a clear message and exit 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('GIVEN a bad configuration value THEN the error names the variable', async () => {
    const r = await runCli(['console'], { env: cliEnv({ DIGEST_TIMEZONE: 'Nowhere/Land' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DIGEST_TIMEZONE/);
  });

  it('GIVEN seeds ingested once THEN starting again does not ingest them twice', async () => {
    const env = cliEnv();
    const seeds = tempDir('nb-seeds-');
    mkdirSync(seeds, { recursive: true });
    writeFileSync(join(seeds, 'a.txt'), readFileSync(join(ROOT, 'seeds/000_cbdc01228e1c176c.txt')));
    env.SEEDS_DIR = seeds;
    await runCli(['console'], { env, input: '' });
    const r = await runCli(['console'], { env, input: '/brief count:10\n' });
    expect(r.stdout.split(SEED_HEADLINE).length - 1).toBe(1);
  });
});
