// The process logger: JSON lines on stderr (pino), so stdout stays for answers and payloads.
import { pino } from 'pino';
import type { Logger } from './app/ports.ts';

export function createLogger(level: string, destination: number = 2): Logger {
  return pino({ level, base: { app: 'newsbrief' } }, pino.destination({ fd: destination, sync: true })) as unknown as Logger;
}

/** A logger that drops everything (tests, pure tools). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
