// The text grammar of slash commands, as typed in Slack and the console:
//   /quote who:"Vladimir Putin" about:peace count:3     /quote Putin     /digest subscribe time:08:00
// - the leading slash is optional; command, subcommand and option names are case-insensitive;
// - `name:value`; a value with spaces is quoted ("…", “…”, „…“, «…», '…', ‘…’) or simply runs on
//   until the next `name:` (so `/brief topic:interest rates count:3` works);
// - words before any `name:` fill the command's first option (`/quote Vladimir Putin` -> who).
// Validation is shared with structured options (command-options.ts).
import { BriefingError } from '../core/errors.ts';
import { normalizeOptionList, resolveCommand } from './command-options.ts';
import type { Invocation, OptionValue } from './invocation.ts';

const CLOSERS: Record<string, readonly string[]> = {
  '"': ['"', '”', '“'],
  '“': ['”', '"', '“'],
  '”': ['”', '"'],
  '„': ['“', '”', '"'],
  '«': ['»'],
  '‘': ['’', "'"],
  "'": ["'", '’'],
};

const OPTION_PREFIX = /^([\p{L}_][\p{L}\p{N}_-]{0,31}):(?!\/\/)/u;
const SPACE = /\s/u;

interface Token {
  /** Option name when written `name:value`, else null (a bare word). */
  name: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the arguments into bare words and `name:value` tokens, honouring quotes. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (SPACE.test(text[i] ?? '')) {
      i++;
      continue;
    }
    let name: string | null = null;
    const prefix = OPTION_PREFIX.exec(text.slice(i, i + 40));
    if (prefix) {
      name = prefix[1] ?? null;
      i += prefix[0].length;
    }
    const open = text[i] ?? '';
    const closers = CLOSERS[open];
    if (closers) {
      let j = i + 1;
      while (j < n && !closers.includes(text[j] ?? '')) j++;
      tokens.push({ name, value: text.slice(i + 1, j), quoted: true });
      i = j + 1; // an unclosed quote runs to the end of the line
    } else {
      let j = i;
      while (j < n && !SPACE.test(text[j] ?? '')) j++;
      tokens.push({ name, value: text.slice(i, j), quoted: false });
      i = j;
    }
  }
  return tokens;
}

/**
 * Parses the arguments of one command (what Slack sends as `text` for `/quote`), e.g.
 * parseCommandArgs('quote', 'who:"Vladimir Putin" count:3'). Throws BriefingError.
 */
export function parseCommandArgs(command: string, text: string): Invocation {
  const def = resolveCommand(command.trim().replace(/^\//, ''));
  const tokens = tokenize(text);
  let subcommand: string | null = null;
  if (def.subcommands && def.subcommands.length > 0) {
    const first = tokens[0];
    if (first && first.name === null && !first.quoted) {
      subcommand = first.value;
      tokens.shift();
    }
  }
  const leading: string[] = [];
  const entries: Array<[string, string]> = [];
  for (const token of tokens) {
    const last = entries[entries.length - 1];
    if (token.name !== null) entries.push([token.name, token.value]);
    else if (last) last[1] = last[1].length > 0 ? `${last[1]} ${token.value}` : token.value;
    else leading.push(token.value);
  }
  if (leading.length > 0) {
    const sub = subcommand ? def.subcommands?.find((s) => s.name === subcommand.toLowerCase()) : undefined;
    const first = (sub ? sub.options : def.options)?.[0];
    if (first) entries.unshift([first.name, leading.join(' ')]);
    else entries.unshift([leading[0] ?? '', leading.join(' ')]); // reported as "takes no options"
  }
  return normalizeOptionList(def.name, subcommand, entries);
}

/**
 * Parses one line as typed by a user: `/quote who:"Vladimir Putin" about:peace count:3`,
 * `/quote Putin`, `digest subscribe time:08:00 timezone:Europe/London`. Throws
 * BriefingError('unknown_command' | 'bad_option') with the usage line as hint.
 */
export function parseCommandText(line: string): Invocation {
  const trimmed = line.trim().replace(/^\//, '');
  const match = /^(\S+)\s*([\s\S]*)$/u.exec(trimmed);
  if (!match) {
    throw new BriefingError('unknown_command', 'Type a command, for example /brief or /quote Putin.', { hint: 'Try /help.', context: { line } });
  }
  return parseCommandArgs(match[1] ?? '', match[2] ?? '');
}

/** Openers tried for a value that needs quoting, each with the closers the tokenizer ends it at. */
const QUOTE_STYLES: ReadonlyArray<readonly [string, string]> = [['"', '"'], ['“', '”'], ['«', '»'], ["'", "'"], ['‘', '’']];

function quoteValue(value: string): string | null {
  // a bare word is safe unless it starts like a quoted value or a URL's "//" (not an option then)
  if (value.length > 0 && !/[\s]/u.test(value) && !CLOSERS[value[0] ?? ''] && !value.startsWith('//')) return value;
  for (const [open, close] of QUOTE_STYLES) {
    if (!(CLOSERS[open] ?? []).some((c) => value.includes(c))) return `${open}${value}${close}`;
  }
  return null;
}

/**
 * A validated command written back in the text grammar (`/brief topic:"interest rates" page:2`),
 * or null when a value cannot be written so that it parses back to the same command (a value
 * holding every kind of quotation mark). The result is checked by parsing it again.
 */
export function formatCommandText(command: string, subcommand: string | null, options: Readonly<Record<string, OptionValue>>): string | null {
  const parts = [`/${command}`, ...(subcommand ? [subcommand] : [])];
  for (const [name, value] of Object.entries(options)) {
    const text = quoteValue(String(value));
    if (text === null) return null;
    parts.push(`${name}:${text}`);
  }
  const line = parts.join(' ');
  try {
    const back = parseCommandText(line);
    const same = back.command === command && back.subcommand === subcommand &&
      Object.keys(back.options).length === Object.keys(options).length &&
      Object.entries(options).every(([k, v]) => back.options[k] === v);
    return same ? line : null;
  } catch {
    return null;
  }
}
