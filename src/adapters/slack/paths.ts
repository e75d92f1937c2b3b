/** Bolt's endpoint for slash commands and interactivity (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';
