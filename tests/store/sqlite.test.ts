// What only the SQLite backend promises (WAL, migrations, indexed plans); everything a backend
// must do is the contract suite (contract/, run by sqlite.contract.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { storeArticle } from '../../src/app/store-article.ts';
import { openStore } from '../../src/store/index.ts';
import { article, at, briefing } from './contract/fixtures.ts';

const opened: Store[] = [];
async function tempStore(): Promise<{ store: Store; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'nb-store-')), 'test.db');
  const store = await openStore(path);
  opened.push(store);
  return { store, path };
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('SQLite store', () => {
  it('GIVEN the database file THEN it is in WAL mode, migrations run once, and a second connection sees the data', async () => {
    const { store, path } = await tempStore();
    await storeArticle(store, article({ body: 'shared' }), briefing('Shared'), at('2024-01-01T00:00:00Z'));
    const again = await openStore(path);
    opened.push(again);
    expect(await again.countArticles()).toBe(1);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all().length).toBeGreaterThan(0);
    raw.close();
  });

  it('GIVEN the queries of every command THEN none scans the articles or quotes tables', async () => {
    const { path } = await tempStore();
    const db = new Database(path, { readonly: true });
    const plans = [
      `SELECT a.id FROM articles a ORDER BY a.sort_key DESC, a.id DESC LIMIT 5`,
      `SELECT a.id FROM articles a WHERE a.ingested_at > '2024' AND a.ingested_at <= '2025' ORDER BY a.sort_key DESC LIMIT 5`,
      `SELECT a.id FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"x"') ORDER BY a.sort_key DESC, a.id DESC LIMIT 5`,
      `SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id WHERE q.speaker_id IN (1, 2) ORDER BY q.sort_key DESC LIMIT 5`,
      `SELECT s.id FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id WHERE k.key >= 'pu' AND k.key < 'pu\uffff'`,
      `SELECT id FROM articles WHERE guid = 'x'`,
      `SELECT id FROM articles WHERE content_hash = 'x'`,
    ];
    for (const sql of plans) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join(' | ');
      expect(plan, sql).not.toMatch(/SCAN (a|q|articles|quotes|speakers|s)\b(?! USING)/);
    }
    db.close();
  });
});
