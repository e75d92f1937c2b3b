// The console as a person uses it in a terminal (a pseudo-terminal through util-linux script).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliEnv } from './helpers.ts';
import { screenText, startPty } from './pty.ts';

const PROMPT = 'newsbrief> ';
// LOG_LEVEL unset: the default (info) is lowered to warn for the console
const env = () => cliEnv({ LOG_LEVEL: '', SEEDS_DIR: join(ROOT, 'seeds') });

describe('newsbrief console on a terminal', () => {
  it('GIVEN the console starts THEN the prompt is visible and no log line is printed after it', async () => {
    const t = startPty(['console'], env());
    await t.waitFor(PROMPT);
    const at = t.output().length;
    t.type('/help\r');
    await t.waitFor(/\/quote[\s\S]*newsbrief> /, at);
    t.type('\x04');
    expect(await t.exited).toBe(0);
    const text = screenText(t.output());
    expect(text).toMatch(/^newsbrief console: type \/brief/m);
    expect(text).not.toMatch(/"level"|"msg"/);
  });

  it('GIVEN a half-typed line WHEN Ctrl-C THEN the line is cleared and the next command runs alone; Ctrl-C twice on an empty line exits', async () => {
    const t = startPty(['console'], env());
    await t.waitFor(PROMPT);
    t.type('/quote who:Nobodyknown');
    await t.waitFor('Nobodyknown');
    t.type('\x03');
    const at = t.output().length;
    await t.waitFor(PROMPT, at);
    t.type('/brief count:1\r');
    await t.waitFor(/Latest briefing[\s\S]*newsbrief> /, at);
    expect(screenText(t.output().slice(at))).not.toContain('Nobodyknown');
    const empty = t.output().length;
    t.type('\x03');
    await t.waitFor('(To exit, press Ctrl-C again or Ctrl-D, or type exit)', empty);
    t.type('\x03');
    expect(await t.exited).toBe(0);
  });

  it('GIVEN Tab THEN commands, options and known speakers complete; the history is kept next to the database for the next session', { timeout: 90_000 }, async () => {
    const e = env();
    const t = startPty(['console'], e);
    await t.waitFor(PROMPT);
    // a key at a time, as typed: readline takes a chunk of several keys for a paste (no completion)
    const complete = async (typed: string, shown: string) => {
      const from = t.output().length;
      t.type(typed);
      await t.waitFor(typed, from);
      t.type('\t');
      await t.waitFor(shown, from);
    };
    // (readline shows only what the completion adds)
    await complete('/quo', 'te ');
    await complete('wh', 'o:');
    await complete('Vladimir Pu', 'tin ');
    const at = t.output().length;
    t.type('\r');
    await t.waitFor(/What Vladimir Putin said[\s\S]*newsbrief> /, at);
    t.type('\x04');
    expect(await t.exited).toBe(0);

    const history = join(dirname(e.NEWSBRIEF_DB!), '.newsbrief_history');
    expect(existsSync(history)).toBe(true);
    expect(readFileSync(history, 'utf8')).toMatch(/^\/quote who:Vladimir Putin *\n$/);
    const again = startPty(['console'], e);
    await again.waitFor(PROMPT);
    const from = again.output().length;
    again.type('\x1b[A'); // Up: the last command of the previous session
    await again.waitFor('/quote who:Vladimir Putin', from);
    again.type('\r');
    await again.waitFor(/What Vladimir Putin said/, from);
    again.type('\x04');
    expect(await again.exited).toBe(0);
  });
});
