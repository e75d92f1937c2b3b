// The Store port: every method returns a Promise, and `transaction(fn)` runs a use case's
// read-decide-write atomically on any backend.
//
// Transactions: `fn` receives a StoreSession bound to the transaction; everything it does through
// that session commits together when `fn`'s promise resolves, and is rolled back when it rejects
// (the rejection is passed on). While a transaction runs, other calls on the same Store wait
// until it ends, so no other use case in the process sees or joins its uncommitted writes.
// `session.transaction(fn)` inside a transaction joins it (no nesting). Use only the session
// inside `fn`: calling the outer Store there waits for the transaction, i.e. deadlocks.
// A backend maps this onto its own means: SQLite (one connection) BEGIN IMMEDIATE … COMMIT under
// an in-process mutex; PostgreSQL a client checked out of the pool per transaction.
import type { ArticleStore } from './articles.ts';
import type { DigestStore } from './digests.ts';
import type { SpeakerStore } from './speakers.ts';
import type { StoryStore } from './stories.ts';

export interface StoreSession extends ArticleStore, SpeakerStore, StoryStore {
  /** Digest subscriptions and deliveries (issue 8). */
  digests: DigestStore;
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T>;
}

export interface Store extends StoreSession {
  /** Waits for a transaction in progress, then closes the store; later calls reject. */
  close(): Promise<void>;
}
