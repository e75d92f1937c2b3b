import type { CommandDef } from './types.ts';

export const digest = {
  name: 'digest',
  description: 'Subscribe this channel to a scheduled news digest',
  help: 'Posts a digest of new stories in this channel every day at a set time, in your timezone. Subscribing again changes only the options you give (topic:all removes the topic). Changing it needs the Manage Channels permission.',
  // its answers concern one channel's settings: a slow answer's placeholder is the caller's only
  deferEphemeral: true,
  examples: [
    '/digest subscribe time:08:00 timezone:Europe/London',
    '/digest subscribe time:"0 9 * * 1-5" topic:markets',
    '/digest status',
    '/digest now',
    '/digest unsubscribe',
  ],
  subcommands: [
    {
      name: 'subscribe',
      description: 'Post a digest here every day (subscribing again updates it)',
      permission: 'manage-channel',
      options: [
        { name: 'time', description: 'HH:MM (24h), or a cron expression', type: 'string', maxLength: 100, placeholder: 'HH:MM', example: '08:00' },
        { name: 'timezone', description: 'IANA timezone, e.g. Europe/London', type: 'string', maxLength: 64, placeholder: 'Area/City', example: 'Europe/London' },
        { name: 'topic', description: 'Only stories about these words', type: 'string', maxLength: 200, example: 'markets' },
      ],
    },
    { name: 'unsubscribe', description: 'Stop the digest in this channel', permission: 'manage-channel' },
    { name: 'status', description: "This channel's digest: next run, topic, last delivery" },
    { name: 'now', description: 'Post a digest here now', permission: 'manage-channel' },
  ],
} as const satisfies CommandDef;
