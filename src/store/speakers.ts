// The speaker registry: one row per person or organisation across articles, found by name,
// alias, surname, accent-free and spelling-variant keys (all indexed in speaker_keys).
import { distance } from 'fastest-levenshtein';
import type { ArticleSpeaker } from '../core/article.ts';
import { nameKeys, normalizeName, variantKey } from '../core/speakers.ts';
import type { SpeakerRow } from '../app/ports.ts';
import type { Db } from './sqlite.ts';

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** A name or a description ("the Russian president") as a lookup key. */
function aliasKey(s: string): string {
  return normalizeName(s.replace(/^\s*the\s+/i, ''));
}

interface SpeakerRecord {
  id: number;
  name: string;
  norm: string;
  role: string | null;
  kind: string;
  quote_count: number;
}

export function createSpeakerRegistry(db: Db) {
  const byNorm = db.prepare<[string], SpeakerRecord>('SELECT * FROM speakers WHERE norm = ?');
  const byKey = db.prepare<[string], SpeakerRecord & { rank: number }>(
    `SELECT s.*, k.rank FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id WHERE k.key = ?
     ORDER BY s.quote_count DESC LIMIT 20`,
  );
  const byKeyRange = db.prepare<[string, string, number], SpeakerRecord & { key: string; rank: number }>(
    `SELECT s.*, k.key, k.rank FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id
     WHERE k.key >= ? AND k.key < ? LIMIT ?`,
  );
  const mostQuoted = db.prepare<[number], SpeakerRecord>('SELECT * FROM speakers ORDER BY quote_count DESC, id LIMIT ?');
  const insert = db.prepare<[string, string, string | null, string]>(
    'INSERT INTO speakers (name, norm, role, kind) VALUES (?, ?, ?, ?)',
  );
  const rename = db.prepare<[string, string, number]>('UPDATE speakers SET name = ?, norm = ? WHERE id = ?');
  const setRole = db.prepare<[string, number]>('UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL');
  const addKey = db.prepare<[string, number, number]>(
    `INSERT INTO speaker_keys (key, speaker_id, rank) VALUES (?, ?, ?)
     ON CONFLICT (key, speaker_id) DO UPDATE SET rank = MIN(rank, excluded.rank)`,
  );
  const addAlias = db.prepare<[number, string]>('INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const aliasesOf = db.prepare<[number], { alias: string }>('SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias LIMIT 20');
  const countQuote = db.prepare<[number, number]>('UPDATE speakers SET quote_count = quote_count + ? WHERE id = ?');

  // What this connection has already written: ingestion of a large archive meets the same
  // speakers again and again. Cleared when a transaction fails (its writes were rolled back).
  const known = new Map<string, number>();
  const written = new Set<string>();
  const CACHE_MAX = 50_000;
  function remember(key: string): boolean {
    if (written.has(key)) return false;
    if (written.size >= CACHE_MAX) written.clear();
    written.add(key);
    return true;
  }

  function indexName(id: number, name: string, aliasRank: number): void {
    const full = normalizeName(name);
    if (!full) return;
    for (const key of nameKeys(name)) {
      const rank = key === full ? aliasRank : key === variantKey(name) ? aliasRank + 1 : aliasRank + 2;
      addKey.run(key, id, rank);
    }
  }

  /** Finds the registry entry for an article's speaker, creating or enriching it. Returns its id. */
  function upsert(sp: ArticleSpeaker): number | null {
    const cached = known.get(sp.name);
    if (cached !== undefined) {
      enrich(cached, sp);
      return cached;
    }
    const norm = normalizeName(sp.name);
    if (!norm) return null;
    const tokens = norm.split(' ');
    let row = byNorm.get(norm) ?? byKey.all(variantKey(sp.name)).find((r) => r.rank <= 1);
    if (!row && tokens.length === 1) {
      // a bare surname ("Putin"): the most quoted speaker known by that surname
      row = byKey.all(norm)[0];
    }
    if (!row && tokens.length > 1) {
      // a fuller name for a speaker so far known only by surname: upgrade it
      const bare = byNorm.get(tokens[tokens.length - 1]!);
      if (bare) {
        rename.run(sp.name, norm, bare.id);
        row = { ...bare, name: sp.name, norm };
      }
    }
    const id = row ? row.id : Number(insert.run(sp.name, norm, sp.role, sp.kind).lastInsertRowid);
    if (known.size >= CACHE_MAX) known.clear();
    known.set(sp.name, id);
    if (remember(`${id}\u0000${sp.name}`)) indexName(id, sp.name, 0);
    enrich(id, sp);
    return id;
  }

  /** Adds the role and aliases an article gives for a known speaker. */
  function enrich(id: number, sp: ArticleSpeaker): void {
    if (sp.role && remember(`${id}\u0001${sp.role}`)) setRole.run(sp.role, id);
    const norm = normalizeName(sp.name);
    for (const alias of sp.aliases) {
      const a = alias.trim();
      if (!a || PRONOUNS.has(a.toLowerCase()) || !remember(`${id}\u0002${a}`)) continue;
      addAlias.run(id, a);
      const an = aliasKey(a);
      if (an && an !== norm) addKey.run(an, id, 1);
    }
  }

  function forget(): void {
    known.clear();
    written.clear();
  }

  function toRow(r: SpeakerRecord): SpeakerRow {
    return {
      speakerId: r.id,
      name: r.name,
      aliases: aliasesOf.all(r.id).map((a) => a.alias),
      role: r.role,
      kind: r.kind,
      quoteCount: r.quote_count,
    };
  }

  /** Speakers `who` names, best match tier only (exact name < alias/variant < surname). */
  function find(who: string, limit: number): SpeakerRow[] {
    const norm = aliasKey(who);
    if (!norm) return [];
    const probes: Array<[string, number]> = [[norm, 0], [variantKey(who), 3]];
    for (const k of nameKeys(who)) probes.push([k, 6]);
    const best = new Map<number, { rec: SpeakerRecord; tier: number }>();
    for (const [key, base] of probes) {
      for (const r of byKey.all(key)) {
        const tier = base + r.rank;
        const cur = best.get(r.id);
        if (!cur || tier < cur.tier) best.set(r.id, { rec: r, tier });
      }
    }
    const all = [...best.values()];
    if (!all.length) return [];
    const top = Math.min(...all.map((x) => x.tier));
    return all
      .filter((x) => x.tier === top)
      .sort((a, b) => b.rec.quote_count - a.rec.quote_count)
      .slice(0, limit)
      .map((x) => toRow(x.rec));
  }

  function rangeMatches(prefix: string, cap: number): Array<SpeakerRecord & { key: string; rank: number }> {
    return prefix ? byKeyRange.all(prefix, prefix + '\uffff', cap) : [];
  }

  /** Autocomplete: prefix and variant matches, most quoted first. */
  function suggest(prefix: string, limit: number): SpeakerRow[] {
    const p = normalizeName(prefix);
    if (!p) return mostQuoted.all(limit).map(toRow);
    const seen = new Map<number, SpeakerRecord>();
    for (const r of [...rangeMatches(p, 500), ...rangeMatches(variantKey(prefix), 500)]) seen.set(r.id, r);
    return [...seen.values()]
      .sort((a, b) => b.quote_count - a.quote_count || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map(toRow);
  }

  /** "Did you mean": nearest names by edit distance among indexed candidates. */
  function closest(who: string, limit: number): SpeakerRow[] {
    const norm = normalizeName(who);
    const cands = new Map<number, { rec: SpeakerRecord; d: number }>();
    const consider = (rec: SpeakerRecord, key: string) => {
      const d = distance(norm, key) / Math.max(norm.length, key.length, 1);
      const cur = cands.get(rec.id);
      if (!cur || d < cur.d) cands.set(rec.id, { rec, d });
    };
    for (const r of [...rangeMatches(norm.slice(0, 2), 2000), ...rangeMatches(variantKey(who).slice(0, 2), 2000)]) consider(r, r.key);
    const close = [...cands.values()].filter((c) => c.d <= 0.5).sort((a, b) => a.d - b.d || b.rec.quote_count - a.rec.quote_count);
    const out = close.slice(0, limit).map((c) => c.rec);
    if (out.length < limit) for (const r of mostQuoted.all(limit)) if (out.length < limit && !out.some((o) => o.id === r.id)) out.push(r);
    return out.map(toRow);
  }

  return { upsert, forget, find, suggest, closest, countQuote: (id: number, n: number) => countQuote.run(n, id) };
}
