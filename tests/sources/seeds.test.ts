import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/core/errors.ts';
import { listSeedFiles } from '../../src/sources/seeds.ts';

let dir: string;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbrief-seeds-'));
  await mkdir(join(dir, 'more'));
  await writeFile(join(dir, '010_b.txt'), 'Second\n\nBody two.\n');
  await writeFile(join(dir, '000_a.txt'), 'First\n\nBody one.\n');
  await writeFile(join(dir, 'more', '020_c.xml'), '<rss/>');
  await writeFile(join(dir, '.DS_Store'), 'junk');
  await writeFile(join(dir, 'notes.jsonl'), '{}');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listSeedFiles', () => {
  it('GIVEN a seeds folder THEN its document files are listed sorted, with size and sha256 of their bytes', async () => {
    const files = await listSeedFiles(dir);
    expect(files.map((f) => [f.name, f.size, f.sha256])).toEqual([
      ['000_a.txt', 17, sha('First\n\nBody one.\n')],
      ['010_b.txt', 18, sha('Second\n\nBody two.\n')],
      ['020_c.xml', 6, sha('<rss/>')],
    ]);
    expect(files[2]?.path).toBe(join(dir, 'more', '020_c.xml'));
  });

  it('GIVEN the same folder listed twice THEN the hashes are identical (idempotent ingestion)', async () => {
    const fields = async () => (await listSeedFiles(dir)).map((f) => [f.path, f.size, f.sha256, f.hash]);
    expect(await fields()).toEqual(await fields());
  });

  it('GIVEN a listed seed THEN read() gives exactly the bytes that were hashed', async () => {
    const [first] = await listSeedFiles(dir);
    const bytes = await first?.read();
    expect(Buffer.from(bytes ?? []).toString('utf8')).toBe('First\n\nBody one.\n');
    expect(createHash('sha256').update(bytes ?? new Uint8Array()).digest('hex')).toBe(first?.hash);
  });

  it('GIVEN a changed file THEN its hash changes and the others do not', async () => {
    const before = await listSeedFiles(dir);
    await writeFile(join(dir, '010_b.txt'), 'Second\n\nBody two, corrected.\n');
    const after = await listSeedFiles(dir);
    expect(after[0]?.sha256).toBe(before[0]?.sha256);
    expect(after[1]?.sha256).not.toBe(before[1]?.sha256);
  });

  it.each([
    ['missingOk', { missingOk: true }, null],
    ['no option', {}, 'no such file or folder'],
  ])('GIVEN a missing folder and %s THEN %s', async (_what, opts, message) => {
    const run = listSeedFiles(join(dir, 'nope'), opts);
    if (message === null) await expect(run).resolves.toEqual([]);
    else await expect(run).rejects.toThrow(BriefingError);
  });
});
