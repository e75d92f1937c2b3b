import type { CommandDef } from './types.ts';

export const brief = {
  name: 'brief',
  description: "Today's briefing: the latest stories with key points and a quote",
  help: 'Shows the latest stories, each with its headline, key points and the most notable quote. Add a topic to narrow it down.',
  shareable: true,
  examples: ['/brief', '/brief topic:ukraine', '/brief topic:"interest rates" count:3', '/brief topic:ukraine page:2'],
  options: [
    { name: 'topic', description: 'Only stories about these words', type: 'string', maxLength: 200, example: 'ukraine' },
    { name: 'count', description: 'How many stories (1-10, default 5)', type: 'integer', minValue: 1, maxValue: 10, example: '3' },
    { name: 'page', description: 'Which page of the answer: page 2 shows the next count', type: 'integer', minValue: 1, placeholder: 'n', example: '2' },
  ],
} as const satisfies CommandDef;
