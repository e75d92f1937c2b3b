// The speaker registry on PostgreSQL. A normalised name is unique: insertSpeaker is
// INSERT … ON CONFLICT (norm), so two instances creating the same speaker at once both get its
// one id. Lists per key or per id are one statement each (unnest … WITH ORDINALITY + LATERAL).
import type { KeyedSpeaker, SpeakerRecord, SpeakerStore, StoredArticle } from '../../app/ports.ts';
import type { Sql } from './sql.ts';

interface SpeakerDbRow {
  id: number;
  name: string;
  norm: string;
  role: string | null;
  kind: string;
  quote_count: number;
}
type KeyedRow = SpeakerDbRow & { key: string; rank: number; ord: number };

const toRecord = (r: SpeakerDbRow): SpeakerRecord => ({
  speakerId: r.id, name: r.name, norm: r.norm, role: r.role, kind: r.kind, quoteCount: r.quote_count,
});
const toKeyed = (r: KeyedRow): KeyedSpeaker => ({ ...toRecord(r), key: r.key, rank: r.rank });
const COLS = 's.id, s.name, s.norm, s.role, s.kind, s.quote_count';
/** Above every character: the end of a key prefix range (keys are COLLATE "C": code point order). */
const TOP = String.fromCodePoint(0x10ffff);

/** Rows grouped by their 1-based `ord`, one list per input. */
function byOrd<R extends { ord: number }, T>(rows: R[], n: number, to: (r: R) => T): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  for (const r of rows) out[r.ord - 1]!.push(to(r));
  return out;
}

export function createPgSpeakerStore(db: Sql): SpeakerStore {
  return {
    // the registry rebuild (`newsbrief speakers rebuild`), run inside one transaction
    async storedArticles(afterId, limit): Promise<StoredArticle[]> {
      const arts = (await db.query<StoredArticle['article'] & { id: number; headline_from: string }>(
        `SELECT id, guid, url, file, source, format, headline, headline_from, byline, published, body
         FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit])).rows;
      if (!arts.length) return [];
      const quotes = (await db.query<StoredArticle['quotes'][number] & { article_id: number }>(
        `SELECT q.article_id, q.id AS "quoteId", q.text, q.start_pos AS start, q.end_pos AS "end", q.mention, s.name AS speaker
         FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.article_id = ANY($1::bigint[])
         ORDER BY q.article_id, q.start_pos, q.id`, [arts.map((a) => a.id)])).rows;
      const byArticle = new Map<number, StoredArticle['quotes']>();
      for (const { article_id, ...q } of quotes) {
        const id = Number(article_id);
        byArticle.set(id, [...(byArticle.get(id) ?? []), { ...q, quoteId: Number(q.quoteId) }]);
      }
      return arts.map(({ id, headline_from, ...a }) => ({
        articleId: Number(id),
        // a headline made from the lead is not the article's own
        article: { ...a, headline: headline_from === 'article' ? a.headline : null },
        quotes: byArticle.get(Number(id)) ?? [],
      }));
    },
    async clearSpeakerRegistry() {
      await db.query('UPDATE quotes SET speaker_id = NULL WHERE speaker_id IS NOT NULL');
      await db.query('DELETE FROM speaker_keys');
      await db.query('DELETE FROM speaker_aliases');
      await db.query('DELETE FROM speakers');
    },
    async setQuoteSpeakers(assignments) {
      if (!assignments.length) return;
      const quoteIds = assignments.map((a) => a.quoteId);
      const speakerIds = assignments.map((a) => a.speakerId);
      await db.query(
        `UPDATE quotes q SET speaker_id = x.sid FROM unnest($1::bigint[], $2::bigint[]) AS x(qid, sid) WHERE q.id = x.qid`,
        [quoteIds, speakerIds],
      );
      // a quote that repeats an utterance already stored (quotes.same_as) is not counted again
      await db.query(
        `UPDATE speakers s SET quote_count = s.quote_count + c.n
         FROM (SELECT q.speaker_id AS id, count(*)::int AS n FROM quotes q
               WHERE q.id = ANY($1::bigint[]) AND q.speaker_id IS NOT NULL AND q.same_as IS NULL GROUP BY q.speaker_id) c
         WHERE s.id = c.id`,
        [quoteIds],
      );
    },
    async speakerByNorm(norm) {
      const r = (await db.query<SpeakerDbRow>(`SELECT ${COLS} FROM speakers s WHERE s.norm = $1`, [norm])).rows[0];
      return r ? toRecord(r) : null;
    },
    async speakersByKeys(keys) {
      if (!keys.length) return [];
      const r = await db.query<KeyedRow>(
        `SELECT u.ord::int AS ord, x.* FROM unnest($1::text[]) WITH ORDINALITY AS u(key, ord)
         CROSS JOIN LATERAL (
           SELECT ${COLS}, k.key, k.rank FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id
           WHERE k.key = u.key ORDER BY s.quote_count DESC, s.id LIMIT 20) x
         ORDER BY u.ord, x.quote_count DESC, x.id`,
        [keys],
      );
      return byOrd(r.rows, keys.length, toKeyed);
    },
    async speakersByKeyPrefix(prefix, cap) {
      const r = await db.query<KeyedRow>(
        `SELECT 1 AS ord, ${COLS}, k.key, k.rank FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id
         WHERE k.key >= $1 AND k.key < $2 ORDER BY k.key, k.speaker_id LIMIT $3`,
        [prefix, prefix + TOP, cap],
      );
      return r.rows.map(toKeyed);
    },
    async mostQuotedSpeakers(limit) {
      const r = await db.query<SpeakerDbRow>(`SELECT ${COLS} FROM speakers s ORDER BY s.quote_count DESC, s.id LIMIT $1`, [limit]);
      return r.rows.map(toRecord);
    },
    async speakerAliases(ids) {
      if (!ids.length) return [];
      const r = await db.query<{ ord: number; alias: string }>(
        `SELECT u.ord::int AS ord, x.alias FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, ord)
         CROSS JOIN LATERAL (SELECT alias FROM speaker_aliases WHERE speaker_id = u.id ORDER BY alias COLLATE "C" LIMIT 20) x
         ORDER BY u.ord, x.alias COLLATE "C"`,
        [ids],
      );
      return byOrd(r.rows, ids.length, (x) => x.alias);
    },
    async insertSpeaker(s) {
      // the no-op update makes RETURNING give the id the other instance stored
      const r = await db.query<{ id: number }>(
        `INSERT INTO speakers (name, norm, role, kind) VALUES ($1, $2, $3, $4)
         ON CONFLICT (norm) DO UPDATE SET norm = excluded.norm RETURNING id`,
        [s.name, s.norm, s.role, s.kind],
      );
      return r.rows[0]!.id;
    },
    async renameSpeaker(id, name, norm) {
      await db.query('UPDATE speakers SET name = $1, norm = $2 WHERE id = $3', [name, norm, id]);
    },
    async setSpeakerRoleIfUnset(id, role) {
      await db.query('UPDATE speakers SET role = $1 WHERE id = $2 AND role IS NULL', [role, id]);
    },
    async addSpeakerKeys(id, keys) {
      if (!keys.length) return;
      await db.query(
        `INSERT INTO speaker_keys (key, speaker_id, rank)
         SELECT k, $1, min(r) FROM unnest($2::text[], $3::int[]) AS x(k, r) GROUP BY k
         ON CONFLICT (key, speaker_id) DO UPDATE SET rank = LEAST(speaker_keys.rank, excluded.rank)`,
        [id, keys.map((k) => k.key), keys.map((k) => k.rank)],
      );
    },
    async addSpeakerAlias(id, alias) {
      await db.query('INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, alias]);
    },
  };
}
