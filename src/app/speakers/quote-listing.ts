// What /quote who: lists: whose quotes (the chosen speaker, and for a bare surname the surname-only
// entry of the same name), and which of them (short partial quotes only when asked).
import { isListedQuote } from '../../core/speaker-identity.ts';
import { surnameOnly, surnameUnit } from '../../core/speaker-match.ts';
import { foldName } from '../../core/speaker-identity.ts';
import type { QuoteQuery, QuoteRow, SpeakerRow, StoreSession } from '../ports.ts';

export type QuoteListing = 'default' | 'all';

/** How many quotes a listing filter reads at most to fill one request. */
const MAX_SCAN = 20_000;

/**
 * `quotesBySpeakers` keeping only the quotes `listing` shows: one- or two-word partial quotes are
 * left out by default. Reads further until `limit` listed quotes are found or the speaker's quotes
 * are exhausted, so that fewer than `limit` rows still means "no more".
 */
export async function listedQuotes(store: Pick<StoreSession, 'quotesBySpeakers'>, q: QuoteQuery, listing: QuoteListing): Promise<QuoteRow[]> {
  if (listing === 'all') return store.quotesBySpeakers(q);
  let raw = q.limit;
  for (;;) {
    const rows = await store.quotesBySpeakers({ ...q, limit: raw });
    const kept = rows.filter((r) => isListedQuote(r, listing));
    if (kept.length >= q.limit || rows.length < raw || raw >= MAX_SCAN) return kept.slice(0, q.limit);
    raw = Math.min(MAX_SCAN, raw * 4);
  }
}

/**
 * The speakers one answer lists, from lookup's best matches: the first (a full name before a
 * surname-only entry), plus the surname-only entry of that surname when `who` is that bare surname
 * and no other full name among the matches shares it ("Merkel" alone in one article, "Angela Merkel"
 * in others); `others` are the matches named for a retry.
 */
export async function quoteSubjects(store: Pick<StoreSession, 'speakerByNorm'>, found: readonly SpeakerRow[], who: string): Promise<{ speakers: SpeakerRow[]; others: SpeakerRow[] }> {
  const [first, ...rest] = found;
  if (!first) return { speakers: [], others: [] };
  const query = foldName(who);
  const fullNames = rest.filter((s) => !surnameOnly(s.name, s.kind));
  const others = rest.filter((s) => !(surnameOnly(s.name, s.kind) && foldName(s.name) === query));
  if (query.includes(' ') || surnameOnly(first.name, first.kind) || surnameUnit(first.name) !== query || fullNames.length) {
    return { speakers: [first], others: rest };
  }
  const bare = await store.speakerByNorm(query);
  if (!bare || bare.speakerId === first.speakerId || !surnameOnly(bare.name, bare.kind)) return { speakers: [first], others: rest };
  return { speakers: [first, { speakerId: bare.speakerId, name: bare.name, aliases: [], role: bare.role, kind: bare.kind, quoteCount: bare.quoteCount }], others };
}
