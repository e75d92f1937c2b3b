// Validation of a command's options, written once: the text grammar (command-text.ts) and
// already-structured options (Discord interactions) both end here.
import { commands, findCommand } from '../../commands/index.ts';
import type { CommandDef, CommandName, OptionDef } from '../../commands/index.ts';
import { distance } from 'fastest-levenshtein';
import { BriefingError } from '../core/errors.ts';
import { sanitizeText } from '../core/sanitize.ts';
import { usage } from './help.ts';
import type { Invocation, OptionValue } from './invocation.ts';

/** A string option without its own maxLength is capped here (Discord's own cap is 6000). */
export const DEFAULT_MAX_LENGTH = 1000;

/** Shows at most this much of a user's value in an error message. */
function preview(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

/** The candidate within two edits of the word (a typo), if any. */
export function closest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  if (w.length < 2 || w.length > 40) return null;
  let best: string | null = null;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(w, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** The command definition for a (case-insensitive) name, or a BriefingError('unknown_command'). */
export function resolveCommand(name: string): CommandDef & { name: CommandName } {
  const def = findCommand(name.toLowerCase());
  if (!def) {
    const names = commands.map((c) => c.name);
    const guess = closest(name, names);
    throw new BriefingError(
      'unknown_command',
      `Unknown command "/${preview(name)}".${guess ? ` Did you mean /${guess}?` : ''}`,
      { hint: `Commands: ${names.map((n) => `/${n}`).join(', ')}. Try /help.`, context: { command: name } },
    );
  }
  return def as CommandDef & { name: CommandName };
}

/** The options a command (or one of its subcommands) takes. Validates the subcommand. */
export function resolveOptions(def: CommandDef, subcommand: string | null): { subcommand: string | null; options: readonly OptionDef[] } {
  if (!def.subcommands || def.subcommands.length === 0) {
    if (subcommand) {
      throw new BriefingError('bad_option', `/${def.name} has no subcommand "${preview(subcommand)}".`, {
        hint: usage(def.name),
        context: { command: def.name, subcommand },
      });
    }
    return { subcommand: null, options: def.options ?? [] };
  }
  const names = def.subcommands.map((s) => s.name);
  if (!subcommand) {
    throw new BriefingError('bad_option', `/${def.name} needs one of: ${names.join(', ')}.`, {
      hint: usage(def.name),
      context: { command: def.name },
    });
  }
  const sub = def.subcommands.find((s) => s.name === subcommand.toLowerCase());
  if (!sub) {
    throw new BriefingError('bad_option', `/${def.name} has no subcommand "${preview(subcommand)}"; use one of: ${names.join(', ')}.`, {
      hint: usage(def.name),
      context: { command: def.name, subcommand },
    });
  }
  return { subcommand: sub.name, options: sub.options ?? [] };
}

function badOption(def: CommandDef, subcommand: string | null, message: string, context: Record<string, unknown>): BriefingError {
  return new BriefingError('bad_option', message, { hint: usage(def.name, subcommand), context: { command: def.name, subcommand, ...context } });
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** Checks and converts one option value (a string from text, or a typed value from Discord). */
export function validateOptionValue(def: CommandDef, subcommand: string | null, opt: OptionDef, raw: unknown): OptionValue {
  const fail = (message: string) => badOption(def, subcommand, message, { option: opt.name, value: typeof raw === 'string' ? preview(raw) : raw });
  let value: OptionValue;
  switch (opt.type) {
    case 'string': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw fail(`${opt.name}: needs text.`);
      const text = sanitizeText(String(raw)).replace(/\s+/g, ' ');
      const length = [...text].length;
      const min = opt.minLength ?? 1;
      const max = opt.maxLength ?? DEFAULT_MAX_LENGTH;
      if (length === 0) throw fail(`${opt.name}: needs a value, e.g. ${opt.name}:${exampleValue(opt)}.`);
      if (length < min) throw fail(`${opt.name}: is too short (at least ${min} characters).`);
      if (length > max) throw fail(`${opt.name}: is too long (${length} characters; at most ${max}).`);
      value = text;
      break;
    }
    case 'integer': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && /^\s*[+-]?\d{1,15}\s*$/.test(raw)) n = Number(raw.trim());
      else throw fail(`${opt.name}: must be a whole number, e.g. ${opt.name}:${exampleValue(opt)}.`);
      if (!Number.isSafeInteger(n)) throw fail(`${opt.name}: must be a whole number, e.g. ${opt.name}:${exampleValue(opt)}.`);
      if ((opt.minValue !== undefined && n < opt.minValue) || (opt.maxValue !== undefined && n > opt.maxValue)) {
        throw fail(`${opt.name}: must be ${rangeText(opt)} (got ${n}).`);
      }
      value = n;
      break;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') value = raw;
      else if (typeof raw === 'string' && TRUE_WORDS.has(raw.trim().toLowerCase())) value = true;
      else if (typeof raw === 'string' && FALSE_WORDS.has(raw.trim().toLowerCase())) value = false;
      else throw fail(`${opt.name}: must be true or false.`);
      break;
    }
  }
  if (opt.choices && opt.choices.length > 0) {
    const wanted = String(value).toLowerCase();
    const choice = opt.choices.find((c) => String(c.value).toLowerCase() === wanted || c.name.toLowerCase() === wanted);
    if (!choice) throw fail(`${opt.name}: must be one of ${opt.choices.map((c) => c.value).join(', ')}.`);
    value = choice.value;
  }
  return value;
}

function rangeText(opt: OptionDef): string {
  if (opt.minValue !== undefined && opt.maxValue !== undefined) return `between ${opt.minValue} and ${opt.maxValue}`;
  if (opt.minValue !== undefined) return `at least ${opt.minValue}`;
  return `at most ${opt.maxValue}`;
}

function exampleValue(opt: OptionDef): string {
  if (opt.example) return opt.example;
  const first = opt.choices?.[0];
  if (first) return String(first.value);
  if (opt.type === 'integer') return String(opt.minValue ?? 1);
  if (opt.type === 'boolean') return 'true';
  return 'word';
}

/**
 * Validates a command whose options arrived already structured (Discord), or were parsed from
 * text: unknown command / subcommand / option, missing required options, types, ranges, lengths
 * and choices. Option names are case-insensitive. Throws BriefingError with the usage line as hint.
 */
export function normalizeInvocation(command: string, subcommand: string | null | undefined, rawOptions: Record<string, unknown>): Invocation {
  return normalizeOptionList(command, subcommand, Object.entries(rawOptions));
}

/** normalizeInvocation over a list of [name, value] pairs, so that a repeated option is caught. */
export function normalizeOptionList(command: string, subcommand: string | null | undefined, entries: ReadonlyArray<readonly [string, unknown]>): Invocation {
  const def = resolveCommand(command);
  const { subcommand: sub, options: defs } = resolveOptions(def, subcommand ?? null);
  const options: Record<string, OptionValue> = {};
  for (const [rawName, rawValue] of entries) {
    if (rawValue === undefined || rawValue === null) continue;
    const opt = defs.find((o) => o.name === rawName.toLowerCase());
    if (!opt) {
      const known = defs.map((o) => o.name);
      const guess = closest(rawName, known);
      throw badOption(
        def,
        sub,
        known.length === 0
          ? `/${[def.name, sub].filter(Boolean).join(' ')} takes no options (got "${preview(rawName)}").`
          : `/${[def.name, sub].filter(Boolean).join(' ')} has no option "${preview(rawName)}"; ${guess ? `did you mean ${guess}:? It` : 'it'} takes ${known.join(', ')}.`,
        { option: rawName },
      );
    }
    if (opt.name in options) throw badOption(def, sub, `${opt.name}: given twice.`, { option: opt.name });
    options[opt.name] = validateOptionValue(def, sub, opt, rawValue);
  }
  for (const opt of defs) {
    if (opt.required && !(opt.name in options)) {
      throw badOption(def, sub, `/${[def.name, sub].filter(Boolean).join(' ')} needs ${opt.name}:, e.g. ${opt.name}:${exampleValue(opt)}.`, { option: opt.name });
    }
  }
  return { command: def.name, subcommand: sub, options };
}
