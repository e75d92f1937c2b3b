// Every command definition checked against Discord's application-command limits, and the
// generated Discord JSON checked against the definitions it comes from.
import { describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../commands/index.ts';
import type { CommandDef, OptionDef } from '../../commands/index.ts';
import { toDiscordCommands } from '../../src/adapters/discord/command-json.ts';
import { validateOptionValue } from '../../src/app/command-options.ts';
import { parseCommandText } from '../../src/app/command-text.ts';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Discord's rules for one option; returns the broken ones. */
function optionProblems(where: string, opt: OptionDef): string[] {
  const p: string[] = [];
  if (!NAME.test(opt.name) || opt.name !== opt.name.toLowerCase()) p.push(`${where}: name "${opt.name}"`);
  if (opt.description.length < 1 || opt.description.length > 100) p.push(`${where}: description length ${opt.description.length}`);
  if ((opt.choices?.length ?? 0) > 25) p.push(`${where}: more than 25 choices`);
  if (opt.choices && opt.autocomplete) p.push(`${where}: choices and autocomplete together`);
  for (const c of opt.choices ?? []) {
    if (c.name.length < 1 || c.name.length > 100) p.push(`${where}: choice name "${c.name}"`);
    if (String(c.value).length > 100) p.push(`${where}: choice value too long`);
    if (opt.type === 'integer' && !Number.isInteger(Number(c.value))) p.push(`${where}: choice not an integer`);
  }
  if (opt.minLength !== undefined && (opt.minLength < 0 || opt.minLength > 6000)) p.push(`${where}: min_length`);
  if (opt.maxLength !== undefined && (opt.maxLength < 1 || opt.maxLength > 6000)) p.push(`${where}: max_length`);
  if (opt.minLength !== undefined && opt.maxLength !== undefined && opt.minLength > opt.maxLength) p.push(`${where}: min_length > max_length`);
  if (opt.minValue !== undefined && opt.maxValue !== undefined && opt.minValue > opt.maxValue) p.push(`${where}: min_value > max_value`);
  if (opt.type !== 'string' && (opt.minLength !== undefined || opt.maxLength !== undefined)) p.push(`${where}: length limits on a non-string`);
  if (opt.type !== 'integer' && (opt.minValue !== undefined || opt.maxValue !== undefined)) p.push(`${where}: value limits on a non-integer`);
  return p;
}

function optionListProblems(where: string, options: readonly OptionDef[]): string[] {
  const p: string[] = [];
  if (options.length > 25) p.push(`${where}: more than 25 options`);
  const names = options.map((o) => o.name);
  if (new Set(names).size !== names.length) p.push(`${where}: duplicate option names`);
  const firstOptional = options.findIndex((o) => !o.required);
  if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required)) p.push(`${where}: a required option after an optional one`);
  for (const o of options) p.push(...optionProblems(`${where} ${o.name}`, o));
  return p;
}

function commandProblems(def: CommandDef): string[] {
  const p: string[] = [];
  if (!NAME.test(def.name) || def.name !== def.name.toLowerCase()) p.push(`${def.name}: name`);
  if (def.description.length < 1 || def.description.length > 100) p.push(`${def.name}: description length ${def.description.length}`);
  if (def.help.trim().length === 0) p.push(`${def.name}: no help text`);
  if (def.examples.length === 0) p.push(`${def.name}: no examples`);
  if (def.subcommands && def.options) p.push(`${def.name}: both subcommands and options`);
  if (def.subcommands) {
    if (def.subcommands.length > 25) p.push(`${def.name}: more than 25 subcommands`);
    const names = def.subcommands.map((s) => s.name);
    if (new Set(names).size !== names.length) p.push(`${def.name}: duplicate subcommands`);
    for (const s of def.subcommands) {
      if (!NAME.test(s.name) || s.name !== s.name.toLowerCase()) p.push(`${def.name} ${s.name}: name`);
      if (s.description.length < 1 || s.description.length > 100) p.push(`${def.name} ${s.name}: description length`);
      p.push(...optionListProblems(`${def.name} ${s.name}`, s.options ?? []));
    }
  } else {
    p.push(...optionListProblems(def.name, def.options ?? []));
  }
  // Discord: name, description and every option's name, description and choices <= 4000 together.
  const all = [def.name, def.description, ...(def.subcommands ?? []).flatMap((s) => [s.name, s.description, ...(s.options ?? []).flatMap(optionText)]), ...(def.options ?? []).flatMap(optionText)];
  if (all.join('').length > 4000) p.push(`${def.name}: more than 4000 characters`);
  return p;
}

function optionText(o: OptionDef): string[] {
  return [o.name, o.description, ...(o.choices ?? []).flatMap((c) => [c.name, String(c.value)])];
}

describe('command definitions', () => {
  it.each(commands.map((c) => [c.name, c] as const))('GIVEN /%s THEN it keeps every Discord limit', (_name, def) => {
    expect(commandProblems(def)).toEqual([]);
  });

  it('GIVEN the list THEN names are unique, there are at most 100, and brief, quote, digest and help exist', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeLessThanOrEqual(100);
    expect(names).toEqual(expect.arrayContaining(['brief', 'quote', 'digest', 'sources', 'help']));
    expect(findCommand('digest')?.subcommands?.map((s) => s.name)).toEqual(['subscribe', 'unsubscribe', 'status', 'now']);
  });

  it('GIVEN /help command: THEN its choices are exactly the other commands', () => {
    const choices = findCommand('help')?.options?.[0]?.choices?.map((c) => c.value);
    expect(choices).toEqual(commands.map((c) => c.name).filter((n) => n !== 'help'));
  });

  it.each(commands.flatMap((c) => c.examples.map((e) => [c.name, e] as const)))('GIVEN the /%s example %s THEN the text grammar accepts it', (name, example) => {
    expect(parseCommandText(example).command).toBe(name);
  });

  const defs: readonly CommandDef[] = commands;
  const optionsWithExamples = defs.flatMap((c) =>
    [...(c.options ?? []).map((o) => [c, null, o] as const), ...(c.subcommands ?? []).flatMap((s) => (s.options ?? []).map((o) => [c, s.name, o] as const))].filter(([, , o]) => o.example !== undefined),
  );
  it.each(optionsWithExamples.map(([c, s, o]) => [`${c.name}${s ? ` ${s}` : ''}`, o.name, c, s, o] as const))('GIVEN /%s %s: its example value THEN it passes its own validation', (_label, _name, c, s, o) => {
    expect(() => validateOptionValue(c, s, o, o.example)).not.toThrow();
  });

  it('GIVEN the checker THEN it catches broken definitions (a required option after an optional one, an upper-case name, a long description)', () => {
    const broken: CommandDef = {
      name: 'Bad',
      description: 'x'.repeat(101),
      help: 'h',
      examples: ['/bad'],
      options: [
        { name: 'a', description: 'a', type: 'string' },
        { name: 'b', description: 'b', type: 'string', required: true },
      ],
    };
    expect(commandProblems(broken)).toEqual(['Bad: name', 'Bad: description length 101', 'Bad: a required option after an optional one']);
  });
});

describe('toDiscordCommands', () => {
  const json = toDiscordCommands();

  it('GIVEN the definitions THEN there is one chat-input command per definition, same names and descriptions', () => {
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const [i, c] of json.entries()) {
      expect(c.type).toBe(1);
      expect('description' in c ? c.description : '').toBe(commands[i]?.description);
    }
  });

  it('GIVEN /quote THEN who is a required autocompleted string with length limits and count an integer 1-10, kind default or all, page one from 1', () => {
    const quote = json.find((c) => c.name === 'quote');
    const options = quote && 'options' in quote ? quote.options : undefined;
    expect(options).toEqual([
      { type: 3, name: 'who', description: expect.any(String), required: true, autocomplete: true, min_length: 1, max_length: 100 },
      { type: 3, name: 'about', description: expect.any(String), required: false, max_length: 200 },
      { type: 4, name: 'count', description: expect.any(String), required: false, min_value: 1, max_value: 10 },
      { type: 3, name: 'kind', description: expect.any(String), required: false, choices: [{ name: 'default', value: 'default' }, { name: 'all', value: 'all' }] },
      { type: 4, name: 'page', description: expect.any(String), required: false, min_value: 1 },
    ]);
  });

  it('GIVEN /digest THEN its subcommands are subcommand options (type 1) with their own options', () => {
    const digest = json.find((c) => c.name === 'digest');
    const options = digest && 'options' in digest ? (digest.options ?? []) : [];
    expect(options.map((o) => [o.type, o.name])).toEqual([[1, 'subscribe'], [1, 'unsubscribe'], [1, 'status'], [1, 'now']]);
    const subscribe = options[0];
    expect(subscribe && 'options' in subscribe ? subscribe.options?.map((o) => o.name) : []).toEqual(['time', 'timezone', 'topic']);
  });

  it('GIVEN /help THEN command: offers the choices as strings', () => {
    const help = json.find((c) => c.name === 'help');
    const option = help && 'options' in help ? help.options?.[0] : undefined;
    expect(option && 'choices' in option ? option.choices : []).toEqual([
      { name: 'brief', value: 'brief' },
      { name: 'quote', value: 'quote' },
      { name: 'digest', value: 'digest' },
      { name: 'sources', value: 'sources' },
    ]);
  });
});
