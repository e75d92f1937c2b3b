// Live sources and their poll state on PostgreSQL (migration 007); the same rows as SQLite's.
import type { NewSource, SourcePollUpdate, SourceRow, SourceStore } from '../../app/ports.ts';
import type { Sql } from './sql.ts';

interface SourceRecord {
  url: string; label: string | null; origin: SourceRow['origin']; added_by: string; added_at: string;
  in_config: boolean; full_text: boolean; etag: string | null; last_modified: string | null;
  next_poll_at: string; failures: number; failing: boolean; last_error: string | null; last_reason: string | null;
  last_polled_at: string | null; last_result: string | null; last_new_at: string | null; last_new_headline: string | null;
}

const toRow = (r: SourceRecord): SourceRow => ({
  url: r.url, label: r.label, origin: r.origin, addedBy: r.added_by, addedAt: r.added_at,
  inConfig: r.in_config, fullText: r.full_text,
  validators: { etag: r.etag, lastModified: r.last_modified },
  nextPollAt: r.next_poll_at, failures: r.failures, failing: r.failing,
  lastError: r.last_error, lastReason: r.last_reason, lastPolledAt: r.last_polled_at,
  lastResult: r.last_result, lastNewAt: r.last_new_at, lastNewHeadline: r.last_new_headline,
});

export function createPgSourceStore(db: Sql): SourceStore {
  const get = async (url: string) => (await db.query<SourceRecord>('SELECT * FROM sources WHERE url = $1', [url])).rows[0] ?? null;
  return {
    async addSource(s: NewSource) {
      const at = s.addedAt.toISOString();
      const r = await db.query(
        `INSERT INTO sources (url, label, origin, added_by, added_at, in_config, full_text, next_poll_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $5) ON CONFLICT DO NOTHING`,
        [s.url, s.label, s.origin, s.addedBy, at, s.inConfig === true, s.fullText !== false],
      );
      return { added: (r.rowCount ?? 0) > 0, source: toRow((await get(s.url))!) };
    },
    async removeSource(url) {
      return ((await db.query('DELETE FROM sources WHERE url = $1', [url])).rowCount ?? 0) > 0;
    },
    async getSource(url) {
      const r = await get(url);
      return r ? toRow(r) : null;
    },
    async listSources() {
      return (await db.query<SourceRecord>('SELECT * FROM sources ORDER BY added_at, url')).rows.map(toRow);
    },
    async dueSources(now, limit) {
      return (await db.query<SourceRecord>('SELECT * FROM sources WHERE next_poll_at <= $1 ORDER BY next_poll_at, url LIMIT $2', [now.toISOString(), limit])).rows.map(toRow);
    },
    async recordPoll(url: string, u: SourcePollUpdate) {
      await db.query(
        `UPDATE sources SET etag = $2, last_modified = $3, next_poll_at = $4, failures = $5, failing = $6,
           last_error = $7, last_reason = $8, last_polled_at = $9, last_result = $10,
           last_new_at = COALESCE($11, last_new_at), last_new_headline = COALESCE($12, last_new_headline)
         WHERE url = $1`,
        [url, u.validators.etag, u.validators.lastModified, u.nextPollAt.toISOString(), u.failures, u.failing,
          u.lastError, u.lastReason, u.polledAt.toISOString(), u.lastResult, u.newStory?.at.toISOString() ?? null, u.newStory?.headline ?? null],
      );
    },
    async setConfigured(urls) {
      const r = await db.query(
        'UPDATE sources SET in_config = (url = ANY($1::text[])) WHERE in_config IS DISTINCT FROM (url = ANY($1::text[]))',
        [[...urls]],
      );
      return r.rowCount ?? 0;
    },
    async pollSoon(url, now) {
      await db.query('UPDATE sources SET next_poll_at = $2 WHERE url = $1', [url, now.toISOString()]);
    },
  };
}
