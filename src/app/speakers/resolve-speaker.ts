// An article's speaker -> its registry entry: found by name or spelling variant, a bare surname
// matched to the most quoted speaker known by it, a speaker so far known only by surname upgraded
// to the fuller name, or created; then enriched with the role and aliases the article gives.
import type { ArticleSpeaker } from '../../core/article.ts';
import { aliasIndexKey, indexKeys, usableAlias } from '../../core/speaker-match.ts';
import { normalizeName, variantKey } from '../../core/speakers.ts';
import type { SpeakerRecord, StoreSession } from '../ports.ts';

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

/** Adds the role and aliases an article gives for a known speaker. */
async function enrich(tx: StoreSession, memo: SpeakerMemo, id: number, sp: ArticleSpeaker): Promise<void> {
  if (sp.role && firstTime(memo, `${id}\u0001${sp.role}`)) await tx.setSpeakerRoleIfUnset(id, sp.role);
  for (const alias of sp.aliases) {
    const a = alias.trim();
    if (!usableAlias(a) || !firstTime(memo, `${id}\u0002${a}`)) continue;
    await tx.addSpeakerAlias(id, a);
    const key = aliasIndexKey(a, sp.name);
    if (key) await tx.addSpeakerKeys(id, [{ key, rank: 1 }]);
  }
}

async function match(tx: StoreSession, name: string, norm: string): Promise<SpeakerRecord | undefined> {
  const tokens = norm.split(' ');
  let row: SpeakerRecord | undefined = (await tx.speakerByNorm(norm)) ?? (await tx.speakersByKeys([variantKey(name)]))[0]?.find((r) => r.rank <= 1);
  if (!row && tokens.length === 1) {
    // a bare surname ("Putin"): the most quoted speaker known by that surname
    row = (await tx.speakersByKeys([norm]))[0]?.[0];
  }
  if (!row && tokens.length > 1) {
    // a fuller name for a speaker so far known only by surname: upgrade it
    const bare = await tx.speakerByNorm(tokens[tokens.length - 1]!);
    if (bare) {
      await tx.renameSpeaker(bare.speakerId, name, norm);
      row = { ...bare, name, norm };
    }
  }
  return row;
}

/** Finds the registry entry for an article's speaker, creating or enriching it. Returns its id (null for an empty name). */
export async function resolveSpeaker(tx: StoreSession, memo: SpeakerMemo, sp: ArticleSpeaker): Promise<number | null> {
  const cached = memo.known.get(sp.name);
  if (cached !== undefined) {
    await enrich(tx, memo, cached, sp);
    return cached;
  }
  const norm = normalizeName(sp.name);
  if (!norm) return null;
  const row = await match(tx, sp.name, norm);
  const id = row ? row.speakerId : await tx.insertSpeaker({ name: sp.name, norm, role: sp.role, kind: sp.kind });
  if (memo.known.size >= CACHE_MAX) memo.known.clear();
  memo.known.set(sp.name, id);
  if (firstTime(memo, `${id}\u0000${sp.name}`)) await tx.addSpeakerKeys(id, indexKeys(sp.name, 0));
  await enrich(tx, memo, id, sp);
  return id;
}
