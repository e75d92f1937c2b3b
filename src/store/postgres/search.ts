// Full-text search PostgreSQL's way: websearch_to_tsquery reads what a user types ("quoted
// phrases", or, -not) and never raises a syntax error; ts_rank weighs the tsvector's labels
// (headline A > lead B > body C). The article store (phase 2) builds its story query from this.

/** The tsquery expression for a parameter holding the user's words. */
export function topicQuery(param: string): string {
  return `websearch_to_tsquery('english', ${param})`;
}

/**
 * Articles matching `$n` (the topic), best first: rank, then newest. Returns ids and ranks; the
 * caller joins what it needs.
 */
export function rankedArticleIds(param: string, limitParam: string): string {
  const q = topicQuery(param);
  return `SELECT id, ts_rank(search, ${q}) AS rank FROM articles
    WHERE search @@ ${q}
    ORDER BY rank DESC, sort_key DESC, id DESC
    LIMIT ${limitParam}`;
}
