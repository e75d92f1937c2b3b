// Stories in SQLite: cards, members with fingerprints, the bounded candidate-key index, utterance
// links and rebuild progress. Every read goes through an index; no statement scans the archive.
import type { KeyPoint } from '../../core/article.ts';
import type { StoryFingerprint } from '../../core/stories/index.ts';
import type { CandidateStoryRow, NewStory, StoryCard, StoryState, StoryStore, StoredArticleForStory } from '../../app/ports.ts';
import { STORIES_PER_KEY } from '../../app/ports.ts';
import type { Db, Sync } from './sync.ts';

interface StoryRecord {
  id: number; best_article_id: number; best_size: number; headline: string; url: string | null; source: string | null;
  published: string | null; key_points: string; top_quote: string | null; story_at: string; first_seen: string;
  last_updated: string; revised_at: string; sort_key: string; article_count: number;
}

const toState = (r: StoryRecord): StoryState => ({
  storyId: r.id, bestArticleId: r.best_article_id, bestSize: r.best_size, headline: r.headline, url: r.url, source: r.source,
  published: r.published, keyPoints: JSON.parse(r.key_points) as KeyPoint[], topQuote: r.top_quote ? (JSON.parse(r.top_quote) as StoryCard['topQuote']) : null,
  storyAt: r.story_at, firstSeen: r.first_seen, lastUpdated: r.last_updated, revisedAt: r.revised_at, sortKey: r.sort_key, articleCount: r.article_count,
});

const cardParams = (c: StoryCard) => ({
  best: c.bestArticleId, size: c.bestSize, headline: c.headline, url: c.url, source: c.source, published: c.published,
  keyPoints: JSON.stringify(c.keyPoints), topQuote: c.topQuote ? JSON.stringify(c.topQuote) : null,
});

export function createStoryStore(db: Db): Sync<StoryStore> {
  const byId = db.prepare<[number], StoryRecord>('SELECT * FROM stories WHERE id = ?');
  const ofArticle = db.prepare<[number], { story_id: number | null }>('SELECT story_id FROM articles WHERE id = ?');
  const keyHits = db.prepare<[string, string, string, number], { story_id: number }>(
    'SELECT story_id FROM story_keys WHERE key = ? AND at >= ? AND at <= ? ORDER BY at DESC LIMIT ?',
  );
  const membersOf = db.prepare<[number, number], { article_id: number; at: string; fingerprint: string }>(
    'SELECT article_id, at, fingerprint FROM story_members WHERE story_id = ? ORDER BY at DESC, article_id DESC LIMIT ?',
  );
  const insertStory = db.prepare(
    `INSERT INTO stories (best_article_id, best_size, headline, url, source, published, key_points, top_quote,
       story_at, first_seen, last_updated, revised_at, sort_key, article_count)
     VALUES (@best, @size, @headline, @url, @source, @published, @keyPoints, @topQuote, @storyAt, @seenAt, @seenAt, @seenAt, @sortKey, 0)`,
  );
  const setCard = db.prepare(
    `UPDATE stories SET best_article_id = @best, best_size = @size, headline = @headline, url = @url, source = @source,
       published = @published, key_points = @keyPoints, top_quote = @topQuote WHERE id = @id`,
  );
  const touch = db.prepare(
    `UPDATE stories SET last_updated = CASE WHEN last_updated > @seen THEN last_updated ELSE @seen END,
       sort_key = CASE WHEN sort_key > @sort THEN sort_key ELSE @sort END WHERE id = @id`,
  );
  const revise = db.prepare('UPDATE stories SET revised_at = CASE WHEN revised_at > @at THEN revised_at ELSE @at END WHERE id = @id');
  const insertMember = db.prepare<[number, number, string, string]>('INSERT INTO story_members (article_id, story_id, at, fingerprint) VALUES (?, ?, ?, ?)');
  const setArticleStory = db.prepare<[number | null, number]>('UPDATE articles SET story_id = ? WHERE id = ?');
  const countUp = db.prepare<[number, number]>('UPDATE stories SET article_count = article_count + ? WHERE id = ?');
  const upsertKey = db.prepare<[string, number, string]>(
    'INSERT INTO story_keys (key, story_id, at) VALUES (?, ?, ?) ON CONFLICT (key, story_id) DO UPDATE SET at = CASE WHEN story_keys.at > excluded.at THEN story_keys.at ELSE excluded.at END',
  );
  // keep the newest STORIES_PER_KEY stories of a key
  const trimKey = db.prepare<[string, string, number]>(
    `DELETE FROM story_keys WHERE key = ? AND story_id NOT IN
       (SELECT story_id FROM story_keys WHERE key = ? ORDER BY at DESC, story_id DESC LIMIT ?)`,
  );
  const keyCount = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM story_keys WHERE key = ?');
  const deleteMember = db.prepare<[number]>('DELETE FROM story_members WHERE article_id = ?');
  const deleteStory = db.prepare<[number]>('DELETE FROM stories WHERE id = ?');
  const deleteKeysOf = db.prepare<[number]>('DELETE FROM story_keys WHERE story_id = ?');
  const longestOf = db.prepare<[number], { id: number; size: number; headline: string; url: string | null; source: string | null; published: string | null; key_points: string; top_quote: string | null }>(
    'SELECT id, length(body) AS size, headline, url, source, published, key_points, top_quote FROM articles WHERE story_id = ? ORDER BY length(body) DESC, id LIMIT 1',
  );
  const quotesOf = db.prepare<[number], { quoteId: number; articleId: number; text: string; speakerId: number }>(
    'SELECT id AS quoteId, article_id AS articleId, text, speaker_id AS speakerId FROM quotes WHERE article_id = ? AND speaker_id IS NOT NULL ORDER BY id',
  );
  const utterances = db.prepare<[number, number, number], { quoteId: number; articleId: number; text: string }>(
    `SELECT id AS quoteId, article_id AS articleId, text FROM quotes
     WHERE speaker_id = ? AND same_as IS NULL AND article_id <> ? ORDER BY sort_key DESC, id DESC LIMIT ?`,
  );
  const link = db.prepare<[number, number]>('UPDATE quotes SET same_as = ? WHERE id = ? AND same_as IS NULL');
  // an utterance printed again ranks by its latest printing
  const relink = db.prepare<[number, number, number]>(
    `UPDATE quotes SET sort_key = CASE WHEN sort_key >= (SELECT sort_key FROM quotes WHERE id = ?) THEN sort_key
       ELSE (SELECT sort_key FROM quotes WHERE id = ?) END WHERE id = ?`,
  );
  const uncount = db.prepare<[number]>('UPDATE speakers SET quote_count = quote_count - 1 WHERE id = (SELECT speaker_id FROM quotes WHERE id = ?)');
  const articlesAfter = db.prepare<[number, number], { id: number; headline: string; body: string; url: string | null; source: string | null; published: string | null; ingested_at: string; key_points: string; top_quote: string | null }>(
    'SELECT id, headline, body, url, source, published, ingested_at, key_points, top_quote FROM articles WHERE id > ? ORDER BY id LIMIT ?',
  );
  const progress = db.prepare<[], { last_article_id: number; done: number; total: number; started_at: string; finished_at: string | null }>('SELECT * FROM story_rebuild WHERE id = 1');

  function storyCandidates(q: { keys: string[]; from: string; until: string; perKey: number; membersPerStory: number }): CandidateStoryRow[] {
    const ids = new Set<number>();
    for (const key of new Set(q.keys)) for (const r of keyHits.all(key, q.from, q.until, Math.min(q.perKey, STORIES_PER_KEY))) ids.add(r.story_id);
    return [...ids].map((storyId) => ({
      storyId,
      members: membersOf.all(storyId, q.membersPerStory).map((m) => ({ articleId: m.article_id, at: m.at, fingerprint: JSON.parse(m.fingerprint) as StoryFingerprint })),
    }));
  }

  function detach(articleId: number): void {
    const sid = ofArticle.get(articleId)?.story_id ?? null;
    deleteMember.run(articleId);
    if (sid === null) return;
    setArticleStory.run(null, articleId);
    countUp.run(-1, sid);
    const best = longestOf.get(sid);
    if (!best) {
      deleteStory.run(sid);
      deleteKeysOf.run(sid);
      return;
    }
    setCard.run({
      id: sid, best: best.id, size: best.size, headline: best.headline, url: best.url, source: best.source, published: best.published,
      keyPoints: best.key_points, topQuote: best.top_quote,
    });
  }

  return {
    storyCandidates,
    story: (id) => { const r = byId.get(id); return r ? toState(r) : null; },
    storyOfArticle: (id) => ofArticle.get(id)?.story_id ?? null,
    createStory: (s: NewStory) => Number(insertStory.run({ ...cardParams(s), storyAt: s.storyAt, seenAt: s.seenAt, sortKey: s.sortKey }).lastInsertRowid),
    joinStory: (j) => {
      if (j.card) setCard.run({ id: j.storyId, ...cardParams(j.card) });
      touch.run({ seen: j.seenAt, sort: j.sortKey, id: j.storyId });
      if (j.material) revise.run({ at: j.seenAt, id: j.storyId });
    },
    addStoryMember: (m) => {
      insertMember.run(m.articleId, m.storyId, m.at, JSON.stringify(m.fingerprint));
      setArticleStory.run(m.storyId, m.articleId);
      countUp.run(1, m.storyId);
      for (const key of new Set(m.keys)) {
        upsertKey.run(key, m.storyId, m.at);
        if (keyCount.get(key)!.n > STORIES_PER_KEY) trimKey.run(key, key, STORIES_PER_KEY);
      }
    },
    detachFromStory: detach,
    quotesOfArticle: (id) => quotesOf.all(id),
    recentUtterances: (speakerId, except, limit) => utterances.all(speakerId, except, limit),
    linkUtterance: (quoteId, sameAs) => {
      if (!link.run(sameAs, quoteId).changes) return;
      uncount.run(quoteId);
      relink.run(quoteId, quoteId, sameAs);
    },
    articlesForStories: (afterId, limit): StoredArticleForStory[] =>
      articlesAfter.all(afterId, limit).map((r) => ({
        articleId: r.id, headline: r.headline, body: r.body, url: r.url, source: r.source, published: r.published, ingestedAt: r.ingested_at,
        keyPoints: JSON.parse(r.key_points) as KeyPoint[], topQuote: r.top_quote ? (JSON.parse(r.top_quote) as StoredArticleForStory['topQuote']) : null,
      })),
    rebuildProgress: () => {
      const r = progress.get();
      return r ? { lastArticleId: r.last_article_id, done: r.done, total: r.total, startedAt: r.started_at, finishedAt: r.finished_at } : null;
    },
    startRebuild: (total, at) => {
      db.exec(`DELETE FROM story_keys; DELETE FROM story_members; DELETE FROM stories; UPDATE articles SET story_id = NULL;
        UPDATE quotes SET same_as = NULL WHERE same_as IS NOT NULL;
        UPDATE speakers SET quote_count = (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = speakers.id);
        DELETE FROM story_rebuild;`);
      db.prepare('INSERT INTO story_rebuild (id, last_article_id, done, total, started_at) VALUES (1, 0, 0, ?, ?)').run(total, at);
    },
    recordRebuild: (last, done, finishedAt) => void db.prepare('UPDATE story_rebuild SET last_article_id = ?, done = ?, finished_at = ? WHERE id = 1').run(last, done, finishedAt),
  };
}
