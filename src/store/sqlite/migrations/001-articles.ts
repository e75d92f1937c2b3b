import type { Migration } from './migration.ts';

// Articles, briefings, quotes and the speaker registry. Plain SQL except the FTS5 table.
export const articlesSchema: Migration = {
  version: 1,
  name: 'articles, quotes, speakers, full-text search',
  sql: `
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  guid          TEXT,
  url           TEXT,
  content_hash  TEXT NOT NULL,
  file          TEXT,
  source        TEXT,
  format        TEXT NOT NULL,
  headline      TEXT NOT NULL,
  headline_from TEXT NOT NULL,
  byline        TEXT,
  published     TEXT,
  ingested_at   TEXT NOT NULL,
  sort_key      TEXT NOT NULL,
  body          TEXT NOT NULL,
  key_points    TEXT NOT NULL,
  top_quote     TEXT
);
CREATE UNIQUE INDEX articles_guid ON articles (guid) WHERE guid IS NOT NULL;
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_sort ON articles (sort_key, id);
CREATE INDEX articles_ingested ON articles (ingested_at, id);

CREATE TABLE speakers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  norm        TEXT NOT NULL UNIQUE,
  role        TEXT,
  kind        TEXT NOT NULL,
  quote_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX speakers_count ON speakers (quote_count);
CREATE TABLE speaker_aliases (
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  PRIMARY KEY (speaker_id, alias)
);
-- lookup keys: normalised name, aliases, surname, spelling variants (see core/speakers.ts)
CREATE TABLE speaker_keys (
  key        TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  rank       INTEGER NOT NULL,
  PRIMARY KEY (key, speaker_id)
);
CREATE INDEX speaker_keys_speaker ON speaker_keys (speaker_id);

CREATE TABLE quotes (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  speaker_id  INTEGER REFERENCES speakers (id),
  text        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  mention     TEXT,
  start_pos   INTEGER NOT NULL,
  end_pos     INTEGER NOT NULL,
  sort_key    TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes (speaker_id, sort_key, id);
CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE source_files (
  path         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  ingested_at  TEXT NOT NULL,
  PRIMARY KEY (path, content_hash)
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  headline, body, quotes,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
`,
};
