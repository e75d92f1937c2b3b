// The BBC corpus ingested through the real pipeline (parse -> briefing -> storeArticle, stories
// assigned at ingestion) into a SQLite file outside the repository, for the story and relevance
// evaluations. Articles are ingested in file order, one second apart (the corpus has no dates).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storeArticle } from '../src/app/store-article.ts';
import { buildBriefing } from '../src/core/briefing.ts';
import { parseDocumentResult } from '../src/core/parse/index.ts';
import type { Store } from '../src/app/ports.ts';
import { openStore } from '../src/store/index.ts';

export function corpusFiles(corpus: string): string[] {
  const files: string[] = [];
  for (const section of readdirSync(corpus).sort()) {
    for (const f of readdirSync(join(corpus, section)).sort()) if (f.endsWith('.txt')) files.push(`${section}/${f}`);
  }
  return files;
}

export async function ingestCorpus(corpus: string, dbPath: string): Promise<{ store: Store; articleOf: Map<string, number>; msPerArticle: number }> {
  const store = await openStore(dbPath);
  const articleOf = new Map<string, number>();
  let t = Date.UTC(2026, 0, 1);
  const clock = { now: () => new Date((t += 1000)) };
  const files = corpusFiles(corpus);
  const t0 = performance.now();
  for (const f of files) {
    const [article] = parseDocumentResult({ content: readFileSync(join(corpus, f), 'utf8'), file: f, url: null }).articles;
    if (!article) continue;
    const res = await storeArticle(store, article, buildBriefing(article), clock.now());
    articleOf.set(f, res.articleId);
  }
  return { store, articleOf, msPerArticle: (performance.now() - t0) / files.length };
}
