// Limits shared by the file reader and the URL fetcher, and how they are shown to a user.
import { BriefingError } from '../core/errors.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

const MB = 1024 * 1024;

/** 52428800 -> "50.0 MB"; a limit of 10485760 -> "10 MB". */
export function formatMb(bytes: number, decimals: boolean): string {
  const mb = bytes / MB;
  if (!decimals && Number.isInteger(mb)) return `${mb} MB`;
  return `${mb.toFixed(1)} MB`;
}

export function tooLarge(what: 'file' | 'page', size: number | null, limit: number, context: Record<string, unknown>): BriefingError {
  const shown = size === null ? `over ${formatMb(limit, false)}` : `${formatMb(size, true)}; the limit is ${formatMb(limit, false)}`;
  return new BriefingError('bad_input', `${what} too large (${shown})`, {
    context: { ...context, size, limit },
  });
}
