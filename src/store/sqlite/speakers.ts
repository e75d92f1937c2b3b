// The speaker registry in SQLite: speakers, their aliases, and the lookup keys (speaker_keys)
// every name query is answered from by index.
import type { KeyedSpeaker, SpeakerRecord, SpeakerStore } from '../../app/ports.ts';
import type { Db, Sync } from './sync.ts';

interface SpeakerDbRow {
  id: number;
  name: string;
  norm: string;
  role: string | null;
  kind: string;
  quote_count: number;
}

const toRecord = (r: SpeakerDbRow): SpeakerRecord => ({
  speakerId: r.id, name: r.name, norm: r.norm, role: r.role, kind: r.kind, quoteCount: r.quote_count,
});
const toKeyed = (r: SpeakerDbRow & { key: string; rank: number }): KeyedSpeaker => ({
  speakerId: r.id, name: r.name, norm: r.norm, role: r.role, kind: r.kind, quoteCount: r.quote_count, key: r.key, rank: r.rank,
});

export function createSpeakerStore(db: Db): Sync<SpeakerStore> {
  const byNorm = db.prepare<[string], SpeakerDbRow>('SELECT * FROM speakers WHERE norm = ?');
  const byKey = db.prepare<[string], SpeakerDbRow & { key: string; rank: number }>(
    `SELECT s.*, k.key, k.rank FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id WHERE k.key = ?
     ORDER BY s.quote_count DESC LIMIT 20`,
  );
  const byKeyRange = db.prepare<[string, string, number], SpeakerDbRow & { key: string; rank: number }>(
    `SELECT s.*, k.key, k.rank FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id
     WHERE k.key >= ? AND k.key < ? LIMIT ?`,
  );
  const mostQuoted = db.prepare<[number], SpeakerDbRow>('SELECT * FROM speakers ORDER BY quote_count DESC, id LIMIT ?');
  const insert = db.prepare<[string, string, string | null, string]>('INSERT INTO speakers (name, norm, role, kind) VALUES (?, ?, ?, ?)');
  const rename = db.prepare<[string, string, number]>('UPDATE speakers SET name = ?, norm = ? WHERE id = ?');
  const setRole = db.prepare<[string, number]>('UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL');
  const addKey = db.prepare<[string, number, number]>(
    `INSERT INTO speaker_keys (key, speaker_id, rank) VALUES (?, ?, ?)
     ON CONFLICT (key, speaker_id) DO UPDATE SET rank = MIN(rank, excluded.rank)`,
  );
  const addAlias = db.prepare<[number, string]>('INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const aliasesOf = db.prepare<[number], { alias: string }>('SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias LIMIT 20');

  return {
    speakerByNorm: (norm) => {
      const r = byNorm.get(norm);
      return r ? toRecord(r) : null;
    },
    speakersByKeys: (keys) => keys.map((key) => byKey.all(key).map(toKeyed)),
    speakersByKeyPrefix: (prefix, cap) => byKeyRange.all(prefix, prefix + '\uffff', cap).map(toKeyed),
    mostQuotedSpeakers: (limit) => mostQuoted.all(limit).map(toRecord),
    speakerAliases: (ids) => ids.map((id) => aliasesOf.all(id).map((a) => a.alias)),
    insertSpeaker: (s) => Number(insert.run(s.name, s.norm, s.role, s.kind).lastInsertRowid),
    renameSpeaker: (id, name, norm) => void rename.run(name, norm, id),
    setSpeakerRoleIfUnset: (id, role) => void setRole.run(role, id),
    addSpeakerKeys: (id, keys) => {
      for (const k of keys) addKey.run(k.key, id, k.rank);
    },
    addSpeakerAlias: (id, alias) => void addAlias.run(id, alias),
  };
}
