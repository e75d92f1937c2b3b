import type { CommandDef } from './types.ts';

export const quote = {
  name: 'quote',
  description: 'What a person said, with the article and date',
  help: "Finds a person's (or organisation's) quotes, newest first. Names are matched loosely: surname, spelling variants and missing accents all work.",
  shareable: true,
  examples: ['/quote who:Putin', '/quote Putin', '/quote who:"Vladimir Putin" about:peace count:3', '/quote who:Putin page:2'],
  options: [
    { name: 'who', description: 'Who said it (a name, e.g. Putin)', type: 'string', required: true, autocomplete: true, minLength: 1, maxLength: 100, placeholder: 'name', example: 'Putin' },
    { name: 'about', description: 'Only quotes about these words', type: 'string', maxLength: 200, example: 'peace' },
    { name: 'count', description: 'How many quotes (1-10, default 5)', type: 'integer', minValue: 1, maxValue: 10, example: '3' },
    { name: 'page', description: 'Which page of the answer: page 2 shows the next count', type: 'integer', minValue: 1, placeholder: 'n', example: '2' },
  ],
} as const satisfies CommandDef;
