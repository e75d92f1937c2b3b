import type { CommandDef } from './types.ts';

export const help = {
  name: 'help',
  description: 'How to use newsbrief',
  help: 'Lists the commands with examples.',
  shareable: true,
  examples: ['/help', '/help quote'],
  options: [{ name: 'command', description: 'A command to explain', type: 'string', choices: [
    { name: 'brief', value: 'brief' },
    { name: 'quote', value: 'quote' },
    { name: 'digest', value: 'digest' },
    { name: 'sources', value: 'sources' },
  ] }],
} as const satisfies CommandDef;
