// The rules of the cross-article speaker registry, as pure functions over what its keyed
// queries return: which keys a name is indexed under (and with which rank), which keys a lookup
// probes, how a lookup's matches are tiered, and how suggestions and "did you mean" are ranked.
// app/speakers/ runs them over the Store port.
import { distance } from 'fastest-levenshtein';
import { nameKeys, normalizeName, variantKey } from './speakers.ts';

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** A candidate speaker as the registry's queries return it. */
export interface SpeakerCandidate {
  speakerId: number;
  name: string;
  quoteCount: number;
}

/** A name or a description ("the Russian president") as a lookup key. */
export function aliasKey(s: string): string {
  return normalizeName(s.replace(/^\s*the\s+/i, ''));
}

/** An alias worth indexing: not blank and not a pronoun ("he said"). */
export function usableAlias(alias: string): boolean {
  const a = alias.trim();
  return a !== '' && !PRONOUNS.has(a.toLowerCase());
}

/**
 * The keys a speaker name is indexed under, each with its rank (lower is a better match): the
 * full name at `aliasRank`, its spelling variant one worse, surname and other keys two worse.
 */
export function indexKeys(name: string, aliasRank: number): Array<{ key: string; rank: number }> {
  const full = normalizeName(name);
  if (!full) return [];
  const variant = variantKey(name);
  return nameKeys(name).map((key) => ({ key, rank: key === full ? aliasRank : key === variant ? aliasRank + 1 : aliasRank + 2 }));
}

/** The key an alias is indexed under (rank 1), or null when it adds nothing to the name's own key. */
export function aliasIndexKey(alias: string, name: string): string | null {
  const an = aliasKey(alias.trim());
  return an && an !== normalizeName(name) ? an : null;
}

/** The keys a lookup of `who` probes, each with the tier base its matches start at. */
export function lookupProbes(who: string): Array<[key: string, base: number]> {
  const norm = aliasKey(who);
  if (!norm) return [];
  const probes: Array<[string, number]> = [[norm, 0], [variantKey(who), 3]];
  for (const k of nameKeys(who)) probes.push([k, 6]);
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
