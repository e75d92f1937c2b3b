// The README's command reference stays in step with the definitions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandText } from '../../src/app/command-text.ts';
import { usage } from '../../src/app/help.ts';

const doc = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README command reference', () => {
  const lines = commands.flatMap((c) => usage(c.name).split(' | '));

  it.each(lines)('GIVEN the usage line %s THEN the reference shows it', (line) => {
    expect(doc.replace(/\\\|/g, '|')).toContain(`\`${line}\``);
  });

  it('GIVEN the examples in the reference THEN each one parses', () => {
    const examples = [...doc.matchAll(/^(\/\S+.*?)(?:\s{3,}.*)?$/gm)].map((m) => m[1] ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const e of examples) expect(() => parseCommandText(e)).not.toThrow();
  });
});
