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
}
