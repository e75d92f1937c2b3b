// Looking speakers up for /quote: by name (best match tier only), autocomplete, and "did you mean".
import { bestTier, closestProbes, lookupProbes, rankClosest, rankSuggestions, topUp } from '../../core/speaker-match.ts';
import { normalizeName, variantKey } from '../../core/speakers.ts';
import type { KeyedSpeaker, SpeakerRecord, SpeakerRow, StoreSession } from '../ports.ts';

type Speakers = Pick<StoreSession, 'speakersByKeys' | 'speakersByKeyPrefix' | 'mostQuotedSpeakers' | 'speakerAliases'>;

async function toRows(store: Speakers, recs: readonly SpeakerRecord[]): Promise<SpeakerRow[]> {
  if (!recs.length) return [];
  const aliases = await store.speakerAliases(recs.map((r) => r.speakerId));
  return recs.map((r, i) => ({ speakerId: r.speakerId, name: r.name, aliases: aliases[i] ?? [], role: r.role, kind: r.kind, quoteCount: r.quoteCount }));
}

async function byPrefix(store: Speakers, prefix: string, cap: number): Promise<KeyedSpeaker[]> {
  return prefix ? store.speakersByKeyPrefix(prefix, cap) : [];
}

/** Speakers `who` names: exact name, alias, accent-free and spelling variants, surname; best tier only, most quoted first. */
export async function findSpeakers(store: Speakers, who: string, limit: number): Promise<SpeakerRow[]> {
  const probes = lookupProbes(who);
  if (!probes.length) return [];
  const found = await store.speakersByKeys(probes.map(([key]) => key));
  const hits: Array<{ rec: KeyedSpeaker; tier: number }> = [];
  probes.forEach(([, base], i) => {
    for (const rec of found[i] ?? []) hits.push({ rec, tier: base + rec.rank });
  });
  return toRows(store, bestTier(hits, limit));
}

/** Autocomplete: prefix and variant matches, most quoted first (the most quoted of all for no prefix). */
export async function suggestSpeakers(store: Speakers, prefix: string, limit: number): Promise<SpeakerRow[]> {
  const p = normalizeName(prefix);
  if (!p) return toRows(store, await store.mostQuotedSpeakers(limit));
  const found = [...(await byPrefix(store, p, 500)), ...(await byPrefix(store, variantKey(prefix), 500))];
  return toRows(store, rankSuggestions(found, limit));
}

/** Closest known speakers to a name that matched nothing (for "did you mean"), topped up with the most quoted. */
export async function closestSpeakers(store: Speakers, who: string, limit: number): Promise<SpeakerRow[]> {
  const keyed: KeyedSpeaker[] = [];
  for (const prefix of closestProbes(who)) keyed.push(...(await byPrefix(store, prefix, 2000)));
  const close: SpeakerRecord[] = rankClosest(who, keyed, limit);
  const out = close.length < limit ? topUp(close, await store.mostQuotedSpeakers(limit), limit) : close;
  return toRows(store, out);
}
