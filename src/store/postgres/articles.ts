// Articles, briefings and quotes on PostgreSQL. Dedupe is the unique keys' (guid, url, content
// hash): insertArticle is INSERT … ON CONFLICT DO NOTHING, and when a key is taken, also by an
// instance inserting at the same moment (the statement waits for its commit), it rejects with
// DuplicateArticleError naming the stored article. Topics are websearch_to_tsquery over the
// weighted search vector (headline, lead, body, quotes) under its GIN index: user syntax never errors.
import type { Article, KeyPoint } from '../../core/article.ts';
import { DuplicateArticleError, type ArticleStore, type DedupeField, type NewArticle, type QuoteQuery, type QuoteRow, type StoredKeys, type StoryQuery, type StoryRow } from '../../app/ports.ts';
import { topicQuery } from './search.ts';
import type { Atomically, Sql } from './sql.ts';
import { alsoReported } from '../../core/stories/also-reported.ts';

interface StoryRecord {
  story_id: number;
  id: number;
  headline: string;
  url: string | null;
  source: string | null;
  file: string | null;
  published: string | null;
  ingested_at: Date;
  key_points: KeyPoint[];
  top_quote: StoryRow['topQuote'];
  first_seen: string;
  revised_at: string;
  others: Array<{ source: string | null; url: string | null }>;
}

/** ts_rank weights {D, C, B, A}: headline (A) 8, lead (B) 4, body and quotes (C) 1, as SQLite's bm25 weights. */
export const RANK_WEIGHTS = '{0.1, 0.125, 0.5, 1.0}';
/** Recency: a story this many days older than `now` keeps 0.5 + 0.5/2 of its relevance; the oldest keep half. */
export const RECENCY_HALF_DAYS = 7;

/** The lead (weight B): the first paragraph, up to 600 characters, as the SQLite store indexes it. */
export const LEAD_CHARS = 600;

export function leadOf(article: Article): string {
  const end = article.body.indexOf('\n\n');
  return article.body.slice(0, Math.min(LEAD_CHARS, end >= 0 ? end : article.body.length));
}

const COLUMN: Record<DedupeField, string> = { guid: 'guid', url: 'url', hash: 'content_hash' };
const colsOf = (x: string) => `${x}.id AS story_id, ${x}.best_article_id AS id, ${x}.headline, ${x}.url, ${x}.source, ${x}.published,
  ${x}.key_points, ${x}.top_quote, ${x}.first_seen, ${x}.revised_at, ba.file, ba.ingested_at,
  COALESCE((SELECT json_agg(json_build_object('source', o.source, 'url', o.url) ORDER BY o.id)
    FROM (SELECT id, source, url FROM articles WHERE story_id = ${x}.id AND id <> ${x}.best_article_id ORDER BY id LIMIT 50) o), '[]') AS others`;


const toStory = (r: StoryRecord): StoryRow => ({
  storyId: r.story_id,
  articleId: r.id,
  headline: r.headline,
  url: r.url,
  source: r.source,
  file: r.file,
  published: r.published,
  ingestedAt: r.ingested_at.toISOString(),
  keyPoints: r.key_points.map((k) => k.text),
  topQuote: r.top_quote ?? null,
  alsoReportedBy: alsoReported(r.others, r.source),
  firstSeen: r.first_seen,
  revisedAt: r.revised_at,
});

/** WHERE of a story query (on stories s) and its parameters, numbered from $1; `topic` is the tsquery's parameter. */
function storyFilter(q: Omit<StoryQuery, 'limit'>): { where: string; params: unknown[]; topic: string | null } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.ingestedAfter) { params.push(q.ingestedAfter); where.push(`s.revised_at > $${params.length}`); }
  if (q.ingestedUntil) { params.push(q.ingestedUntil); where.push(`s.revised_at <= $${params.length}`); }
  let topic: string | null = null;
  if (q.topic && q.topic.trim()) {
    params.push(q.topic);
    topic = `$${params.length}`;
  }
  return { where: where.length ? 'WHERE ' + where.join(' AND ') : '', params, topic };
}

/** Every matching article counts (a digest window sees every new match), grouped by story with its best rank. */
const matched = (topic: string) => `m AS (SELECT a.story_id AS sid, max(ts_rank('${RANK_WEIGHTS}', a.search, ${topicQuery(topic)})) AS rel
  FROM articles a WHERE a.search @@ ${topicQuery(topic)} AND a.story_id IS NOT NULL GROUP BY a.story_id)`;

/** Whole days between two sort keys (ISO dates or instants), 0 when either is not a date. */
const dayOf = (k: string) => `(CASE WHEN ${k} ~ '^\\d{4}-\\d{2}-\\d{2}' THEN left(${k}, 10)::date END)`;
const daysBetween = (later: string, earlier: string) => `GREATEST(0, COALESCE(${dayOf(later)} - ${dayOf(earlier)}, 0))`;

export function createPgArticleStore(db: Sql, atomically: Atomically): ArticleStore {
  async function findExisting(tx: Sql, a: NewArticle): Promise<DuplicateArticleError | null> {
    const probes: Array<[DedupeField, string | null]> = [['guid', a.guidKey], ['url', a.article.url], ['hash', a.contentHash]];
    for (const [field, key] of probes) {
      if (!key) continue;
      const r = await tx.query<{ id: number }>(`SELECT id FROM articles WHERE ${COLUMN[field]} = $1`, [key]);
      if (r.rows[0]) return new DuplicateArticleError(r.rows[0].id, field);
    }
    return null;
  }

  async function insert(tx: Sql, a: NewArticle): Promise<number> {
    const { article, briefing, ingestedAt, guidKey, contentHash, quotes } = a;
    const at = ingestedAt.toISOString();
    const sortKey = article.published ?? at;
    const r = await tx.query<{ id: number }>(
      `INSERT INTO articles (guid, url, content_hash, file, source, format, headline, headline_from, byline,
         published, ingested_at, sort_key, lead, body, quote_text, key_points, top_quote, item_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT DO NOTHING RETURNING id`,
      [guidKey, article.url, contentHash, article.file, article.source, article.format, briefing.headline,
        briefing.headlineFrom, article.byline, article.published, at, sortKey, leadOf(article), article.body,
        briefing.quotes.map((x) => x.text).join('\n'), JSON.stringify(briefing.keyPoints), JSON.stringify(briefing.topQuote), a.itemHash ?? null],
    );
    const id = r.rows[0]?.id;
    if (id === undefined) {
      throw (await findExisting(tx, a)) ?? new Error('article insert conflicted, but no stored article has its keys');
    }
    await writeQuotes(tx, id, quotes, sortKey);
    return id;
  }

  /** Inserts an article's quotes and adds them to their speakers' counts. */
  async function writeQuotes(tx: Sql, id: number, quotes: NewArticle['quotes'], sortKey: string): Promise<void> {
    if (quotes.length) {
      await tx.query(
        `INSERT INTO quotes (article_id, speaker_id, text, kind, mention, start_pos, end_pos, sort_key)
         SELECT $1, q.speaker_id, q.text, q.kind, q.mention, q.start_pos, q.end_pos, $2
         FROM jsonb_to_recordset($3::jsonb) AS q(speaker_id BIGINT, text TEXT, kind TEXT, mention TEXT, start_pos INTEGER, end_pos INTEGER, ord INTEGER)
         ORDER BY q.ord`,
        [id, sortKey, JSON.stringify(quotes.map((x, ord) => ({ speaker_id: x.speakerId, text: x.text, kind: x.kind, mention: x.mention, start_pos: x.start, end_pos: x.end, ord })))],
      );
    }
    const counts = new Map<number, number>();
    for (const x of quotes) if (x.speakerId !== null) counts.set(x.speakerId, (counts.get(x.speakerId) ?? 0) + 1);
    // one statement, rows locked in id order: concurrent ingesters never deadlock on speakers
    const ids = [...counts.keys()].sort((x, y) => x - y);
    if (ids.length) {
      await tx.query(
        `UPDATE speakers s SET quote_count = s.quote_count + c.n
         FROM unnest($1::bigint[], $2::int[]) AS c(id, n) WHERE s.id = c.id`,
        [ids, ids.map((i) => counts.get(i)!)],
      );
    }
  }

  /** An edit: the article's text, briefing, search entry and quotes replaced; id and ingestion time kept. */
  async function update(tx: Sql, id: number, a: NewArticle, updatedAt: Date): Promise<void> {
    const { article, briefing, guidKey, contentHash, quotes } = a;
    const cur = (await tx.query<{ ingested_at: Date }>('SELECT ingested_at FROM articles WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!cur) throw new Error(`no article #${id} to update`);
    const sortKey = article.published ?? cur.ingested_at.toISOString();
    await tx.query(
      `UPDATE articles SET guid = COALESCE(guid, $2), item_hash = $3, url = COALESCE($4, url), content_hash = $5,
         source = COALESCE($6, source), format = $7, headline = $8, headline_from = $9, byline = $10,
         published = $11, sort_key = $12, lead = $13, body = $14, quote_text = $15, key_points = $16,
         top_quote = $17, updated_at = $18
       WHERE id = $1`,
      [id, guidKey, a.itemHash ?? null, article.url, contentHash, article.source, article.format, briefing.headline,
        briefing.headlineFrom, article.byline, article.published, sortKey, leadOf(article), article.body,
        briefing.quotes.map((x) => x.text).join('\n'), JSON.stringify(briefing.keyPoints), JSON.stringify(briefing.topQuote), updatedAt.toISOString()],
    );
    await tx.query(
      `UPDATE speakers s SET quote_count = s.quote_count - c.n
       FROM (SELECT speaker_id, count(*)::int AS n FROM quotes WHERE article_id = $1 AND speaker_id IS NOT NULL GROUP BY speaker_id) c
       WHERE s.id = c.speaker_id`,
      [id],
    );
    // quotes of other articles that pointed at this article's quotes as the same utterance stand alone again
    await tx.query('UPDATE quotes SET same_as = NULL WHERE same_as IN (SELECT id FROM quotes WHERE article_id = $1)', [id]);
    await tx.query('DELETE FROM quotes WHERE article_id = $1', [id]);
    await writeQuotes(tx, id, quotes, sortKey);
  }

  return {
    async articleIdBy(field, key) {
      const r = await db.query<{ id: number }>(`SELECT id FROM articles WHERE ${COLUMN[field]} = $1`, [key]);
      return r.rows[0]?.id ?? null;
    },
    insertArticle: (a) => atomically((tx) => insert(tx, a)),
    updateArticle: (id, a, updatedAt) => atomically((tx) => update(tx, id, a, updatedAt)),
    async storedKeys(id): Promise<StoredKeys | null> {
      const r = (await db.query<{ guid: string | null; content_hash: string; item_hash: string | null; ingested_at: Date }>(
        'SELECT guid, content_hash, item_hash, ingested_at FROM articles WHERE id = $1', [id])).rows[0];
      return r ? { guidKey: r.guid, contentHash: r.content_hash, itemHash: r.item_hash, ingestedAt: r.ingested_at.toISOString() } : null;
    },
    async latestStories(q) {
      const f = storyFilter(q);
      const params = [...f.params, q.limit, Math.max(0, q.offset ?? 0)];
      const lim = `LIMIT $${f.params.length + 1} OFFSET $${f.params.length + 2}`;
      let sql: string;
      if (f.topic) {
        // relevance (ts_rank, weighted) times a recency factor in (0.5, 1]
        params.push(q.now ?? null, RECENCY_HALF_DAYS);
        const now = `$${params.length - 1}::text`;
        const half = `$${params.length}::float8`;
        sql = `WITH ${matched(f.topic)},
          r AS (SELECT s.*, m.rel FROM m JOIN stories s ON s.id = m.sid ${f.where}),
          t AS (SELECT COALESCE(${now}, max(sort_key)) AS now FROM r)
          SELECT ${colsOf('r')} FROM r CROSS JOIN t JOIN articles ba ON ba.id = r.best_article_id
          ORDER BY r.rel * (0.5 + 0.5 / (1 + ${daysBetween('t.now', 'r.sort_key')} / ${half})) DESC, r.sort_key DESC, r.id DESC ${lim}`;
      } else {
        sql = `SELECT ${colsOf('s')} FROM stories s JOIN articles ba ON ba.id = s.best_article_id ${f.where}
          ORDER BY s.sort_key DESC, s.id DESC ${lim}`;
      }
      return (await db.query<StoryRecord>(sql, params)).rows.map(toStory);
    },
    async countStories(q) {
      const f = storyFilter(q);
      const sql = f.topic
        ? `WITH ${matched(f.topic)} SELECT count(*) AS n FROM m JOIN stories s ON s.id = m.sid ${f.where}`
        : `SELECT count(*) AS n FROM stories s ${f.where}`;
      return (await db.query<{ n: number }>(sql, f.params)).rows[0]!.n;
    },
    async quotesBySpeakers(q: QuoteQuery): Promise<QuoteRow[]> {
      if (!q.speakerIds.length) return [];
      const params: unknown[] = [q.speakerIds, q.limit];
      let rank = '';
      let about = '';
      if (q.about && q.about.trim()) {
        params.push(q.about);
        // the quotes of the articles most about it first, then newest
        about = `AND a.search @@ ${topicQuery('$3')}`;
        rank = `ts_rank('${RANK_WEIGHTS}', a.search, ${topicQuery('$3')}) DESC, `;
      }
      const r = await db.query<Omit<QuoteRow, 'ingestedAt' | 'alsoReportedBy'> & { ingestedAt: Date; others: Array<{ source: string | null; url: string | null }> }>(
        `SELECT q.id AS "quoteId", q.text, q.kind, q.speaker_id AS "speakerId", s.name AS speaker,
           a.id AS "articleId", a.headline, a.url, a.source, a.published, a.ingested_at AS "ingestedAt",
           COALESCE((SELECT json_agg(json_build_object('source', o.source, 'url', o.url) ORDER BY o.id)
             FROM (SELECT q2.id, a2.source, a2.url FROM quotes q2 JOIN articles a2 ON a2.id = q2.article_id
                   WHERE q2.same_as = q.id ORDER BY q2.id LIMIT 50) o), '[]') AS others
         FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id
         WHERE q.speaker_id = ANY($1::bigint[]) AND q.same_as IS NULL ${about}
         ORDER BY ${rank}q.sort_key DESC, q.article_id DESC, (q.kind = 'partial'), q.start_pos LIMIT $2`,
        params,
      );
      return r.rows.map(({ others, ...x }) => ({ ...x, ingestedAt: x.ingestedAt.toISOString(), alsoReportedBy: alsoReported(others, x.source) }));
    },
    async hasSourceFile(file, h) {
      return (await db.query('SELECT 1 FROM source_files WHERE path = $1 AND content_hash = $2', [file, h])).rowCount === 1;
    },
    async recordSourceFile(file, h, at) {
      await db.query('INSERT INTO source_files (path, content_hash, ingested_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [file, h, at]);
    },
    async countArticles() {
      return (await db.query<{ n: number }>('SELECT count(*) AS n FROM articles')).rows[0]!.n;
    },
  };
}
