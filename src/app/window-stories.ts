// The stories of a digest window: the newest ones (at most `limit`, one per story) and the true
// number of stories that arrived, however many were fetched.
import type { DigestStory } from '../core/digest.ts';
import { distinctStories } from './distinct-rows.ts';
import type { Store, StoryQuery } from './ports.ts';

export async function windowStories(
  store: Pick<Store, 'latestStories' | 'countStories'>,
  q: Omit<StoryQuery, 'limit'>,
  limit: number,
): Promise<{ stories: DigestStory[]; total: number }> {
  const rows = await store.latestStories({ ...q, limit });
  const stories = distinctStories(rows);
  if (rows.length < limit) return { stories, total: stories.length };
  // capped: count them all, less the repeats already seen among the fetched ones
  const total = (await store.countStories(q)) - (rows.length - stories.length);
  return { stories, total: Math.max(total, stories.length) };
}
