import type { CommandDef } from './types.ts';

export const sources = {
  name: 'sources',
  description: 'The feeds this bot follows: list them, add one, remove one',
  help: 'Lists the feeds the bot polls, with their state and last new story. Adding or removing a feed changes it for the whole server or workspace, so it needs the Manage Server permission (Slack: a workspace admin or owner). Only http and https feeds can be added.',
  deferEphemeral: true,
  examples: [
    '/sources list',
    '/sources add url:https://example.org/feed.xml label:"Example News"',
    '/sources remove url:https://example.org/feed.xml',
  ],
  subcommands: [
    { name: 'list', description: 'The feeds followed, their state and last new story' },
    {
      name: 'add',
      description: 'Follow a feed (RSS, Atom or JSON Feed)',
      permission: 'manage-server',
      options: [
        { name: 'url', description: 'The feed URL (http or https)', type: 'string', required: true, maxLength: 2000, placeholder: 'https://…', example: 'https://example.org/feed.xml' },
        { name: 'label', description: 'A name to show for it', type: 'string', maxLength: 100, example: 'Example News' },
      ],
    },
    {
      name: 'remove',
      description: 'Stop following a feed',
      permission: 'manage-server',
      options: [
        { name: 'url', description: 'The feed URL, as /sources list shows it', type: 'string', required: true, maxLength: 2000, placeholder: 'https://…', example: 'https://example.org/feed.xml' },
      ],
    },
  ],
} as const satisfies CommandDef;
