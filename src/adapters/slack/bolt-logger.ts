// Our Logger seen through @slack/logger's interface, so Bolt, the WebClient and the
// Socket Mode client log through the same pino-style logger as the rest of the bot.
import { LogLevel } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../app/ports.ts';

function show(p: unknown): string {
  if (typeof p === 'string') return p;
  if (p instanceof Error) return p.message;
  try {
    return JSON.stringify(p) ?? String(p);
  } catch {
    return String(p);
  }
}

function text(parts: unknown[]): string {
  return parts.map(show).join(' ');
}

export function toSlackLogger(logger: Logger, name = 'slack'): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let log = logger.child({ component: name });
  return {
    // Bolt is chatty at debug level (request bodies); keep it at debug in our log too.
    debug: (...msg: unknown[]) => log.debug(text(msg)),
    info: (...msg: unknown[]) => log.info(text(msg)),
    warn: (...msg: unknown[]) => log.warn(text(msg)),
    error: (...msg: unknown[]) => log.error(text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      log = logger.child({ component: n });
    },
  };
}
