// Tab completion in the console: what readline is given for the text before the cursor.
import { describe, expect, it } from 'vitest';
import { completeLine } from '../../../src/adapters/console/complete.ts';
import type { App } from '../../../src/app/ports.ts';

const asked: Array<[string, string, string]> = [];
const app: App = {
  async handle() {
    return { visibility: 'public', items: [] };
  },
  async autocomplete(command, option, value) {
    asked.push([command, option, value]);
    return [{ name: 'Vladimir Putin (7 quotes)', value: 'Vladimir Putin' }, { name: 'Vladimir Zelensky', value: 'Vladimir Zelensky' }].filter((c) =>
      c.value.toLowerCase().startsWith(value.toLowerCase()),
    );
  },
};

describe('completeLine', () => {
  it.each([
    ['GIVEN a slash and part of a command', '/qu', [['/quote '], '/qu']],
    ['GIVEN a command without its slash', 'br', [['brief '], 'br']],
    ['GIVEN only a slash', '/', [['/brief ', '/quote ', '/digest ', '/sources ', '/help '], '/']],
    ['GIVEN an unknown command', '/frob', [[], '/frob']],
    ['GIVEN a command and a space', '/quote ', [['who:', 'about:', 'count:', 'kind:', 'page:'], '']],
    ['GIVEN a value and a space', '/quote who:Putin ', [['about:', 'count:', 'kind:', 'page:'], '']],
    ['GIVEN a word after a value that no speaker continues', '/quote who:Putin pa', [['page:'], 'pa']],
    ['GIVEN part of an option name', '/quote wh', [['who:'], 'wh']],
    ['GIVEN an option already given', '/quote who:Putin c', [['count:'], 'c']],
    ['GIVEN a subcommand being typed', '/digest su', [['subscribe '], 'su']],
    ['GIVEN a subcommand and a space', '/digest subscribe ', [['time:', 'timezone:', 'topic:'], '']],
    ['GIVEN an option of a command with no such option', '/brief who:Pu', [[], 'who:Pu']],
    ['GIVEN a help topic being typed', '/help command:qu', [['command:quote '], 'command:qu']],
  ])('%s (%j) THEN the candidates and the text they replace', async (_name, line, expected) => {
    expect(await completeLine(app, line)).toEqual(expected);
  });

  it('GIVEN part of a speaker after who: THEN the known speakers from the app, the value with its spaces replaced whole', async () => {
    asked.length = 0;
    expect(await completeLine(app, '/quote who:Vladimir P')).toEqual([['who:Vladimir Putin '], 'who:Vladimir P']);
    expect(asked).toEqual([['quote', 'who', 'Vladimir P']]);
    expect(await completeLine(app, '/QUOTE WHO:vlad')).toEqual([['WHO:Vladimir Putin ', 'WHO:Vladimir Zelensky '], 'WHO:vlad']);
  });

  it('GIVEN an app whose autocomplete fails THEN no candidates, no error', async () => {
    const failing: App = { ...app, autocomplete: () => Promise.reject(new Error('database is locked')) };
    expect(await completeLine(failing, '/quote who:Pu')).toEqual([[], 'who:Pu']);
  });
});
