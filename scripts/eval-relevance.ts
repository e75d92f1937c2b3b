// Relevance of /brief topic:, measured by reading: for each topic, the top 5 stories before
// (main's order: every match, newest first) and after (BM25 with headline and lead weighted up,
// combined with recency), with each story's headline and the start of its lead, to be judged by hand.
//   npm run eval:relevance [-- --corpus ../shared/corpus/bbc] [--topics "iraq,oil,..."]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ftsQuery } from '../src/store/sqlite/fts-query.ts';
import { ingestCorpus } from './bbc-store.ts';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const corpus = resolve(arg('corpus') ?? '../shared/corpus/bbc');
const topics = (arg('topics') ?? 'iraq,oil,election,broadband,tsunami,ID cards,interest rates,Six Nations,Oscar,Yukos').split(',');

const dbPath = join(mkdtempSync(join(tmpdir(), 'nb-eval-relevance-')), 'bbc.db');
const { store } = await ingestCorpus(corpus, dbPath);
const db = new Database(dbPath, { readonly: true });
const lead = db.prepare<[number], { body: string; file: string | null }>('SELECT body, file FROM articles WHERE id = ?');
const show = (id: number, headline: string) => {
  const r = lead.get(id)!;
  return `    ${r.file}  ${headline}  |  ${r.body.split('\n\n')[0]!.slice(0, 140).replace(/\s+/g, ' ')}`;
};
for (const topic of topics) {
  const match = ftsQuery(topic)!;
  // main: every article matching every word, newest first
  const before = db
    .prepare<[string], { id: number; headline: string }>(
      'SELECT a.id, a.headline FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY a.sort_key DESC, a.id DESC LIMIT 5',
    )
    .all(match);
  const after = await store.latestStories({ topic, limit: 5, now: new Date(Date.UTC(2026, 0, 2)).toISOString() });
  console.log(`\n${topic}  (${await store.countStories({ topic })} stories)`);
  console.log('  before:');
  for (const r of before) console.log(show(r.id, r.headline));
  console.log('  after:');
  for (const r of after) console.log(show(r.articleId, r.headline));
}
db.close();
await store.close();
