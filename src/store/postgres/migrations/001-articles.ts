import type { PgMigration } from './migration.ts';

// Articles, quotes, speakers and source files: the SQLite schema (src/store/migrations/001) in
// PostgreSQL's terms. Full-text search is a weighted tsvector kept by the server (headline A,
// lead B, body C) under a GIN index, queried with websearch_to_tsquery + ts_rank (search.ts).
// Dedupe keys are UNIQUE constraints, so concurrent ingestion uses ON CONFLICT, never
// check-then-insert. Instants are timestamptz; ids are identity BIGINTs.
export const articlesSchema: PgMigration = {
  version: 1,
  name: 'articles, quotes, speakers, full-text search',
  sql: `
CREATE TABLE articles (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  guid          TEXT,
  url           TEXT,
  content_hash  TEXT NOT NULL,
  file          TEXT,
  source        TEXT,
  format        TEXT NOT NULL,
  headline      TEXT NOT NULL,
  headline_from TEXT NOT NULL,
  byline        TEXT,
  published     TIMESTAMPTZ,
  ingested_at   TIMESTAMPTZ NOT NULL,
  sort_key      TEXT COLLATE "C" NOT NULL,
  lead          TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL,
  key_points    JSONB NOT NULL,
  top_quote     JSONB,
  search        TSVECTOR GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', headline), 'A') ||
                  setweight(to_tsvector('english', lead), 'B') ||
                  setweight(to_tsvector('english', body), 'C')) STORED,
  CONSTRAINT articles_guid UNIQUE (guid),
  CONSTRAINT articles_url UNIQUE (url),
  CONSTRAINT articles_hash UNIQUE (content_hash)
);
CREATE INDEX articles_search ON articles USING GIN (search);
CREATE INDEX articles_sort ON articles (sort_key DESC, id DESC);
CREATE INDEX articles_ingested ON articles (ingested_at, id);

CREATE TABLE speakers (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        TEXT NOT NULL,
  norm        TEXT NOT NULL,
  role        TEXT,
  kind        TEXT NOT NULL,
  quote_count INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT speakers_norm UNIQUE (norm)
);
CREATE INDEX speakers_count ON speakers (quote_count DESC);
CREATE TABLE speaker_aliases (
  speaker_id BIGINT NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  PRIMARY KEY (speaker_id, alias)
);
-- lookup keys: normalised name, aliases, surname, spelling variants (see core/speakers.ts)
CREATE TABLE speaker_keys (
  key        TEXT COLLATE "C" NOT NULL,
  speaker_id BIGINT NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  rank       INTEGER NOT NULL,
  PRIMARY KEY (key, speaker_id)
);
CREATE INDEX speaker_keys_speaker ON speaker_keys (speaker_id);
-- prefix search for autocomplete (key LIKE 'pre%')
CREATE INDEX speaker_keys_prefix ON speaker_keys (key text_pattern_ops);

CREATE TABLE quotes (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  speaker_id  BIGINT REFERENCES speakers (id),
  text        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  mention     TEXT,
  start_pos   INTEGER NOT NULL,
  end_pos     INTEGER NOT NULL,
  sort_key    TEXT COLLATE "C" NOT NULL,
  search      TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX quotes_speaker ON quotes (speaker_id, sort_key DESC, id DESC);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_search ON quotes USING GIN (search);

CREATE TABLE source_files (
  path         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  ingested_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (path, content_hash)
);
`,
};
