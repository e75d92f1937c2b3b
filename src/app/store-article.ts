// Storing one article and its briefing: dedupe (guid, then URL, then content hash), speaker
// resolution and the writes, in one transaction, so two ingesters never store the same article
// twice nor half of one. The probes are the fast path; the unique keys decide: when another
// instance stores the same item between our probes and our insert, insertArticle rejects with
// DuplicateArticleError, the transaction (and any speaker it created) rolls back, and the result
// is that instance's article.
import type { Article, Briefing } from '../core/article.ts';
import { contentHash, guidKey } from '../core/dedupe-keys.ts';
import { DuplicateArticleError, type DedupeField, type IngestResult, type NewQuote, type StoreSession } from './ports.ts';
import { assignArticleStory } from './stories/assign-article-story.ts';
import { createSpeakerMemo, forgetSpeakers, resolveSpeaker, type SpeakerMemo } from './speakers/resolve-speaker.ts';

// One memo per store (or transaction session) it was used through.
const memos = new WeakMap<StoreSession, SpeakerMemo>();

function memoOf(store: StoreSession): SpeakerMemo {
  let memo = memos.get(store);
  if (!memo) memos.set(store, (memo = createSpeakerMemo()));
  return memo;
}

/** Stores an article and its briefing in one transaction, unless it is a duplicate of a stored one. */
export async function storeArticle(store: StoreSession, article: Article, briefing: Briefing, ingestedAt: Date): Promise<IngestResult> {
  const memo = memoOf(store);
  try {
    return await store.transaction<IngestResult>(async (tx) => {
      const hash = contentHash(article);
      const guid = guidKey(article);
      const probes: Array<[DedupeField, string | null]> = [['guid', guid], ['url', article.url], ['hash', hash]];
      for (const [field, key] of probes) {
        const id = key ? await tx.articleIdBy(field, key) : null;
        if (id !== null) return { status: 'duplicate', articleId: id, matchedBy: field };
      }
      const ids = new Map<string, number | null>();
      for (const sp of briefing.speakers) ids.set(sp.name, await resolveSpeaker(tx, memo, sp));
      const quotes: NewQuote[] = [];
      for (const q of briefing.quotes) {
        let speakerId: number | null = null;
        if (q.speaker) {
          if (!ids.has(q.speaker)) ids.set(q.speaker, await resolveSpeaker(tx, memo, { name: q.speaker, aliases: [], role: null, kind: 'unknown' }));
          speakerId = ids.get(q.speaker) ?? null;
        }
        quotes.push({ text: q.text, kind: q.kind, mention: q.mention, start: q.start, end: q.end, speakerId });
      }
      const articleId = await tx.insertArticle({ article, briefing, ingestedAt, guidKey: guid, contentHash: hash, quotes });
      await assignArticleStory(tx, { articleId, headline: briefing.headline, body: article.body, url: article.url, source: article.source, published: article.published, ingestedAt, keyPoints: briefing.keyPoints, topQuote: briefing.topQuote });
      return { status: 'stored', articleId };
    });
  } catch (err) {
    forgetSpeakers(memo); // the rolled-back transaction may have created speakers the memo holds
    if (err instanceof DuplicateArticleError) return { status: 'duplicate', articleId: err.articleId, matchedBy: err.matchedBy };
    throw err;
  }
}
