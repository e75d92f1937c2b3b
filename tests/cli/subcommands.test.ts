// Each subcommand's own --help; which commands read the seeds folder; file names in reports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliEnv, runCli, tempDir } from './helpers.ts';

const SEED = readFileSync(join(ROOT, 'seeds/000_cbdc01228e1c176c.txt'));
const SEED_HEADLINE = "'New era of ties': Putin and Xi put on united front against West after talks";

describe('newsbrief <command> --help', () => {
  it.each([
    ['start', ['--db']],
    ['console', ['--db', 'Tab', 'Ctrl-C']],
    ['ingest', ['--db']],
    ['extract', ['--json']],
    ['ask', ['--platform', '--db']],
    ['digest', ['--topic', '--db']],
  ])('GIVEN %s --help THEN its own usage, its options and an example, exit 0', async (command, options) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: newsbrief ${command}\\b`));
    for (const o of options) expect(r.stdout).toContain(o);
    expect(r.stdout).toMatch(new RegExp(`Example:\\n  (.*\\| )?(\\S+=\\S+ )?newsbrief ${command}\\b`));
    expect(r.stdout).not.toContain('Usage:\n  newsbrief start'); // not the overview
    const viaHelp = await runCli(['help', command]);
    expect(viaHelp.stdout).toBe(r.stdout);
  });

  it('GIVEN a usage mistake THEN the message points at that command\'s help', async () => {
    const r = await runCli(['ingest', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(see newsbrief ingest --help)');
  });
});

describe('only start and console read the seeds folder', () => {
  function seedsEnv() {
    const seeds = tempDir('nb-seeds-');
    writeFileSync(join(seeds, 'a.txt'), SEED);
    return cliEnv({ SEEDS_DIR: seeds });
  }

  it('GIVEN a seeds folder WHEN ask, digest preview and ingest run THEN none of them stores a seed; console does', async () => {
    const env = seedsEnv();
    const other = tempDir('nb-other-');
    writeFileSync(join(other, 'note.txt'), 'Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n');
    expect((await runCli(['ask', '/brief'], { env })).stdout).not.toContain(SEED_HEADLINE);
    expect((await runCli(['digest', 'preview'], { env })).stdout).not.toContain(SEED_HEADLINE);
    expect((await runCli(['ingest', other], { env })).stdout).toMatch(/^stored: note\.txt \(#1\) Harbour plan approved$/m);
    expect((await runCli(['ask', '/brief count:10'], { env })).stdout).not.toContain(SEED_HEADLINE);
    const chat = await runCli(['console'], { env, input: '/brief count:10\n' });
    expect(chat.stdout).toContain(SEED_HEADLINE);
  });
});

describe('files are named by their path relative to the folder given', () => {
  it('GIVEN two files of the same name in sub-folders THEN ingest and extract --json tell them apart', async () => {
    const dir = tempDir('nb-tree-');
    mkdirSync(join(dir, 'business'));
    mkdirSync(join(dir, 'tech'));
    writeFileSync(join(dir, 'business', '399.txt'), 'Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n');
    writeFileSync(join(dir, 'tech', '399.txt'), 'Chip plant opens\n\nA new chip plant opened on the edge of the town on Tuesday.\n');
    const env = cliEnv();
    const ingest = await runCli(['ingest', dir], { env });
    expect(ingest.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^stored: business\/399\.txt \(#\d+\) Harbour plan approved$/),
      expect.stringMatching(/^stored: tech\/399\.txt \(#\d+\) Chip plant opens$/),
    ]);
    const extract = await runCli(['extract', dir, '--json'], { env });
    expect(extract.stdout.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual(['business/399.txt', 'tech/399.txt']);
  });
});

describe('escape sequences in a command', () => {
  it('GIVEN /brief with a colour escape, asked and typed into a piped console THEN the answer echoes "red", never "[31m"', async () => {
    const asked = await runCli(['ask', '/brief topic:\u001b[31mred']);
    expect(asked.stdout).toContain('No stories about "red"');
    const chat = await runCli(['console'], { input: '/brief topic:\u001b[31mred\n/quote who:\u001b[1mNobodyknown\n' });
    expect(chat.stdout).toContain('No stories about "red"');
    expect(chat.stdout).toContain('"Nobodyknown"');
    for (const out of [asked.stdout, chat.stdout]) expect(out).not.toMatch(/\[31m|\[1m|\u001b/);
  });
});
