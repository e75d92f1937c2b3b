// `newsbrief stories rebuild` on a real database, through the real binary: plain progress
// lines when stdout is not a terminal, the outcome, and its --help page.
import { describe, expect, it } from 'vitest';
import { cliEnv, ROOT, runCli } from './helpers.ts';
import { join } from 'node:path';

describe('newsbrief stories rebuild', () => {
  it('GIVEN a database with the seeds THEN it rebuilds every article into stories with plain progress lines', async () => {
    const env = cliEnv();
    const ingest = await runCli(['ingest', join(ROOT, 'seeds')], { env });
    expect(ingest.code).toBe(0);
    const stored = ingest.stdout.split('\n').filter((l) => l.startsWith('stored')).length;
    const r = await runCli(['stories', 'rebuild'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`stories rebuild: ${stored}/${stored} articles (100%)`);
    expect(r.stdout).toMatch(new RegExp(`Rebuilt: ${stored} articles in \\d+ stories\\.`));
    expect(r.stdout).not.toContain('\r');
  });

  it('GIVEN --help or a wrong subcommand THEN the help page, or a usage error', async () => {
    const help = await runCli(['stories', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: newsbrief stories rebuild [--restart]');
    const bad = await runCli(['stories', 'drop']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('newsbrief stories rebuild');
  });
});
