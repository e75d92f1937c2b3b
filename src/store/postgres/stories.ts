// Stories on PostgreSQL: the SQLite store's statements (store/sqlite/stories.ts) in PostgreSQL's
// terms, one query per call where SQLite loops (unnest, LATERAL). Two instances assigning the
// same story at once may each create one: a split a rebuild joins, never a lost article.
import type { KeyPoint } from '../../core/article.ts';
import type { StoryFingerprint } from '../../core/stories/index.ts';
import { STORIES_PER_KEY, type NewStory, type StoryCard, type StoryState, type StoryStore, type StoredArticleForStory } from '../../app/ports.ts';
import type { Sql } from './sql.ts';

interface StoryRecord {
  id: number; best_article_id: number; best_size: number; headline: string; url: string | null; source: string | null;
  published: string | null; key_points: KeyPoint[]; top_quote: StoryCard['topQuote']; story_at: string; first_seen: string;
  last_updated: string; revised_at: string; sort_key: string; article_count: number;
}

const toState = (r: StoryRecord): StoryState => ({
  storyId: r.id, bestArticleId: r.best_article_id, bestSize: r.best_size, headline: r.headline, url: r.url, source: r.source,
  published: r.published, keyPoints: r.key_points, topQuote: r.top_quote ?? null,
  storyAt: r.story_at, firstSeen: r.first_seen, lastUpdated: r.last_updated, revisedAt: r.revised_at, sortKey: r.sort_key, articleCount: r.article_count,
});

const card = (c: StoryCard): unknown[] => [c.bestArticleId, c.bestSize, c.headline, c.url, c.source, c.published, JSON.stringify(c.keyPoints), c.topQuote ? JSON.stringify(c.topQuote) : null];
const SET_CARD = `UPDATE stories SET best_article_id = $2, best_size = $3, headline = $4, url = $5, source = $6, published = $7,
  key_points = $8::jsonb, top_quote = $9::jsonb WHERE id = $1`;

export function createPgStoryStore(db: Sql): StoryStore {
  return {
    async storyCandidates(q) {
      const r = await db.query<{ story_id: number; members: Array<{ article_id: number; at: string; fingerprint: StoryFingerprint }> }>(
        `WITH ids AS (
           SELECT DISTINCT h.story_id FROM unnest($1::text[]) AS u(key)
           CROSS JOIN LATERAL (SELECT story_id FROM story_keys WHERE key = u.key AND at >= $2 AND at <= $3 ORDER BY at DESC LIMIT $4) h)
         SELECT ids.story_id, COALESCE((SELECT json_agg(json_build_object('article_id', m.article_id, 'at', m.at, 'fingerprint', m.fingerprint))
             FROM (SELECT * FROM story_members WHERE story_id = ids.story_id ORDER BY at DESC, article_id DESC LIMIT $5) m), '[]') AS members
         FROM ids ORDER BY ids.story_id`,
        [[...new Set(q.keys)], q.from, q.until, Math.min(q.perKey, STORIES_PER_KEY), q.membersPerStory],
      );
      return r.rows.map((x) => ({ storyId: x.story_id, members: x.members.map((m) => ({ articleId: m.article_id, at: m.at, fingerprint: m.fingerprint })) }));
    },
    async story(id) {
      const r = (await db.query<StoryRecord>('SELECT * FROM stories WHERE id = $1', [id])).rows[0];
      return r ? toState(r) : null;
    },
    async storyOfArticle(id) {
      return (await db.query<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = $1', [id])).rows[0]?.story_id ?? null;
    },
    async createStory(s: NewStory) {
      const r = await db.query<{ id: number }>(
        `INSERT INTO stories (best_article_id, best_size, headline, url, source, published, key_points, top_quote,
           story_at, first_seen, last_updated, revised_at, sort_key, article_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $10, $10, $11, 0) RETURNING id`,
        [...card(s), s.storyAt, s.seenAt, s.sortKey],
      );
      return r.rows[0]!.id;
    },
    async joinStory(j) {
      if (j.card) await db.query(SET_CARD, [j.storyId, ...card(j.card)]);
      await db.query(
        `UPDATE stories SET last_updated = GREATEST(last_updated, $2), sort_key = GREATEST(sort_key, $3),
           revised_at = CASE WHEN $4 THEN GREATEST(revised_at, $2) ELSE revised_at END WHERE id = $1`,
        [j.storyId, j.seenAt, j.sortKey, j.material],
      );
    },
    async addStoryMember(m) {
      await db.query('INSERT INTO story_members (article_id, story_id, at, fingerprint) VALUES ($1, $2, $3, $4::jsonb)', [m.articleId, m.storyId, m.at, JSON.stringify(m.fingerprint)]);
      await db.query('UPDATE articles SET story_id = $1 WHERE id = $2', [m.storyId, m.articleId]);
      await db.query('UPDATE stories SET article_count = article_count + 1 WHERE id = $1', [m.storyId]);
      const keys = [...new Set(m.keys)];
      if (!keys.length) return;
      await db.query(
        `INSERT INTO story_keys (key, story_id, at) SELECT k, $2, $3 FROM unnest($1::text[]) AS k
         ON CONFLICT (key, story_id) DO UPDATE SET at = GREATEST(story_keys.at, excluded.at)`,
        [keys, m.storyId, m.at],
      );
      // keep the newest STORIES_PER_KEY stories of each key
      await db.query(
        `DELETE FROM story_keys d USING (
           SELECT key, story_id, row_number() OVER (PARTITION BY key ORDER BY at DESC, story_id DESC) AS n
           FROM story_keys WHERE key = ANY($1::text[])) r
         WHERE d.key = r.key AND d.story_id = r.story_id AND r.n > $2`,
        [keys, STORIES_PER_KEY],
      );
    },
    async detachFromStory(articleId) {
      const sid = (await db.query<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = $1', [articleId])).rows[0]?.story_id ?? null;
      await db.query('DELETE FROM story_members WHERE article_id = $1', [articleId]);
      if (sid === null) return;
      await db.query('UPDATE articles SET story_id = NULL WHERE id = $1', [articleId]);
      await db.query('UPDATE stories SET article_count = article_count - 1 WHERE id = $1', [sid]);
      const best = (await db.query<{ id: number; size: number; headline: string; url: string | null; source: string | null; published: string | null; key_points: KeyPoint[]; top_quote: StoryCard['topQuote'] }>(
        'SELECT id, length(body) AS size, headline, url, source, published, key_points, top_quote FROM articles WHERE story_id = $1 ORDER BY length(body) DESC, id LIMIT 1',
        [sid],
      )).rows[0];
      if (!best) {
        await db.query('DELETE FROM stories WHERE id = $1', [sid]);
        await db.query('DELETE FROM story_keys WHERE story_id = $1', [sid]);
        return;
      }
      await db.query(SET_CARD, [sid, ...card({ bestArticleId: best.id, bestSize: best.size, headline: best.headline, url: best.url, source: best.source, published: best.published, keyPoints: best.key_points, topQuote: best.top_quote })]);
    },
    async quotesOfArticle(id) {
      return (await db.query<{ quoteId: number; articleId: number; text: string; speakerId: number }>(
        'SELECT id AS "quoteId", article_id AS "articleId", text, speaker_id AS "speakerId" FROM quotes WHERE article_id = $1 AND speaker_id IS NOT NULL ORDER BY id',
        [id],
      )).rows;
    },
    async recentUtterances(speakerId, except, limit) {
      return (await db.query<{ quoteId: number; articleId: number; text: string }>(
        `SELECT id AS "quoteId", article_id AS "articleId", text FROM quotes
         WHERE speaker_id = $1 AND same_as IS NULL AND article_id <> $2 ORDER BY sort_key DESC, id DESC LIMIT $3`,
        [speakerId, except, limit],
      )).rows;
    },
    async linkUtterance(quoteId, sameAs) {
      const r = await db.query('UPDATE quotes SET same_as = $1 WHERE id = $2 AND same_as IS NULL', [sameAs, quoteId]);
      if (!r.rowCount) return;
      await db.query('UPDATE speakers SET quote_count = quote_count - 1 WHERE id = (SELECT speaker_id FROM quotes WHERE id = $1)', [quoteId]);
      // an utterance printed again ranks by its latest printing
      await db.query('UPDATE quotes SET sort_key = GREATEST(sort_key, (SELECT sort_key FROM quotes WHERE id = $1)) WHERE id = $2', [quoteId, sameAs]);
    },
    async articlesForStories(afterId, limit): Promise<StoredArticleForStory[]> {
      const r = await db.query<{ id: number; headline: string; body: string; url: string | null; source: string | null; published: string | null; ingested_at: Date; key_points: KeyPoint[]; top_quote: StoredArticleForStory['topQuote'] }>(
        'SELECT id, headline, body, url, source, published, ingested_at, key_points, top_quote FROM articles WHERE id > $1 ORDER BY id LIMIT $2',
        [afterId, limit],
      );
      return r.rows.map((x) => ({
        articleId: x.id, headline: x.headline, body: x.body, url: x.url, source: x.source, published: x.published,
        ingestedAt: x.ingested_at.toISOString(), keyPoints: x.key_points, topQuote: x.top_quote ?? null,
      }));
    },
    async rebuildProgress() {
      const r = (await db.query<{ last_article_id: number; done: number; total: number; started_at: string; finished_at: string | null }>('SELECT * FROM story_rebuild WHERE id = 1')).rows[0];
      return r ? { lastArticleId: r.last_article_id, done: r.done, total: r.total, startedAt: r.started_at, finishedAt: r.finished_at } : null;
    },
    async startRebuild(total, at) {
      for (const sql of [
        'DELETE FROM story_keys', 'DELETE FROM story_members', 'DELETE FROM stories', 'UPDATE articles SET story_id = NULL',
        'UPDATE quotes SET same_as = NULL WHERE same_as IS NOT NULL',
        'UPDATE speakers s SET quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id)',
        'DELETE FROM story_rebuild',
      ]) await db.query(sql);
      await db.query('INSERT INTO story_rebuild (id, last_article_id, done, total, started_at) VALUES (1, 0, 0, $1, $2)', [total, at]);
    },
    async recordRebuild(last, done, finishedAt) {
      await db.query('UPDATE story_rebuild SET last_article_id = $1, done = $2, finished_at = $3 WHERE id = 1', [last, done, finishedAt]);
    },
  };
}
