// Posting a message in a platform channel (digests).
import type { Message } from '../../core/message.ts';

export type Platform = 'console' | 'discord' | 'slack';

/** Thrown by a publisher when a post fails. */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs: number | null;
  readonly reason: string;
  constructor(reason: string, opts: { permanent: boolean; retryAfterMs?: number | null; cause?: unknown }) {
    super(reason, { cause: opts.cause });
    this.name = 'DeliveryError';
    this.reason = reason;
    this.permanent = opts.permanent;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}

/** Where a post goes besides the channel: the workspace picks the token (Slack installs). */
export interface PublishTarget {
  workspaceId?: string | null;
}

export interface Publisher {
  platform: Platform;
  /** Posts a message in a channel; returns the platform's message id. Throws DeliveryError. */
  publish(channelId: string, message: Message, target?: PublishTarget): Promise<{ messageId: string }>;
}
