import type { Migration } from './migration.ts';

// Stories (issue 13): one row per story with its best article's card, the articles it groups
// (articles.story_id), the members' fingerprints and the candidate index (band and name keys ->
// story ids, bounded per key), the same utterance across outlets (quotes.same_as), and the
// progress of `newsbrief stories rebuild`. Portable SQL except the last part: the full-text
// table gains a lead column (headline, lead, body, quotes) so that bm25() weights headline and lead
// up; it is contentless, so it is rebuilt from the stored articles (the lead: the first paragraph,
// up to 600 characters, as store/sqlite/fts-lead.ts takes it at ingestion).
// Existing articles become one story each until `newsbrief stories rebuild` clusters them.
export const storiesSchema: Migration = {
  version: 4,
  name: 'stories',
  sql: `
CREATE TABLE stories (
  id              INTEGER PRIMARY KEY,
  best_article_id INTEGER NOT NULL,     -- the most complete article: headline, key points, quote
  best_size       INTEGER NOT NULL,     -- its body length (characters)
  headline        TEXT NOT NULL,
  url             TEXT,
  source          TEXT,
  published       TEXT,
  key_points      TEXT NOT NULL,
  top_quote       TEXT,
  story_at        TEXT NOT NULL,        -- published date of its first article, else first seen
  first_seen      TEXT NOT NULL,        -- ingestion time of its first article
  last_updated    TEXT NOT NULL,        -- ingestion time of its newest article
  revised_at      TEXT NOT NULL,        -- first seen, or the last material change (see assign-article-story.ts)
  sort_key        TEXT NOT NULL,        -- newest article's published date, else ingestion time
  article_count   INTEGER NOT NULL
);
CREATE INDEX stories_sort ON stories (sort_key, id);
CREATE INDEX stories_revised ON stories (revised_at, id);

ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE INDEX articles_story ON articles (story_id, id);

CREATE TABLE story_members (
  article_id  INTEGER PRIMARY KEY,
  story_id    INTEGER NOT NULL,
  at          TEXT NOT NULL,            -- published, else first seen
  fingerprint TEXT NOT NULL             -- JSON StoryFingerprint
);
CREATE INDEX story_members_story ON story_members (story_id, at);

CREATE TABLE story_keys (
  key      TEXT NOT NULL,               -- an LSH band key, or "n:" + a name
  story_id INTEGER NOT NULL,
  at       TEXT NOT NULL,
  PRIMARY KEY (key, story_id)
);
CREATE INDEX story_keys_at ON story_keys (key, at);

ALTER TABLE quotes ADD COLUMN same_as INTEGER;  -- the first quote of the same utterance, or NULL
CREATE INDEX quotes_same_as ON quotes (same_as);

CREATE TABLE story_rebuild (
  id              INTEGER PRIMARY KEY,  -- always 1
  last_article_id INTEGER NOT NULL,
  done            INTEGER NOT NULL,
  total           INTEGER NOT NULL,
  started_at      TEXT NOT NULL,
  finished_at     TEXT
);

INSERT INTO stories (id, best_article_id, best_size, headline, url, source, published, key_points, top_quote,
    story_at, first_seen, last_updated, revised_at, sort_key, article_count)
  SELECT id, id, length(body), headline, url, source, published, key_points, top_quote,
    COALESCE(published, ingested_at), ingested_at, ingested_at, ingested_at, sort_key, 1 FROM articles;
UPDATE articles SET story_id = id;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  headline, lead, body, quotes,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (rowid, headline, lead, body, quotes)
  SELECT a.id, a.headline,
    substr(a.body, 1, min(600, CASE WHEN instr(a.body, char(10) || char(10)) > 0 THEN instr(a.body, char(10) || char(10)) - 1 ELSE length(a.body) END)),
    a.body,
    COALESCE((SELECT group_concat(q.text, char(10)) FROM quotes q WHERE q.article_id = a.id), '')
  FROM articles a;
`,
};
