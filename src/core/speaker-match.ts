// The rules of the cross-article speaker registry, as pure functions over what its keyed
// queries return: which keys a name is indexed under (and with which rank), which keys a lookup
// probes, how a lookup's matches are tiered, and how suggestions and "did you mean" are ranked.
// app/speakers/ runs them over the Store port.
import { distance } from 'fastest-levenshtein';
import type { SpeakerKind } from './article.ts';
import { orgStem } from './quotes/entity-variants.ts';
import { foldName, identityKeys, roleKey, spellingKey } from './speaker-identity.ts';
import { normalizeName, variantKey } from './speakers.ts';

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** A candidate speaker as the registry's queries return it. */
export interface SpeakerCandidate {
  speakerId: number;
  name: string;
  quoteCount: number;
}

/** A name or a description ("the Russian president") as a lookup key. */
export function aliasKey(s: string): string {
  return foldName(s.replace(/^\s*the\s+/i, ''));
}

/** An alias worth indexing: not blank and not a pronoun ("he said"). */
export function usableAlias(alias: string): boolean {
  const a = alias.trim();
  return a !== '' && !PRONOUNS.has(a.toLowerCase());
}

/** Key namespaces: merge keys (the only keys ingestion merges two speakers on) and role->person keys (lookup only). */
export const MERGE_PREFIX = 'id:';
export const ROLE_PREFIX = 'role:';
/** The rank of a role->person key: below every name key. */
export const ROLE_RANK = 3;

/**
 * The keys under which ingestion merges a speaker with one of another article: its identity keys (full
 * name, spelling/transliteration variant; none for a one-word person or a group) and, for an
 * organisation, its stem ("Conservatives", "Conservative party", "the Tories" -> "conservative").
 */
export function mergeKeys(name: string, kind: SpeakerKind): string[] {
  const keys = identityKeys(name, kind).map((k) => MERGE_PREFIX + k);
  if (kind === 'organisation') {
    const words = foldName(name).split(' ').filter(Boolean);
    const stem = words.length > 0 && words.length <= 4 && !words.includes('and') ? orgStem(words) : '';
    if (stem) keys.push(`${MERGE_PREFIX}org ${stem}`);
  }
  return [...new Set(keys)];
}

/** A one-word person ("Brown"): a surname-only entry of its own, which only lookup maps to a full name. */
export function surnameOnly(name: string, kind: string): boolean {
  return kind !== 'organisation' && kind !== 'group' && foldName(name).split(' ').length === 1;
}

/**
 * The lookup keys a speaker name is indexed under, each with its rank (lower is a better match): the
 * full name at `aliasRank`, its spelling variant one worse, surname (and first + last name) two worse.
 * A surname-only person is indexed as a surname. Transliterated: "Владимир Путин" -> "vladimir putin".
 */
export function indexKeys(name: string, aliasRank: number, kind = 'person'): Array<{ key: string; rank: number }> {
  const full = foldName(name);
  if (!full) return [];
  const w = full.split(' ');
  const base = surnameOnly(name, kind) ? aliasRank + 2 : aliasRank;
  const last = w[w.length - 1]!;
  const unit = surnameUnit(name);
  const out = new Map<string, number>();
  const add = (key: string, rank: number) => {
    if (key && (out.get(key) ?? Infinity) > rank) out.set(key, rank);
  };
  const spelled = (key: string) => key.split(' ').map(spellingKey).join(' ');
  add(full, base);
  add(spelled(full), base + 1);
  add(unit, aliasRank + 2);
  add(spelled(unit), aliasRank + 2);
  // the last part of a hyphenated surname ("André" of "Saint-André") is weaker evidence than a surname
  if (unit !== last) {
    add(last, aliasRank + 4);
    add(spellingKey(last), aliasRank + 4);
  }
  if (w.length > 2) {
    add(`${w[0]} ${last}`, aliasRank + 2);
    add(w.slice(-2).join(' '), aliasRank + 2); // a two-word surname: "López Obrador"
  }
  return [...out].map(([key, rank]) => ({ key, rank }));
}

/** The surname as one unit, folded: the last word of the name with its hyphens ("Saint-André" -> "saint andre"). */
export function surnameUnit(name: string): string {
  const full = foldName(name);
  const tokens = name.trim().split(/\s+/);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const unit = foldName(tokens[i]!);
    if (unit && full.endsWith(unit)) return unit;
  }
  return full.split(' ').pop() ?? '';
}

/** The key an alias is indexed under (rank 1), or null when it adds nothing to the name's own key. */
export function aliasIndexKey(alias: string, name: string): string | null {
  const an = aliasKey(alias.trim());
  return an && an !== foldName(name) ? an : null;
}

/** The role->person key of a role alias ("the Russian president" -> "role:russian president"), or null for a name. */
export function roleIndexKey(alias: string): string | null {
  const k = roleKey(alias);
  return k ? ROLE_PREFIX + k : null;
}

/**
 * The keys a lookup of `who` probes, each with the tier base its matches start at: the name, its
 * spelling variant, its surname (all transliterated, so "Путин" finds "Vladimir Putin"), then the
 * role->person key when `who` is a role ("the Russian president").
 */
export function lookupProbes(who: string): Array<[key: string, base: number]> {
  const norm = aliasKey(who);
  if (!norm) return [];
  const w = norm.split(' ');
  const last = w[w.length - 1]!;
  const probes: Array<[string, number]> = [[norm, 0], [w.map(spellingKey).join(' '), 3], [last, 6], [spellingKey(last), 6]];
  const role = roleIndexKey(who);
  if (role) probes.push([role, 9]);
  return probes;
}

/**
 * The speakers of the best match tier only (exact name < alias/variant < surname), most quoted
 * first. `hits` are the probes' matches with their tiers (probe base + key rank), in probe order.
 */
export function bestTier<T extends SpeakerCandidate>(hits: ReadonlyArray<{ rec: T; tier: number }>, limit: number): T[] {
  const best = new Map<number, { rec: T; tier: number }>();
  for (const h of hits) {
    const cur = best.get(h.rec.speakerId);
    if (!cur || h.tier < cur.tier) best.set(h.rec.speakerId, h);
  }
  const all = [...best.values()];
  if (!all.length) return [];
  const top = Math.min(...all.map((x) => x.tier));
  return all
    .filter((x) => x.tier === top)
    .sort((a, b) => b.rec.quoteCount - a.rec.quoteCount)
    .slice(0, limit)
    .map((x) => x.rec);
}

/** Autocomplete order: one entry per speaker (the last seen wins), most quoted first, then by name. */
export function rankSuggestions<T extends SpeakerCandidate>(found: readonly T[], limit: number): T[] {
  const seen = new Map<number, T>();
  for (const r of found) seen.set(r.speakerId, r);
  return [...seen.values()].sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name)).slice(0, limit);
}

/** The key prefixes "did you mean" looks among: the first two letters of the name and of its variant. */
export function closestProbes(who: string): string[] {
  return [normalizeName(who).slice(0, 2), variantKey(who).slice(0, 2)];
}

/** "Did you mean": the candidates whose key is within half its length in edit distance of `who`, nearest first (then most quoted). */
export function rankClosest<T extends SpeakerCandidate>(who: string, keyed: ReadonlyArray<T & { key: string }>, limit: number): T[] {
  const norm = normalizeName(who);
  const cands = new Map<number, { rec: T; d: number }>();
  for (const r of keyed) {
    const d = distance(norm, r.key) / Math.max(norm.length, r.key.length, 1);
    const cur = cands.get(r.speakerId);
    if (!cur || d < cur.d) cands.set(r.speakerId, { rec: r, d });
  }
  const close = [...cands.values()].filter((c) => c.d <= 0.5).sort((a, b) => a.d - b.d || b.rec.quoteCount - a.rec.quoteCount);
  return close.slice(0, limit).map((c) => c.rec);
}

/** `found` topped up to `limit` with the speakers of `more` (in order) not in it yet. */
export function topUp<T extends SpeakerCandidate>(found: readonly T[], more: readonly T[], limit: number): T[] {
  const out = [...found];
  for (const r of more) if (out.length < limit && !out.some((o) => o.speakerId === r.speakerId)) out.push(r);
  return out;
}
