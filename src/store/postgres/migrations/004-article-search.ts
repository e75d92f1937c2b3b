import type { PgMigration } from './migration.ts';

// What the article store needs beyond 001: `published` kept as the text the article gave (as on
// SQLite: the card shows it, sort_key orders by it), and the article's quotes in its search
// vector, so a topic's words may fall in headline, lead, body or quotes (weights A, B, C, C).
export const articleSearchSchema: PgMigration = {
  version: 4,
  name: 'published as text, quotes in the article search vector',
  sql: `
ALTER TABLE articles ALTER COLUMN published TYPE TEXT USING to_char(published AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
ALTER TABLE articles ADD COLUMN quote_text TEXT NOT NULL DEFAULT '';
DROP INDEX articles_search;
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
  setweight(to_tsvector('english', headline), 'A') ||
  setweight(to_tsvector('english', lead), 'B') ||
  setweight(to_tsvector('english', body), 'C') ||
  setweight(to_tsvector('english', quote_text), 'C')) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
`,
};
