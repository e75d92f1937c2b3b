// Any error -> the reply a user sees. A user's mistake (BriefingError) gets a short friendly notice
// with its hint; anything else gets a generic notice with a correlation id that is also logged,
// with the stack, so an operator can find it. Both are visible only to the user who asked.
import { randomUUID } from 'node:crypto';
import { isBriefingError } from '../core/errors.ts';
import type { Message } from '../core/message.ts';

export interface ErrorLog {
  error(obj: object, msg?: string): void;
}

/** A short id a user can quote: 8 hex digits. */
export function newCorrelationId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 8);
}

export function errorToMessage(err: unknown, log: ErrorLog, newId: () => string = newCorrelationId): Message {
  if (isBriefingError(err)) {
    return {
      visibility: 'ephemeral',
      items: [],
      notice: { tone: err.code === 'forbidden' ? 'error' : 'warning', text: err.message, hint: err.hint },
    };
  }
  const correlationId = newId();
  const error = err instanceof Error ? err : new Error(typeof err === 'string' ? err : 'non-Error thrown', { cause: err });
  log.error({ correlationId, err: { name: error.name, message: error.message, stack: error.stack, cause: error.cause } }, 'command failed');
  return {
    visibility: 'ephemeral',
    items: [],
    notice: {
      tone: 'error',
      text: 'Something went wrong on our side. Please try again in a moment.',
      hint: `If it keeps happening, give this code to whoever runs the bot: ${correlationId}`,
      correlationId,
    },
  };
}
