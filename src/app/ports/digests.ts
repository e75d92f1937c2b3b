// Digest subscriptions and the deliveries that make each slot delivered at most once.
import type { Platform } from './publisher.ts';

export interface Subscription {
  id: string;
  platform: Platform;
  channelId: string;
  workspaceId: string | null;
  /** Cron expression, 5 or 6 fields. */
  schedule: string;
  /** What the user typed: "08:00" or the cron expression. */
  timeInput: string;
  timezone: string;
  topic: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Last (re)subscribe: slots before it are never delivered. */
  activeSince: string;
  pausedReason: string | null;
  pausedAt: string | null;
}

export type DeliveryStatus = 'claimed' | 'sending' | 'sent' | 'empty' | 'failed';
export type DeliveryKind = 'scheduled' | 'late' | 'manual';

export interface Delivery {
  subscriptionId: string;
  slot: string;
  kind: DeliveryKind;
  status: DeliveryStatus;
  owner: string;
  leaseUntil: string;
  attempts: number;
  windowFrom: string | null;
  windowUntil: string | null;
  storyCount: number | null;
  messageId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a subscribe writes; the rest of a Subscription is kept or derived by the store. */
export type SubscriptionInput = Pick<
  Subscription,
  'id' | 'platform' | 'channelId' | 'workspaceId' | 'schedule' | 'timeInput' | 'timezone' | 'topic' | 'createdBy'
>;

export type ClaimResult =
  | { claimed: true; takenOver: Delivery | null }
  | { claimed: false; existing: Delivery };

export interface ClaimRequest {
  subscriptionId: string;
  slot: string;
  kind: DeliveryKind;
  owner: string;
  now: Date;
  leaseMs: number;
}

export interface DeliveryOutcome {
  status: 'sent' | 'empty' | 'failed';
  messageId?: string | null;
  error?: string | null;
  windowFrom?: string | null;
  windowUntil?: string | null;
  storyCount?: number | null;
}

export interface DigestStore {
  /** Creates the channel's subscription, or updates it (keeping its id and history) and resumes it. */
  upsertSubscription(input: SubscriptionInput, at: Date): Promise<Subscription>;
  getSubscription(platform: Platform, channelId: string): Promise<Subscription | null>;
  getSubscriptionById(id: string): Promise<Subscription | null>;
  listSubscriptions(): Promise<Subscription[]>;
  /** Deletes the subscription and its deliveries (atomically); false when there was none. */
  deleteSubscription(platform: Platform, channelId: string): Promise<boolean>;
  pauseSubscription(id: string, reason: string, at: Date): Promise<void>;
  /**
   * Claims (subscription, slot) for `owner`, or takes over a claim whose lease expired unfinished;
   * atomic across processes (SQLite: under the write lock; PostgreSQL: INSERT … ON CONFLICT, then
   * a conditional UPDATE).
   */
  claimDelivery(c: ClaimRequest): Promise<ClaimResult>;
  /** Marks an attempt as started and renews the lease; false when `owner` no longer holds the claim. */
  startAttempt(subscriptionId: string, slot: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Finishes a claim held by `owner`; false when it was taken over meanwhile. */
  finishDelivery(subscriptionId: string, slot: string, owner: string, outcome: DeliveryOutcome, at: Date): Promise<boolean>;
  getDelivery(subscriptionId: string, slot: string): Promise<Delivery | null>;
  /**
   * Where the next digest's window starts: the end of the last digest actually posted; if none
   * was ever posted, the start of the earliest failed one (so nothing is lost); else null.
   */
  windowStart(subscriptionId: string): Promise<string | null>;
  /** The most recent finished delivery (sent, empty or failed). */
  lastFinished(subscriptionId: string): Promise<Delivery | null>;
  lastSent(subscriptionId: string): Promise<Delivery | null>;
  lastFailed(subscriptionId: string): Promise<Delivery | null>;
  /** Unfinished claims whose lease expired before `now` (their process died or hung). */
  expiredClaims(now: Date): Promise<Delivery[]>;
  /** Gives back every unfinished claim of `owner` (graceful stop): another instance may take it at once. Returns how many. */
  releaseClaims(owner: string, now: Date): Promise<number>;
}
