// Errors the core and use cases raise for a user's mistake or bad input.
// Adapters turn them into a friendly, user-only reply (see each adapter's toReply).

export type BriefingErrorCode =
  | 'bad_input' // an article, feed or file that cannot be read
  | 'bad_option' // a command option with a bad value
  | 'unknown_command'
  | 'unknown_speaker'
  | 'not_found'
  | 'forbidden'; // e.g. changing a digest without the permission

export class BriefingError extends Error {
  readonly code: BriefingErrorCode;
  /** A short hint shown under the message: a usage line, the closest speakers, an example. */
  readonly hint: string | null;
  readonly context: Record<string, unknown>;

  constructor(code: BriefingErrorCode, message: string, opts: { hint?: string | null; context?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'BriefingError';
    this.code = code;
    this.hint = opts.hint ?? null;
    this.context = opts.context ?? {};
  }
}

export function isBriefingError(e: unknown): e is BriefingError {
  return e instanceof BriefingError;
}
