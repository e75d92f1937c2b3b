// The published program is the build: tsconfig.build.json compiles src/ and commands/ to plain
// JavaScript that node runs without tsx, and package.json's bin and start point at it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliEnv, tempDir } from './helpers.ts';

describe('the build', () => {
  it('GIVEN tsconfig.build.json THEN tsc emits a bin that node runs without tsx and that answers /help', { timeout: 180_000 }, () => {
    // inside the project, so that the output finds node_modules as dist/ does
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    const out = mkdtempSync(join(ROOT, 'node_modules/.cache/nb-build-'));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // .ts import specifiers were rewritten to .js
    expect(readFileSync(join(out, 'src/cli.js'), 'utf8')).not.toMatch(/from '[^']+\.ts'|import\("[^"]+\.ts"\)/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.newsbrief).toBe('dist/src/bin.js');
    expect(pkg.scripts.start).toBe('node dist/src/bin.js start');
    expect(pkg.scripts.prepare).toContain('tsconfig.build.json');
    const run = spawnSync(process.execPath, [join(out, 'src/bin.js'), 'ask', '/help'], { encoding: 'utf8', env: cliEnv(), cwd: tempDir() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/quote who:');
    rmSync(out, { recursive: true, force: true });
  });
});
