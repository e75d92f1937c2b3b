// Live sources and their poll state in SQLite (migration 003).
import type { NewSource, SourcePollUpdate, SourceRow, SourceStore } from '../../app/ports.ts';
import type { Db, Sync } from './sync.ts';

interface SourceRecord {
  url: string; label: string | null; origin: SourceRow['origin']; added_by: string; added_at: string;
  in_config: number; full_text: number; etag: string | null; last_modified: string | null;
  next_poll_at: string; failures: number; failing: number; last_error: string | null; last_reason: string | null;
  last_polled_at: string | null; last_result: string | null; last_new_at: string | null; last_new_headline: string | null;
}

const toRow = (r: SourceRecord): SourceRow => ({
  url: r.url, label: r.label, origin: r.origin, addedBy: r.added_by, addedAt: r.added_at,
  inConfig: r.in_config === 1, fullText: r.full_text === 1,
  validators: { etag: r.etag, lastModified: r.last_modified },
  nextPollAt: r.next_poll_at, failures: r.failures, failing: r.failing === 1,
  lastError: r.last_error, lastReason: r.last_reason, lastPolledAt: r.last_polled_at,
  lastResult: r.last_result, lastNewAt: r.last_new_at, lastNewHeadline: r.last_new_headline,
});

export function createSourceStore(db: Db): Sync<SourceStore> {
  const get = db.prepare<[string], SourceRecord>('SELECT * FROM sources WHERE url = ?');
  const insert = db.prepare(
    `INSERT INTO sources (url, label, origin, added_by, added_at, in_config, full_text, next_poll_at)
     VALUES (@url, @label, @origin, @addedBy, @addedAt, @inConfig, @fullText, @addedAt) ON CONFLICT DO NOTHING`,
  );
  const remove = db.prepare<[string]>('DELETE FROM sources WHERE url = ?');
  const list = db.prepare<[], SourceRecord>('SELECT * FROM sources ORDER BY added_at, url');
  const due = db.prepare<[string, number], SourceRecord>('SELECT * FROM sources WHERE next_poll_at <= ? ORDER BY next_poll_at, url LIMIT ?');
  const record = db.prepare(
    `UPDATE sources SET etag = @etag, last_modified = @lastModified, next_poll_at = @nextPollAt, failures = @failures,
       failing = @failing, last_error = @lastError, last_reason = @lastReason, last_polled_at = @polledAt,
       last_result = @lastResult, last_new_at = COALESCE(@newAt, last_new_at),
       last_new_headline = COALESCE(@newHeadline, last_new_headline)
     WHERE url = @url`,
  );
  const configured = db.prepare<[], { url: string; in_config: number }>('SELECT url, in_config FROM sources');
  const setInConfig = db.prepare<[number, string]>('UPDATE sources SET in_config = ? WHERE url = ?');
  const soon = db.prepare<[string, string]>('UPDATE sources SET next_poll_at = ? WHERE url = ?');

  return {
    addSource(s: NewSource) {
      const added = insert.run({
        url: s.url, label: s.label, origin: s.origin, addedBy: s.addedBy, addedAt: s.addedAt.toISOString(),
        inConfig: s.inConfig ? 1 : 0, fullText: s.fullText === false ? 0 : 1,
      }).changes > 0;
      return { added, source: toRow(get.get(s.url)!) };
    },
    removeSource: (url) => remove.run(url).changes > 0,
    getSource: (url) => { const r = get.get(url); return r ? toRow(r) : null; },
    listSources: () => list.all().map(toRow),
    dueSources: (now, limit) => due.all(now.toISOString(), limit).map(toRow),
    recordPoll(url: string, u: SourcePollUpdate) {
      record.run({
        url, etag: u.validators.etag, lastModified: u.validators.lastModified, nextPollAt: u.nextPollAt.toISOString(),
        failures: u.failures, failing: u.failing ? 1 : 0, lastError: u.lastError, lastReason: u.lastReason,
        polledAt: u.polledAt.toISOString(), lastResult: u.lastResult,
        newAt: u.newStory?.at.toISOString() ?? null, newHeadline: u.newStory?.headline ?? null,
      });
    },
    setConfigured(urls) {
      const want = new Set(urls);
      let changed = 0;
      for (const r of configured.all()) {
        const v = want.has(r.url) ? 1 : 0;
        if (v !== r.in_config) changed += setInConfig.run(v, r.url).changes;
      }
      return changed;
    },
    pollSoon: (url, now) => void soon.run(now.toISOString(), url),
  };
}
