import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { renderText } from '../../src/adapters/console/render.ts';
import { parseCommandText } from '../../src/app/command-text.ts';
import { helpMessage, usage } from '../../src/app/help.ts';

describe('usage', () => {
  it.each([
    ['brief', null, '/brief [topic:<words>] [count:<1-10>] [page:<n>]'],
    ['quote', null, '/quote who:<name> [about:<words>] [count:<1-10>] [kind:<default|all>] [page:<n>]'],
    ['QUOTE', null, '/quote who:<name> [about:<words>] [count:<1-10>] [kind:<default|all>] [page:<n>]'],
    ['help', null, '/help [command:<brief|quote|digest|sources>]'],
    ['digest', 'subscribe', '/digest subscribe [time:<HH:MM>] [timezone:<Area/City>] [topic:<words>]'],
    ['digest', 'status', '/digest status'],
    ['digest', null, '/digest subscribe [time:<HH:MM>] [timezone:<Area/City>] [topic:<words>] | /digest unsubscribe | /digest status | /digest now'],
    ['weather', null, ''],
  ])('GIVEN %s %s THEN %j', (command, sub, expected) => {
    expect(usage(command, sub)).toBe(expected);
  });
});

describe('helpMessage', () => {
  it('GIVEN no command THEN an ephemeral overview with one section per command, each with its usage line and an example that parses', () => {
    const m = helpMessage();
    expect(m.visibility).toBe('ephemeral');
    expect(m.sections?.map((s) => s.heading.split(' ')[0])).toEqual(commands.map((c) => `/${c.name}`));
    for (const s of m.sections ?? []) {
      const example = s.lines.find((l) => l.startsWith('e.g. '));
      expect(example).toBeDefined();
      expect(() => parseCommandText((example ?? '').slice(5))).not.toThrow();
    }
    expect(renderText(m)).toContain('/quote who:<name> [about:<words>] [count:<1-10>] [kind:<default|all>] [page:<n>]');
  });

  it.each(['quote', '/quote', 'QUOTE'])('GIVEN %s THEN the detailed help of /quote: help text, options and all examples', (name) => {
    const m = helpMessage(name);
    expect(m.title).toBe('Help: /quote');
    const lines = m.sections?.[0]?.lines ?? [];
    expect(lines).toContain('who: Who said it (a name, e.g. Putin) (required)');
    expect(lines).toContain('e.g. /quote who:"Vladimir Putin" about:peace count:3');
  });

  it('GIVEN /digest THEN each subcommand has its line', () => {
    const text = renderText(helpMessage('digest'));
    for (const sub of ['subscribe', 'unsubscribe', 'status', 'now']) expect(text).toContain(`/digest ${sub}`);
  });

  it('GIVEN an unknown command THEN a warning naming it, and the overview', () => {
    const m = helpMessage('weather');
    expect(m.notice?.text).toBe('There is no command "/weather".');
    expect(m.notice?.hint).toBe('Commands: /brief, /quote, /digest, /sources, /help');
    expect(m.sections).toHaveLength(commands.length);
  });
});
