import { describe, expect, it } from 'vitest';
import { stripControls } from '../../src/core/strip-controls.ts';

describe('stripControls', () => {
  it.each([
    ['GIVEN a colour escape sequence', '/brief \u001b[31mred\u001b[0m', '/brief red'],
    ['GIVEN a cursor movement', '/quote who:\u001b[2KPutin', '/quote who:Putin'],
    ['GIVEN a window-title OSC sequence', '/brief \u001b]0;pwned\u0007topic:x', '/brief topic:x'],
    ['GIVEN a lone escape, bell, backspace and DEL', '/brief \u001bred\u0007\b\u007f', '/brief red'],
    ['GIVEN a C1 control sequence introducer', '/brief \u009b31mred', '/brief red'],
    ['GIVEN a tab', '/quote\twho:Putin', '/quote who:Putin'],
    ['GIVEN accents, curly quotes and emoji', '/quote who:“Zelenskyy” 🇺🇦 é', '/quote who:“Zelenskyy” 🇺🇦 é'],
  ])('%s THEN %j', (_name, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });
});
