// Articles, briefings and quotes in SQLite; every read is answered from an index.
import { createHash } from 'node:crypto';
import type { Article, Briefing, KeyPoint } from '../core/article.ts';
import type {
  ArticleStore, IngestResult, QuoteQuery, QuoteRow, StoryQuery, StoryRow,
} from '../app/ports.ts';
import { ftsQuery } from './fts-query.ts';
import { createSpeakerRegistry } from './speakers.ts';
import type { Db } from './sqlite.ts';

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

export function contentHash(article: Article): string {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(norm(article.headline ?? '')).update('\n').update(norm(article.body)).digest('hex');
}

/**
 * The key an article's guid is deduplicated on. RSS guids and JSON Feed ids are only unique
 * within their feed ("1", "42" are common), so an id that is not an absolute URI (http:, urn:,
 * tag:, as Atom requires) is scoped by the feed's name: item "1" of two feeds is two articles.
 */
export function guidKey(article: Pick<Article, 'guid' | 'source'>): string | null {
  const guid = article.guid?.trim();
  if (!guid) return null;
  if (/^[a-z][a-z0-9+.-]*:\S/i.test(guid)) return guid;
  return `${article.source ?? ''}\u001f${guid}`;
}

export function createArticleStore(db: Db): ArticleStore {
  const speakers = createSpeakerRegistry(db);
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

  const ingest = db.transaction((article: Article, briefing: Briefing, ingestedAt: Date): IngestResult => {
    const hash = contentHash(article);
    const guid = guidKey(article);
    const dup =
      (guid && byGuid.get(guid) && { row: byGuid.get(guid)!, by: 'guid' as const }) ||
      (article.url && byUrl.get(article.url) && { row: byUrl.get(article.url)!, by: 'url' as const }) ||
      (byHash.get(hash) && { row: byHash.get(hash)!, by: 'hash' as const }) ||
      null;
    if (dup) return { status: 'duplicate', articleId: dup.row.id, matchedBy: dup.by };
    const at = ingestedAt.toISOString();
    const sortKey = article.published ?? at;
    const keyPoints: KeyPoint[] = briefing.keyPoints;
    const id = Number(
      insertArticle.run({
        guid, url: article.url, hash, file: article.file, source: article.source,
        format: article.format, headline: briefing.headline, headlineFrom: briefing.headlineFrom,
        byline: article.byline, published: article.published, ingestedAt: at, sortKey, body: article.body,
        keyPoints: JSON.stringify(keyPoints), topQuote: JSON.stringify(briefing.topQuote),
      }).lastInsertRowid,
    );
    insertFts.run(id, briefing.headline, article.body, briefing.quotes.map((q) => q.text).join('\n'));
    const ids = new Map<string, number | null>();
    for (const sp of briefing.speakers) ids.set(sp.name, speakers.upsert(sp));
    const counts = new Map<number, number>();
    for (const q of briefing.quotes) {
      let sid: number | null = null;
      if (q.speaker) {
        if (!ids.has(q.speaker)) ids.set(q.speaker, speakers.upsert({ name: q.speaker, aliases: [], role: null, kind: 'unknown' }));
        sid = ids.get(q.speaker) ?? null;
      }
      insertQuote.run(id, sid, q.text, q.kind, q.mention, q.start, q.end, sortKey);
      if (sid !== null) counts.set(sid, (counts.get(sid) ?? 0) + 1);
    }
    for (const [sid, n] of counts) speakers.countQuote(sid, n);
    return { status: 'stored', articleId: id };
  });

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
    ingestArticle: (a, b, at) => {
      try {
        return ingest.immediate(a, b, at);
      } catch (err) {
        speakers.forget(); // the rolled-back transaction may have created speakers the cache holds
        throw err;
      }
    },
    latestStories,
    countStories,
    quotesBySpeakers,
    findSpeakers: speakers.find,
    suggestSpeakers: speakers.suggest,
    closestSpeakers: speakers.closest,
    hasSourceFile: (file, h) => Boolean(hasFile.get(file, h)),
    recordSourceFile: (file, h, at) => void addFile.run(file, h, at.toISOString()),
    countArticles: () => count.get()!.n,
  };
}
