// The texts every benchmark runs over: the BBC corpus in ../shared/corpus/bbc when present,
// else the project's own fixtures (seeds/ and tests/fixtures/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface Corpus {
  dir: string;
  files: string[];
  texts: string[];
  bytes: number;
}

export function listTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTexts(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** The default corpus directories, in order of preference. */
export function corpusDirs(explicit?: string): string[] {
  if (explicit) return [resolve(explicit)];
  const bbc = resolve('../shared/corpus/bbc');
  return existsSync(bbc) ? [bbc] : [resolve('seeds'), resolve('tests/fixtures')];
}

export function loadCorpus(explicit?: string): Corpus {
  const dirs = corpusDirs(explicit);
  const files = dirs.flatMap(listTexts);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  return { dir: dirs.join(', '), files, texts, bytes: texts.reduce((t, s) => t + Buffer.byteLength(s), 0) };
}

/** The label and file name the CLI would use for a corpus file. */
export function fileLabel(path: string): string {
  return basename(path);
}
