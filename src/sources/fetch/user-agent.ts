// The User-Agent every fetch sends: the bot's name and version (from package.json) and where to
// read about it, so a site operator can tell who is polling them.
import pkg from '../../../package.json' with { type: 'json' };

export const BOT_NAME = 'newsbrief';
export const BOT_VERSION: string = pkg.version;
export const USER_AGENT = `${BOT_NAME}/${BOT_VERSION} (news-briefing bot; polls feeds politely, at most one request at a time per host)`;
