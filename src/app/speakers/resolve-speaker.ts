// An article's speaker -> its registry entry: found by a merge key (full name, spelling or
// transliteration variant, an organisation's stem) or its exact normalised name, or created; then
// enriched with the name spellings and roles the article gives, as lookup keys only. A bare
// surname stays an entry of its own and a role never merges: /quote who: lookup decides.
import type { ArticleSpeaker, SpeakerKind } from '../../core/article.ts';
import { checkSpeakerName, classifyAliases, foldName } from '../../core/speaker-identity.ts';
import { aliasIndexKey, indexKeys, mergeKeys, ROLE_RANK, roleIndexKey, usableAlias } from '../../core/speaker-match.ts';
import type { StoreSession } from '../ports.ts';

const CACHE_MAX = 50_000;

/**
 * What has already been resolved and written through one store: ingestion of a large archive
 * meets the same speakers again and again. Must be forgotten when a transaction that used it
 * rolls back (its writes are gone).
 */
export interface SpeakerMemo {
  known: Map<string, number>;
  written: Set<string>;
}

export function createSpeakerMemo(): SpeakerMemo {
  return { known: new Map(), written: new Set() };
}

export function forgetSpeakers(memo: SpeakerMemo): void {
  memo.known.clear();
  memo.written.clear();
}

/** True the first time `key` is seen (since the memo was last cleared). */
function firstTime(memo: SpeakerMemo, key: string): boolean {
  if (memo.written.has(key)) return false;
  if (memo.written.size >= CACHE_MAX) memo.written.clear();
  memo.written.add(key);
  return true;
}

/** Adds the role and aliases an article gives for a known speaker: name spellings as lookup keys, roles as role->person keys. */
async function enrich(tx: StoreSession, memo: SpeakerMemo, id: number, name: string, sp: ArticleSpeaker): Promise<void> {
  if (sp.role && firstTime(memo, `${id}\u0001${sp.role}`)) {
    await tx.setSpeakerRoleIfUnset(id, sp.role);
    const role = roleIndexKey(sp.role);
    if (role) await tx.addSpeakerKeys(id, [{ key: role, rank: ROLE_RANK }]);
  }
  const { names, roles } = classifyAliases(name, sp.aliases.filter(usableAlias), identityKind(sp.kind));
  for (const a of names) {
    if (!firstTime(memo, `${id}\u0002${a}`)) continue;
    await tx.addSpeakerAlias(id, a);
    const key = aliasIndexKey(a, name);
    if (key) await tx.addSpeakerKeys(id, [{ key, rank: 1 }]);
  }
  for (const a of roles) {
    if (!firstTime(memo, `${id}\u0002${a}`)) continue;
    await tx.addSpeakerAlias(id, a);
    const role = roleIndexKey(a);
    if (role) await tx.addSpeakerKeys(id, [{ key: role, rank: ROLE_RANK }]);
  }
}

/** Speakers of unknown kind are checked as people (the stricter rules). */
function identityKind(kind: SpeakerKind): SpeakerKind {
  return kind === 'unknown' ? 'person' : kind;
}

/**
 * The registry entry an article's speaker is the same as: one sharing a merge key (full name or
 * spelling/transliteration variant; an organisation's stem), else one with the same normalised name
 * (a surname-only person meets only other mentions of that bare surname). Never a title, a role or
 * a bare surname matched to a full name: those are lookup's to decide.
 */
async function match(tx: StoreSession, keys: readonly string[], norm: string): Promise<number | null> {
  if (keys.length) {
    for (const list of await tx.speakersByKeys(keys)) {
      const hit = list.find((r) => r.rank === 0);
      if (hit) return hit.speakerId;
    }
  }
  return (await tx.speakerByNorm(norm))?.speakerId ?? null;
}

/**
 * Finds the registry entry for an article's speaker, creating or enriching it. Returns its id, or null
 * for a name that is not a speaker's (empty, a title alone, an event: "Prime Minister's Questions").
 */
export async function resolveSpeaker(tx: StoreSession, memo: SpeakerMemo, sp: ArticleSpeaker): Promise<number | null> {
  const cached = memo.known.get(sp.name);
  const checked = checkSpeakerName(sp.name, identityKind(sp.kind));
  if (checked.name === null) return null;
  const name = checked.name; // "Exchequer Gordon Brown" -> "Gordon Brown"
  if (cached !== undefined) {
    await enrich(tx, memo, cached, name, sp);
    return cached;
  }
  const norm = foldName(name);
  if (!norm) return null;
  const keys = mergeKeys(name, identityKind(sp.kind));
  const id = (await match(tx, keys, norm)) ?? (await tx.insertSpeaker({ name, norm, role: sp.role, kind: sp.kind }));
  if (memo.known.size >= CACHE_MAX) memo.known.clear();
  memo.known.set(sp.name, id);
  if (firstTime(memo, `${id}\u0000${name}`)) {
    await tx.addSpeakerKeys(id, [...keys.map((key) => ({ key, rank: 0 })), ...indexKeys(name, 0, sp.kind)]);
  }
  await enrich(tx, memo, id, name, sp);
  return id;
}

/**
 * The article speaker a quote's speaker name stands for: the speaker of that name, else the one the
 * article gave that alias ("Ms Markov" of "Elena Markov"), else a speaker of its own (kind unknown).
 */
export function articleSpeakerOf(speakers: readonly ArticleSpeaker[], name: string): ArticleSpeaker {
  return speakers.find((s) => s.name === name) ?? speakers.find((s) => s.aliases.includes(name)) ?? { name, aliases: [], role: null, kind: 'unknown' };
}
