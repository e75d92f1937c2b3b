// The speaker registry as keyed queries and writes. Which keys a name is indexed under, and how
// lookups rank what the keys find, are app/speakers/ and core/speaker-match.ts.

/** A registry speaker as stored. */
export interface SpeakerRecord {
  speakerId: number;
  name: string;
  /** The normalised full name (unique). */
  norm: string;
  role: string | null;
  kind: string;
  quoteCount: number;
}

/** A speaker found under a lookup key, with the key's rank for that speaker (0 = its full name). */
export interface KeyedSpeaker extends SpeakerRecord {
  key: string;
  rank: number;
}

/** A speaker as the commands show it. */
export interface SpeakerRow {
  speakerId: number;
  name: string;
  aliases: string[];
  role: string | null;
  kind: string;
  quoteCount: number;
}

export interface SpeakerKey {
  key: string;
  rank: number;
}

/** A stored article as the registry rebuild reads it: what re-extraction needs, and its quotes. */
export interface StoredArticle {
  articleId: number;
  /** The article as stored (no editor bullets; blocks are for the caller to rebuild from the body). */
  article: { guid: string | null; url: string | null; file: string | null; source: string | null; format: string; headline: string | null; byline: string | null; published: string | null; body: string };
  /** Its stored quotes, in position order, each with the name of the registry speaker it is attributed to now. */
  quotes: Array<{ quoteId: number; text: string; start: number; end: number; mention: string | null; speaker: string | null }>;
}

export interface SpeakerStore {
  speakerByNorm(norm: string): Promise<SpeakerRecord | null>;
  /** For each key, the speakers indexed under exactly it, most quoted first, at most 20 (one list per key, in order). */
  speakersByKeys(keys: readonly string[]): Promise<KeyedSpeaker[][]>;
  /** Index entries whose key starts with `prefix` (one row per key and speaker), at most `cap`, in key order. */
  speakersByKeyPrefix(prefix: string, cap: number): Promise<KeyedSpeaker[]>;
  /** The most quoted speakers (ties: oldest first). */
  mostQuotedSpeakers(limit: number): Promise<SpeakerRecord[]>;
  /** Each speaker's aliases, alphabetically, at most 20 each (one list per id, in order). */
  speakerAliases(speakerIds: readonly number[]): Promise<string[][]>;
  insertSpeaker(s: { name: string; norm: string; role: string | null; kind: string }): Promise<number>;
  renameSpeaker(speakerId: number, name: string, norm: string): Promise<void>;
  /** Sets the role of a speaker that has none yet. */
  setSpeakerRoleIfUnset(speakerId: number, role: string): Promise<void>;
  /** Indexes the speaker under these keys; a key already there keeps the better (lower) rank. */
  addSpeakerKeys(speakerId: number, keys: readonly SpeakerKey[]): Promise<void>;
  addSpeakerAlias(speakerId: number, alias: string): Promise<void>;
  // The registry rebuild (`newsbrief speakers rebuild`), run inside one transaction:
  /** Stored articles with ids above `afterId`, in id order, at most `limit`. */
  storedArticles(afterId: number, limit: number): Promise<StoredArticle[]>;
  /** Empties the registry (speakers, aliases, keys); every stored quote becomes unattributed. */
  clearSpeakerRegistry(): Promise<void>;
  /** Attributes stored quotes to speakers (null: unattributed), adding them to the speakers' quote counts (a repeat of an utterance, see quotes.same_as, is not counted). */
  setQuoteSpeakers(assignments: ReadonlyArray<{ quoteId: number; speakerId: number | null }>): Promise<void>;
}
