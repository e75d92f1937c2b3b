import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceResult } from '../../src/app/ingest-document.ts';
import { readSeeds } from '../../src/sources/seeds.ts';

let dir: string;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbrief-seeds-'));
  await mkdir(join(dir, 'more'));
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, '010_b.txt'), 'Second\n\nBody two.\n');
  await writeFile(join(dir, '000_a.txt'), 'First\n\nBody one.\n');
  await writeFile(join(dir, 'more', '020_c.xml'), '<rss/>');
  await writeFile(join(dir, '.DS_Store'), 'junk');
  await writeFile(join(dir, 'notes.jsonl'), '{}');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seeds(path = dir): Promise<SourceResult[]> {
  const out: SourceResult[] = [];
  for await (const d of readSeeds(path)) out.push(d);
  return out;
}
const fields = (rs: SourceResult[]) => rs.map((r) => (r.ok ? [r.label, r.origin.path, r.origin.size, r.origin.sha256] : [r.label, r.error.message]));

describe('readSeeds', () => {
  it('GIVEN a seeds folder THEN its document files come sorted, named relative to it, with size and sha256 of their bytes', async () => {
    expect(fields(await seeds())).toEqual([
      ['000_a.txt', join(dir, '000_a.txt'), 17, sha('First\n\nBody one.\n')],
      ['010_b.txt', join(dir, '010_b.txt'), 18, sha('Second\n\nBody two.\n')],
      ['more/020_c.xml', join(dir, 'more', '020_c.xml'), 6, sha('<rss/>')],
    ]);
  });

  it('GIVEN the same folder read twice THEN the hashes are identical (idempotent ingestion)', async () => {
    expect(fields(await seeds())).toEqual(fields(await seeds()));
  });

  it('GIVEN a seed THEN its text is exactly the bytes that were hashed', async () => {
    const [first] = await seeds();
    expect(first?.ok && first.input.content).toBe('First\n\nBody one.\n');
  });

  it('GIVEN a changed file THEN its hash changes and the others do not', async () => {
    const before = await seeds();
    await writeFile(join(dir, '010_b.txt'), 'Second\n\nBody two, corrected.\n');
    const after = await seeds();
    expect(fields(after)[0]).toEqual(fields(before)[0]);
    expect(fields(after)[1]?.[3]).not.toBe(fields(before)[1]?.[3]);
  });

  it.each([
    ['a missing folder', 'nope', []],
    ['an empty folder', 'empty', []],
    ['a file instead of a folder', '000_a.txt', [['000_a.txt', 'the seeds path is not a folder']]],
  ])('GIVEN %s THEN %j', async (_what, name, expected) => {
    const rs = fields(await seeds(join(dir, name)));
    expect(rs.map((r) => [String(r[0]).split('/').pop(), r[1]])).toEqual(expected);
  });
});
