// Articles, briefings and quotes in SQLite; every read is answered from an index.
import type { KeyPoint } from '../../core/article.ts';
import type { ArticleStore, DedupeField, NewArticle, QuoteQuery, QuoteRow, StoryQuery, StoryRow } from '../../app/ports.ts';
import { ftsQuery } from './fts-query.ts';
import type { Db, Sync } from './sync.ts';

interface ArticleRecord {
  id: number;
  headline: string;
  url: string | null;
  source: string | null;
  file: string | null;
  published: string | null;
  ingested_at: string;
  key_points: string;
  top_quote: string | null;
}

export function createArticleStore(db: Db): Sync<ArticleStore> {
  const byGuid = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE guid = ?');
  const byUrl = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE url = ?');
  const byHash = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?');
  const insertArticle = db.prepare(
    `INSERT INTO articles (guid, url, content_hash, file, source, format, headline, headline_from, byline,
       published, ingested_at, sort_key, body, key_points, top_quote)
     VALUES (@guid, @url, @hash, @file, @source, @format, @headline, @headlineFrom, @byline,
       @published, @ingestedAt, @sortKey, @body, @keyPoints, @topQuote)`,
  );
  const insertFts = db.prepare('INSERT INTO articles_fts (rowid, headline, body, quotes) VALUES (?, ?, ?, ?)');
  const insertQuote = db.prepare(
    `INSERT INTO quotes (article_id, speaker_id, text, kind, mention, start_pos, end_pos, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hasFile = db.prepare<[string, string], { x: number }>('SELECT 1 AS x FROM source_files WHERE path = ? AND content_hash = ?');
  const addFile = db.prepare<[string, string, string]>(
    'INSERT INTO source_files (path, content_hash, ingested_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles');

  const countQuotes = db.prepare<[number, number]>('UPDATE speakers SET quote_count = quote_count + ? WHERE id = ?');
  const byField: Record<DedupeField, typeof byGuid> = { guid: byGuid, url: byUrl, hash: byHash };

  function insert({ article, briefing, ingestedAt, guidKey, contentHash, quotes }: NewArticle): number {
    const at = ingestedAt.toISOString();
    const sortKey = article.published ?? at;
    const keyPoints: KeyPoint[] = briefing.keyPoints;
    const id = Number(
      insertArticle.run({
        guid: guidKey, url: article.url, hash: contentHash, file: article.file, source: article.source,
        format: article.format, headline: briefing.headline, headlineFrom: briefing.headlineFrom,
        byline: article.byline, published: article.published, ingestedAt: at, sortKey, body: article.body,
        keyPoints: JSON.stringify(keyPoints), topQuote: JSON.stringify(briefing.topQuote),
      }).lastInsertRowid,
    );
    insertFts.run(id, briefing.headline, article.body, briefing.quotes.map((q) => q.text).join('\n'));
    const counts = new Map<number, number>();
    for (const q of quotes) {
      insertQuote.run(id, q.speakerId, q.text, q.kind, q.mention, q.start, q.end, sortKey);
      if (q.speakerId !== null) counts.set(q.speakerId, (counts.get(q.speakerId) ?? 0) + 1);
    }
    for (const [sid, n] of counts) countQuotes.run(n, sid);
    return id;
  }

  const insertAtomically = db.transaction(insert);

  const storyCols = 'a.id, a.headline, a.url, a.source, a.file, a.published, a.ingested_at, a.key_points, a.top_quote';
  const toStory = (r: ArticleRecord): StoryRow => ({
    articleId: r.id,
    headline: r.headline,
    url: r.url,
    source: r.source,
    file: r.file,
    published: r.published,
    ingestedAt: r.ingested_at,
    keyPoints: (JSON.parse(r.key_points) as KeyPoint[]).map((k) => k.text),
    topQuote: r.top_quote ? (JSON.parse(r.top_quote) as StoryRow['topQuote']) : null,
  });

  /** The WHERE clause of a story query, or null when the topic has no searchable words. */
  function storyFilter(q: Omit<StoryQuery, 'limit'>): { where: string; params: Record<string, unknown> } | null {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.ingestedAfter) { where.push('a.ingested_at > @after'); params.after = q.ingestedAfter; }
    if (q.ingestedUntil) { where.push('a.ingested_at <= @until'); params.until = q.ingestedUntil; }
    const match = q.topic ? ftsQuery(q.topic) : null;
    if (match) {
      // Every match counts (not only the best ranked): the newest story about a topic may rank
      // low, and a digest's window must see every new match however many old ones there are.
      where.push('a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)');
      params.match = match;
    } else if (q.topic) {
      return null;
    }
    return { where: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
  }

  function latestStories(q: StoryQuery): StoryRow[] {
    const f = storyFilter(q);
    if (!f) return [];
    const sql = `SELECT ${storyCols} FROM articles a ${f.where} ORDER BY a.sort_key DESC, a.id DESC LIMIT @limit`;
    return db.prepare<[Record<string, unknown>], ArticleRecord>(sql).all({ ...f.params, limit: q.limit }).map(toStory);
  }

  function countStories(q: Omit<StoryQuery, 'limit'>): number {
    const f = storyFilter(q);
    if (!f) return 0;
    return db.prepare<[Record<string, unknown>], { n: number }>(`SELECT count(*) AS n FROM articles a ${f.where}`).get(f.params)!.n;
  }

  function quotesBySpeakers(q: QuoteQuery): QuoteRow[] {
    if (!q.speakerIds.length) return [];
    const params: Record<string, unknown> = { limit: q.limit };
    const ids = q.speakerIds.map((id, i) => { params[`s${i}`] = id; return `@s${i}`; }).join(', ');
    let about = '';
    if (q.about) {
      const match = ftsQuery(q.about);
      if (!match) return [];
      params.match = match;
      about = 'AND q.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)';
    }
    const sql = `SELECT q.id AS quoteId, q.text, q.kind, q.speaker_id AS speakerId, s.name AS speaker,
        a.id AS articleId, a.headline, a.url, a.source, a.published, a.ingested_at AS ingestedAt
      FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id
      WHERE q.speaker_id IN (${ids}) ${about}
      ORDER BY q.sort_key DESC, q.article_id DESC, (q.kind = 'partial'), q.start_pos LIMIT @limit`;
    return db.prepare<[Record<string, unknown>], QuoteRow>(sql).all(params);
  }

  return {
    articleIdBy: (field, key) => byField[field].get(key)?.id ?? null,
    // all or nothing, also when called outside a Store transaction (inside one it needs no savepoint)
    insertArticle: (a) => (db.inTransaction ? insert(a) : insertAtomically(a)),
    latestStories,
    countStories,
    quotesBySpeakers,
    hasSourceFile: (file, h) => Boolean(hasFile.get(file, h)),
    recordSourceFile: (file, h, at) => void addFile.run(file, h, at.toISOString()),
    countArticles: () => count.get()!.n,
  };
}
