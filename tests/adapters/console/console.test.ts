// The console adapter as a person uses it: prompt, answers, /help, exit.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../../src/adapters/console/index.ts';
import type { App } from '../../../src/app/ports.ts';
import type { Invocation } from '../../../src/app/invocation.ts';
import { silentLogger } from '../../../src/logger.ts';

function echoApp(seen: Invocation[]): App {
  return {
    async handle(inv) {
      seen.push(inv);
      return { visibility: 'public', title: `answer to /${inv.command}`, items: [] };
    },
    async autocomplete() {
      return [];
    },
  };
}

async function chat(lines: string[], interactive: boolean) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const seen: Invocation[] = [];
  const done = runConsole({ app: echoApp(seen), logger: silentLogger, input, output, interactive });
  for (const l of lines) input.write(l + '\n');
  input.end();
  await done;
  return { text, seen };
}

describe('console adapter', () => {
  it('GIVEN a terminal THEN it greets, prompts, answers each line in order and stops at "exit"', async () => {
    const { text, seen } = await chat(['/brief topic:ukraine', '/quote Putin', 'exit', '/brief'], true);
    expect(text).toMatch(/^newsbrief console: type \/brief/);
    expect(text).toContain('newsbrief> ');
    expect(text.indexOf('answer to /brief')).toBeLessThan(text.indexOf('answer to /quote'));
    expect(seen.map((s) => [s.command, s.options])).toEqual([
      ['brief', { topic: 'ukraine' }],
      ['quote', { who: 'Putin' }],
    ]);
  });

  it('GIVEN piped input THEN no prompt, blank and # lines are skipped, and a bad line gets an error while the next is answered', async () => {
    const { text, seen } = await chat(['', '# a comment', '/nosuch', '/help'], false);
    expect(text).not.toContain('newsbrief> ');
    expect(text).toMatch(/unknown command/i);
    expect(text).toContain('answer to /help');
    expect(seen.map((s) => s.command)).toEqual(['help']);
  });
});
