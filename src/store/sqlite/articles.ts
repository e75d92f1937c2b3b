// Articles, briefings and quotes in SQLite; every read is answered from an index.
import type { KeyPoint } from '../../core/article.ts';
import type { ArticleStore, DedupeField, NewArticle, QuoteQuery, QuoteRow, StoredKeys, StoryQuery, StoryRow } from '../../app/ports.ts';
import { ftsLead } from './fts-lead.ts';
import { ftsQuery } from './fts-query.ts';
import type { Db, Sync } from './sync.ts';
import { alsoReported } from '../../core/stories/also-reported.ts';

interface StoryRecord {
  story_id: number;
  id: number;
  headline: string;
  url: string | null;
  source: string | null;
  file: string | null;
  published: string | null;
  ingested_at: string;
  key_points: string;
  top_quote: string | null;
  first_seen: string;
  revised_at: string;
}

/** bm25() column weights: headline, lead, body, quotes. */
export const BM25_WEIGHTS = [8, 4, 1, 1] as const;
/** Recency: a story this many days older than `now` keeps 0.5 + 0.5/2 of its relevance; the oldest keep half. */
export const RECENCY_HALF_DAYS = 7;

export function createArticleStore(db: Db): Sync<ArticleStore> {
  const byGuid = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE guid = ?');
  const byUrl = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE url = ?');
  const byHash = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?');
  const insertArticle = db.prepare(
    `INSERT INTO articles (guid, url, content_hash, file, source, format, headline, headline_from, byline,
       published, ingested_at, sort_key, body, key_points, top_quote, item_hash)
     VALUES (@guid, @url, @hash, @file, @source, @format, @headline, @headlineFrom, @byline,
       @published, @ingestedAt, @sortKey, @body, @keyPoints, @topQuote, @itemHash)`,
  );
  const insertFts = db.prepare('INSERT INTO articles_fts (rowid, headline, lead, body, quotes) VALUES (?, ?, ?, ?, ?)');
  const insertQuote = db.prepare(
    `INSERT INTO quotes (article_id, speaker_id, text, kind, mention, start_pos, end_pos, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hasFile = db.prepare<[string, string], { x: number }>('SELECT 1 AS x FROM source_files WHERE path = ? AND content_hash = ?');
  const addFile = db.prepare<[string, string, string]>(
    'INSERT INTO source_files (path, content_hash, ingested_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles');
  const keysOf = db.prepare<[number], StoredKeys>('SELECT guid AS guidKey, content_hash AS contentHash, item_hash AS itemHash, ingested_at AS ingestedAt FROM articles WHERE id = ?');
  const updateRow = db.prepare(
    `UPDATE articles SET guid = COALESCE(guid, @guid), item_hash = @itemHash, url = COALESCE(@url, url), content_hash = @hash,
       source = COALESCE(@source, source), format = @format, headline = @headline, headline_from = @headlineFrom,
       byline = @byline, published = @published, sort_key = COALESCE(@published, ingested_at), body = @body,
       key_points = @keyPoints, top_quote = @topQuote, updated_at = @updatedAt
     WHERE id = @id`,
  );
  const deleteFts = db.prepare<[number]>('DELETE FROM articles_fts WHERE rowid = ?');
  const oldCounts = db.prepare<[number], { sid: number; n: number }>(
    'SELECT speaker_id AS sid, COUNT(*) AS n FROM quotes WHERE article_id = ? AND speaker_id IS NOT NULL GROUP BY speaker_id',
  );
  const deleteQuotes = db.prepare<[number]>('DELETE FROM quotes WHERE article_id = ?');
  // quotes of other articles that pointed at this article's quotes as the same utterance stand alone again
  const unlinkQuotes = db.prepare<[number]>('UPDATE quotes SET same_as = NULL WHERE same_as IN (SELECT id FROM quotes WHERE article_id = ?)');
  const sortKeyOf = db.prepare<[number], { k: string }>('SELECT sort_key AS k FROM articles WHERE id = ?');

  const countQuotes = db.prepare<[number, number]>('UPDATE speakers SET quote_count = quote_count + ? WHERE id = ?');
  const byField: Record<DedupeField, typeof byGuid> = { guid: byGuid, url: byUrl, hash: byHash };

  function insert({ article, briefing, ingestedAt, guidKey, contentHash, itemHash, quotes }: NewArticle): number {
    const at = ingestedAt.toISOString();
    const sortKey = article.published ?? at;
    const keyPoints: KeyPoint[] = briefing.keyPoints;
    const id = Number(
      insertArticle.run({
        guid: guidKey, url: article.url, hash: contentHash, file: article.file, source: article.source,
        format: article.format, headline: briefing.headline, headlineFrom: briefing.headlineFrom,
        byline: article.byline, published: article.published, ingestedAt: at, sortKey, body: article.body,
        keyPoints: JSON.stringify(keyPoints), topQuote: JSON.stringify(briefing.topQuote), itemHash: itemHash ?? null,
      }).lastInsertRowid,
    );
    insertFts.run(id, briefing.headline, ftsLead(article.body), article.body, briefing.quotes.map((q) => q.text).join('\n'));
    writeQuotes(id, quotes, sortKey);
    return id;
  }

  function writeQuotes(id: number, quotes: NewArticle['quotes'], sortKey: string): void {
    const counts = new Map<number, number>();
    for (const q of quotes) {
      insertQuote.run(id, q.speakerId, q.text, q.kind, q.mention, q.start, q.end, sortKey);
      if (q.speakerId !== null) counts.set(q.speakerId, (counts.get(q.speakerId) ?? 0) + 1);
    }
    for (const [sid, n] of counts) countQuotes.run(n, sid);
  }

  function update(id: number, { article, briefing, guidKey, contentHash, itemHash, quotes }: NewArticle, updatedAt: Date): void {
    const changed = updateRow.run({
      id, guid: guidKey, url: article.url, hash: contentHash, source: article.source, format: article.format,
      headline: briefing.headline, headlineFrom: briefing.headlineFrom, byline: article.byline,
      published: article.published, body: article.body, keyPoints: JSON.stringify(briefing.keyPoints),
      topQuote: JSON.stringify(briefing.topQuote), updatedAt: updatedAt.toISOString(), itemHash: itemHash ?? null,
    }).changes;
    if (!changed) throw new Error(`no article #${id} to update`);
    for (const { sid, n } of oldCounts.all(id)) countQuotes.run(-n, sid);
    unlinkQuotes.run(id);
    deleteQuotes.run(id);
    deleteFts.run(id);
    insertFts.run(id, briefing.headline, ftsLead(article.body), article.body, briefing.quotes.map((q) => q.text).join('\n'));
    writeQuotes(id, quotes, sortKeyOf.get(id)!.k);
  }

  const insertAtomically = db.transaction(insert);
  const updateAtomically = db.transaction(update);

  const colsOf = (s: string) => `${s}.id AS story_id, ${s}.best_article_id AS id, ${s}.headline, ${s}.url, ${s}.source, ${s}.published,
    ${s}.key_points, ${s}.top_quote, ${s}.first_seen, ${s}.revised_at, (SELECT a.file FROM articles a WHERE a.id = ${s}.best_article_id) AS file,
    (SELECT a.ingested_at FROM articles a WHERE a.id = ${s}.best_article_id) AS ingested_at`;
  const othersOf = db.prepare<[number, number], { source: string | null; url: string | null }>(
    'SELECT source, url FROM articles WHERE story_id = ? AND id <> ? ORDER BY id LIMIT 50',
  );


  const toStory = (r: StoryRecord): StoryRow => ({
    storyId: r.story_id,
    articleId: r.id,
    headline: r.headline,
    url: r.url,
    source: r.source,
    file: r.file,
    published: r.published,
    ingestedAt: r.ingested_at,
    keyPoints: (JSON.parse(r.key_points) as KeyPoint[]).map((k) => k.text),
    topQuote: r.top_quote ? (JSON.parse(r.top_quote) as StoryRow['topQuote']) : null,
    alsoReportedBy: alsoReported(othersOf.all(r.story_id, r.id), r.source),
    firstSeen: r.first_seen,
    revisedAt: r.revised_at,
  });

  /** The WHERE of a story query and its parameters; null when the topic has no searchable word. */
  function storyFilter(q: Omit<StoryQuery, 'limit'>): { where: string[]; params: Record<string, unknown>; match: string | null } | null {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.ingestedAfter) { where.push('s.revised_at > @after'); params.after = q.ingestedAfter; }
    if (q.ingestedUntil) { where.push('s.revised_at <= @until'); params.until = q.ingestedUntil; }
    const match = q.topic ? ftsQuery(q.topic) : null;
    if (q.topic && !match) return null;
    if (match) params.match = match;
    return { where, params, match };
  }

  // Every match counts (not only the best ranked): all matching articles are scored, so the
  // newest story about a topic is in a digest's window however many old ones rank higher.
  const matched = `f AS MATERIALIZED (SELECT rowid AS id, bm25(articles_fts, ${BM25_WEIGHTS.join(', ')}) AS rank FROM articles_fts WHERE articles_fts MATCH @match),
      m AS (SELECT a.story_id AS sid, MIN(f.rank) AS rank FROM f JOIN articles a ON a.id = f.id WHERE a.story_id IS NOT NULL GROUP BY a.story_id)`;

  function latestStories(q: StoryQuery): StoryRow[] {
    const f = storyFilter(q);
    if (!f) return [];
    const params = { ...f.params, limit: q.limit, offset: Math.max(0, q.offset ?? 0) };
    const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : '';
    let sql: string;
    if (f.match) {
      // relevance (-bm25, higher is better) times a recency factor in (0.5, 1]
      Object.assign(params, { now: q.now ?? null, half: RECENCY_HALF_DAYS });
      sql = `WITH ${matched},
        r AS (SELECT s.*, -m.rank AS rel FROM m JOIN stories s ON s.id = m.sid ${where}),
        t AS (SELECT COALESCE(@now, MAX(sort_key)) AS now FROM r)
        SELECT ${colsOf('r')}
        FROM r, t
        ORDER BY r.rel * (0.5 + 0.5 / (1 + MAX(0, COALESCE(julianday(t.now) - julianday(r.sort_key), 0)) / @half)) DESC, r.sort_key DESC, r.id DESC
        LIMIT @limit OFFSET @offset`;
    } else {
      sql = `SELECT ${colsOf('s')} FROM stories s ${where} ORDER BY s.sort_key DESC, s.id DESC LIMIT @limit OFFSET @offset`;
    }
    return db.prepare<[Record<string, unknown>], StoryRecord>(sql).all(params).map(toStory);
  }

  function countStories(q: Omit<StoryQuery, 'limit'>): number {
    const f = storyFilter(q);
    if (!f) return 0;
    const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : '';
    const sql = f.match
      ? `WITH ${matched} SELECT COUNT(*) AS n FROM m JOIN stories s ON s.id = m.sid ${where}`
      : `SELECT COUNT(*) AS n FROM stories s ${where}`;
    return db.prepare<[Record<string, unknown>], { n: number }>(sql).get(f.params)!.n;
  }

  const utteranceSources = db.prepare<[number], { source: string | null; url: string | null }>(
    'SELECT a.source, a.url FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.same_as = ? ORDER BY q.id LIMIT 50',
  );

  function quotesBySpeakers(q: QuoteQuery): QuoteRow[] {
    if (!q.speakerIds.length) return [];
    const params: Record<string, unknown> = { limit: q.limit };
    const ids = q.speakerIds.map((id, i) => { params[`s${i}`] = id; return `@s${i}`; }).join(', ');
    let about = '';
    let rankJoin = '';
    let rankOrder = '';
    if (q.about) {
      const match = ftsQuery(q.about);
      if (!match) return [];
      params.match = match;
      // the quotes of the articles most about it first, then newest
      rankJoin = `JOIN (SELECT rowid AS id, bm25(articles_fts, ${BM25_WEIGHTS.join(', ')}) AS rank FROM articles_fts WHERE articles_fts MATCH @match) m ON m.id = q.article_id`;
      rankOrder = 'm.rank, ';
    }
    const sql = `SELECT q.id AS quoteId, q.text, q.kind, q.speaker_id AS speakerId, s.name AS speaker,
        a.id AS articleId, a.headline, a.url, a.source, a.published, a.ingested_at AS ingestedAt
      FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id ${rankJoin}
      WHERE q.speaker_id IN (${ids}) AND q.same_as IS NULL ${about}
      ORDER BY ${rankOrder}q.sort_key DESC, q.article_id DESC, (q.kind = 'partial'), q.start_pos LIMIT @limit`;
    return db
      .prepare<[Record<string, unknown>], Omit<QuoteRow, 'alsoReportedBy'>>(sql)
      .all(params)
      .map((r) => ({ ...r, alsoReportedBy: alsoReported(utteranceSources.all(r.quoteId), r.source) }));
  }

  return {
    articleIdBy: (field, key) => byField[field].get(key)?.id ?? null,
    // all or nothing, also when called outside a Store transaction (inside one it needs no savepoint)
    insertArticle: (a) => (db.inTransaction ? insert(a) : insertAtomically(a)),
    storedKeys: (id) => keysOf.get(id) ?? null,
    updateArticle: (id, a, at) => void (db.inTransaction ? update(id, a, at) : updateAtomically(id, a, at)),
    latestStories,
    countStories,
    quotesBySpeakers,
    hasSourceFile: (file, h) => Boolean(hasFile.get(file, h)),
    recordSourceFile: (file, h, at) => void addFile.run(file, h, at.toISOString()),
    countArticles: () => count.get()!.n,
  };
}
