// Articles, briefings and quotes on PostgreSQL. Dedupe is the unique keys' (guid, url, content
// hash): insertArticle is INSERT … ON CONFLICT DO NOTHING, and when a key is taken, also by an
// instance inserting at the same moment (the statement waits for its commit), it rejects with
// DuplicateArticleError naming the stored article. Topics are websearch_to_tsquery over the
// weighted search vector (headline, lead, body, quotes) under its GIN index: user syntax never errors.
import type { Article, KeyPoint } from '../../core/article.ts';
import { DuplicateArticleError, type ArticleStore, type DedupeField, type NewArticle, type QuoteQuery, type QuoteRow, type StoryQuery, type StoryRow } from '../../app/ports.ts';
import { topicQuery } from './search.ts';
import type { Atomically, Sql } from './sql.ts';

interface ArticleRecord {
  id: number;
  headline: string;
  url: string | null;
  source: string | null;
  file: string | null;
  published: string | null;
  ingested_at: Date;
  key_points: KeyPoint[];
  top_quote: StoryRow['topQuote'];
}

const LEAD_MAX = 1000;

/** The article's lead: its first paragraph (weight B in the search vector). */
export function leadOf(article: Article): string {
  const block = article.blocks.find((b) => b.kind === 'paragraph');
  const text = block ? article.body.slice(block.start, block.end) : (article.body.split(/\n\s*\n/)[0] ?? '');
  return text.trim().slice(0, LEAD_MAX);
}

const COLUMN: Record<DedupeField, string> = { guid: 'guid', url: 'url', hash: 'content_hash' };
const storyCols = 'a.id, a.headline, a.url, a.source, a.file, a.published, a.ingested_at, a.key_points, a.top_quote';

const toStory = (r: ArticleRecord): StoryRow => ({
  articleId: r.id,
  headline: r.headline,
  url: r.url,
  source: r.source,
  file: r.file,
  published: r.published,
  ingestedAt: r.ingested_at.toISOString(),
  keyPoints: r.key_points.map((k) => k.text),
  topQuote: r.top_quote ?? null,
});

/** WHERE clause and parameters of a story query (numbered from $1). */
function storyFilter(q: Omit<StoryQuery, 'limit'>): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.ingestedAfter) { params.push(q.ingestedAfter); where.push(`a.ingested_at > $${params.length}::timestamptz`); }
  if (q.ingestedUntil) { params.push(q.ingestedUntil); where.push(`a.ingested_at <= $${params.length}::timestamptz`); }
  if (q.topic && q.topic.trim()) {
    // every match counts, newest first (a digest window must see every new match)
    params.push(q.topic);
    where.push(`a.search @@ ${topicQuery(`$${params.length}`)}`);
  }
  return { where: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
}

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
         published, ingested_at, sort_key, lead, body, quote_text, key_points, top_quote)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT DO NOTHING RETURNING id`,
      [guidKey, article.url, contentHash, article.file, article.source, article.format, briefing.headline,
        briefing.headlineFrom, article.byline, article.published, at, sortKey, leadOf(article), article.body,
        briefing.quotes.map((x) => x.text).join('\n'), JSON.stringify(briefing.keyPoints), JSON.stringify(briefing.topQuote)],
    );
    const id = r.rows[0]?.id;
    if (id === undefined) {
      throw (await findExisting(tx, a)) ?? new Error('article insert conflicted, but no stored article has its keys');
    }
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
    return id;
  }

  return {
    async articleIdBy(field, key) {
      const r = await db.query<{ id: number }>(`SELECT id FROM articles WHERE ${COLUMN[field]} = $1`, [key]);
      return r.rows[0]?.id ?? null;
    },
    insertArticle: (a) => atomically((tx) => insert(tx, a)),
    async latestStories(q) {
      const f = storyFilter(q);
      const r = await db.query<ArticleRecord>(
        `SELECT ${storyCols} FROM articles a ${f.where} ORDER BY a.sort_key DESC, a.id DESC LIMIT $${f.params.length + 1}`,
        [...f.params, q.limit],
      );
      return r.rows.map(toStory);
    },
    async countStories(q) {
      const f = storyFilter(q);
      return (await db.query<{ n: number }>(`SELECT count(*) AS n FROM articles a ${f.where}`, f.params)).rows[0]!.n;
    },
    async quotesBySpeakers(q: QuoteQuery): Promise<QuoteRow[]> {
      if (!q.speakerIds.length) return [];
      const params: unknown[] = [q.speakerIds, q.limit];
      let about = '';
      if (q.about && q.about.trim()) {
        params.push(q.about);
        about = `AND a.search @@ ${topicQuery('$3')}`;
      }
      const r = await db.query<Omit<QuoteRow, 'ingestedAt'> & { ingestedAt: Date }>(
        `SELECT q.id AS "quoteId", q.text, q.kind, q.speaker_id AS "speakerId", s.name AS speaker,
           a.id AS "articleId", a.headline, a.url, a.source, a.published, a.ingested_at AS "ingestedAt"
         FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id
         WHERE q.speaker_id = ANY($1::bigint[]) ${about}
         ORDER BY q.sort_key DESC, q.article_id DESC, (q.kind = 'partial'), q.start_pos LIMIT $2`,
        params,
      );
      return r.rows.map((x) => ({ ...x, ingestedAt: x.ingestedAt.toISOString() }));
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
