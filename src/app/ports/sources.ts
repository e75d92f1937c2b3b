// Live sources (issue 12): the feeds the poller follows and their poll state, as the store keeps
// them; and the fetching the poller needs, as a port (the wiring passes the safe fetcher of
// src/sources/fetch behind the per-host gate).
import type { DocumentOutcome } from '../../sources/fetch/fetch-document.ts';
import type { FetchValidators } from '../../sources/fetch/fetch-resource.ts';

export type SourceOrigin = 'config' | 'chat' | 'cli';

export interface SourceRow {
  url: string;
  label: string | null;
  origin: SourceOrigin;
  /** "config", "cli", or "<platform>:<user id>". */
  addedBy: string;
  addedAt: string;
  /** Listed in FEEDS / FEEDS_FILE at the last start (a source dropped from config is kept, with this false). */
  inConfig: boolean;
  /** Fetch the linked page of teaser-only items (default true). */
  fullText: boolean;
  validators: FetchValidators;
  /** ISO-8601 instant of the next poll. */
  nextPollAt: string;
  failures: number;
  failing: boolean;
  lastError: string | null;
  lastReason: string | null;
  lastPolledAt: string | null;
  /** Plain words about the last poll: "2 new, 1 updated", "not modified", or the error. */
  lastResult: string | null;
  /** When the poller last stored a new story from this source, and its headline. */
  lastNewAt: string | null;
  lastNewHeadline: string | null;
}

export interface NewSource {
  url: string;
  label: string | null;
  origin: SourceOrigin;
  addedBy: string;
  addedAt: Date;
  inConfig?: boolean;
  fullText?: boolean;
}

/** What a poll changes on a source (every field is written). */
export interface SourcePollUpdate {
  validators: FetchValidators;
  nextPollAt: Date;
  failures: number;
  failing: boolean;
  lastError: string | null;
  lastReason: string | null;
  polledAt: Date;
  lastResult: string;
  /** Set when the poll stored a new story (otherwise the previous one is kept). */
  newStory: { at: Date; headline: string } | null;
}

export interface SourceStore {
  /** Adds a source; a URL already there is left as it is (`added: false`), its row returned. */
  addSource(s: NewSource): Promise<{ added: boolean; source: SourceRow }>;
  /** Removes a source; false when there was none. */
  removeSource(url: string): Promise<boolean>;
  getSource(url: string): Promise<SourceRow | null>;
  /** Every source, in the order they were added (then URL). */
  listSources(): Promise<SourceRow[]>;
  /** Sources whose next poll is at or before `now`, soonest first. */
  dueSources(now: Date, limit: number): Promise<SourceRow[]>;
  recordPoll(url: string, u: SourcePollUpdate): Promise<void>;
  /** Marks exactly these URLs as listed in the configuration (the others as not); returns how many changed. */
  setConfigured(urls: readonly string[]): Promise<number>;
  /** Polls the source at once (the next poll is due now). */
  pollSoon(url: string, now: Date): Promise<void>;
}

/** The fetching the poller needs (src/sources/fetch, through the host gate). */
export interface SourceFetcher {
  fetchFeed(url: string, validators: FetchValidators): Promise<DocumentOutcome>;
  fetchPage(url: string): Promise<DocumentOutcome>;
}
