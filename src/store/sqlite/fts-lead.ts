// The lead indexed in the full-text table's lead column: the first paragraph, up to 600
// characters (migration 004 computes the same in SQL when it rebuilds the table).
export const FTS_LEAD_CHARS = 600;

export function ftsLead(body: string): string {
  const end = body.indexOf('\n\n');
  return body.slice(0, Math.min(FTS_LEAD_CHARS, end >= 0 ? end : body.length));
}
