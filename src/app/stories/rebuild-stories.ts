// `newsbrief stories rebuild`: recomputes every story of an existing database (after an upgrade
// or a change of the clustering rule), in batches of articles in id (ingestion) order, each
// batch one transaction that also records the progress, so an interrupted rebuild resumes where
// it stopped. Articles not yet reached are in no story until their batch runs.
import type { Clock, Store } from '../ports.ts';
import { assignArticleStory } from './assign-article-story.ts';

export const REBUILD_BATCH = 200;

export interface RebuildOutcome {
  done: number;
  total: number;
  /** It continued an unfinished rebuild. */
  resumed: boolean;
}

export interface RebuildOptions {
  clock: Clock;
  /** Start again even when an unfinished rebuild could be resumed. */
  restart?: boolean;
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function rebuildStories(store: Store, opts: RebuildOptions): Promise<RebuildOutcome> {
  const batch = Math.max(1, opts.batch ?? REBUILD_BATCH);
  let progress = await store.rebuildProgress();
  const resumed = Boolean(progress && !progress.finishedAt && !opts.restart);
  if (!resumed) {
    const total = await store.countArticles();
    await store.transaction((tx) => tx.startRebuild(total, opts.clock.now().toISOString()));
    progress = await store.rebuildProgress();
  }
  let { lastArticleId, done, total } = progress!;
  opts.onProgress?.(done, total);
  for (;;) {
    const finished = await store.transaction(async (tx) => {
      const rows = await tx.articlesForStories(lastArticleId, batch);
      for (const r of rows) {
        await assignArticleStory(tx, { ...r, ingestedAt: new Date(r.ingestedAt) });
        lastArticleId = r.articleId;
        done++;
      }
      const end = rows.length < batch;
      await tx.recordRebuild(lastArticleId, done, end ? opts.clock.now().toISOString() : null);
      return end;
    });
    opts.onProgress?.(done, Math.max(total, done));
    if (finished) return { done, total: Math.max(total, done), resumed };
  }
}
