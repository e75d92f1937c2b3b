// Storing one article and its briefing: dedupe and edits, speaker resolution and the writes, in
// one transaction, so two ingesters never store the same article twice nor half of one.
//
// Dedupe keys, in order (core/dedupe-keys.ts): the guid (scoped by its feed's URL when it is
// feed-local), the canonical link (tracking parameters and fragment removed), the content hash.
//   - same guid, or same link (when one side has no guid), and the same text -> 'duplicate';
//   - same guid or link, changed headline or text                            -> 'updated': the
//     stored article, its briefing, quotes and full-text entry are replaced (applyArticleEdit),
//     its id and ingestion time kept, so a digest never posts an edit as a new story;
//   - the same text under another guid / link (the story in two feeds)       -> 'duplicate'.
//
// The probes are the fast path; the unique keys decide: when another instance stores the same
// item between our probes and our insert, insertArticle rejects with DuplicateArticleError, the
// transaction (and any speaker it created) rolls back, and the result is that instance's article.
import type { Article, Briefing } from '../core/article.ts';
import { canonicalLink } from '../core/canonical-link.ts';
import { contentHash, guidKey } from '../core/dedupe-keys.ts';
import { DuplicateArticleError, type DedupeField, type IngestResult, type NewArticle, type NewQuote, type StoreSession } from './ports.ts';
import { assignArticleStory, reassignArticleStory, type ArticleForStory } from './stories/assign-article-story.ts';
import { articleSpeakerOf, createSpeakerMemo, forgetSpeakers, resolveSpeaker, type SpeakerMemo } from './speakers/resolve-speaker.ts';

// One memo per store (or transaction session) it was used through.
const memos = new WeakMap<StoreSession, SpeakerMemo>();

function memoOf(store: StoreSession): SpeakerMemo {
  let memo = memos.get(store);
  if (!memo) memos.set(store, (memo = createSpeakerMemo()));
  return memo;
}

export interface StoreArticleOptions {
  /** The URL of the feed the article came from: scopes feed-local guids. */
  feedUrl?: string | null;
  /**
   * The article as the feed gave it, when its text was completed from its page (full text):
   * edits are detected on the feed's own version, so an unchanged teaser is not an edit.
   */
  feedItem?: Article | null;
}

/** The article with its link in canonical form (a non-http link is kept as it is). */
export function withCanonicalLink(article: Article): Article {
  return article.url ? { ...article, url: canonicalLink(article.url) ?? article.url } : article;
}

export interface KnownItem {
  articleId: number;
  matchedBy: DedupeField;
  /** The feed item's text is the one stored: nothing to do (no page to fetch). */
  unchanged: boolean;
  /** When the stored article was first stored: its story keeps that time. */
  ingestedAt: Date;
}

/** The stored article a feed item is (by guid, then link), if any; `unchanged` when its text is the same. */
export async function findStoredItem(tx: StoreSession, item: Article, feedUrl: string | null): Promise<KnownItem | null> {
  const a = withCanonicalLink(item);
  const guid = guidKey(a, feedUrl);
  const hash = contentHash(a);
  const probes: Array<[DedupeField, string | null]> = [['guid', guid], ['url', a.url]];
  for (const [field, key] of probes) {
    const id = key ? await tx.articleIdBy(field, key) : null;
    if (id === null) continue;
    const keys = await tx.storedKeys(id);
    if (!keys) continue;
    // the same link under two guids: the story in two feeds, not an edit of one
    if (field === 'url' && guid && keys.guidKey && keys.guidKey !== guid) return { articleId: id, matchedBy: 'url', unchanged: true, ingestedAt: new Date(keys.ingestedAt) };
    return { articleId: id, matchedBy: field, unchanged: (keys.itemHash ?? keys.contentHash) === hash, ingestedAt: new Date(keys.ingestedAt) };
  }
  return null;
}

async function quotesOf(tx: StoreSession, memo: SpeakerMemo, briefing: Briefing): Promise<NewQuote[]> {
  const ids = new Map<string, number | null>();
  for (const sp of briefing.speakers) ids.set(sp.name, await resolveSpeaker(tx, memo, sp));
  const quotes: NewQuote[] = [];
  for (const q of briefing.quotes) {
    let speakerId: number | null = null;
    if (q.speaker) {
      if (!ids.has(q.speaker)) ids.set(q.speaker, await resolveSpeaker(tx, memo, articleSpeakerOf(briefing.speakers, q.speaker)));
      speakerId = ids.get(q.speaker) ?? null;
    }
    quotes.push({ text: q.text, kind: q.kind, mention: q.mention, start: q.start, end: q.end, speakerId });
  }
  return quotes;
}

/**
 * The one place an edited article is written over its stored version. Whatever must follow an
 * edit (e.g. the article's story) is attached here, inside the same transaction.
 */
export async function applyArticleEdit(tx: StoreSession, articleId: number, edited: NewArticle, at: Date, firstStored: Date): Promise<void> {
  await tx.updateArticle(articleId, edited, at);
  // the edited text may belong to another story now, or change its card; the story keeps the
  // article's first-stored time, so an edit is never a new or updated story in a digest window
  await reassignArticleStory(tx, storyInputOf(articleId, edited.article, edited.briefing, firstStored));
}

/** What story assignment needs of a stored article. */
function storyInputOf(articleId: number, article: Article, briefing: Briefing, ingestedAt: Date): ArticleForStory {
  return {
    articleId, headline: briefing.headline, body: article.body, url: article.url, source: article.source,
    published: article.published, ingestedAt, keyPoints: briefing.keyPoints, topQuote: briefing.topQuote,
  };
}

/** Stores an article and its briefing in one transaction: a new article, an edit of a stored one, or a duplicate. */
export async function storeArticle(store: StoreSession, article: Article, briefing: Briefing, ingestedAt: Date, opts: StoreArticleOptions = {}): Promise<IngestResult> {
  const memo = memoOf(store);
  const feedUrl = opts.feedUrl ?? null;
  try {
    return await store.transaction<IngestResult>(async (tx) => {
      const a = withCanonicalLink(article);
      const hash = contentHash(a);
      const guid = guidKey(a, feedUrl);
      const itemHash = opts.feedItem ? contentHash(withCanonicalLink(opts.feedItem)) : null;
      const known = await findStoredItem(tx, opts.feedItem ?? a, feedUrl);
      if (known) {
        if (known.unchanged) return { status: 'duplicate', articleId: known.articleId, matchedBy: known.matchedBy };
        const hashOwner = await tx.articleIdBy('hash', hash);
        if (hashOwner !== null && hashOwner !== known.articleId) return { status: 'duplicate', articleId: hashOwner, matchedBy: 'hash' };
        const urlOwner = a.url ? await tx.articleIdBy('url', a.url) : null;
        const edited = { ...a, url: urlOwner === null || urlOwner === known.articleId ? a.url : null };
        const quotes = await quotesOf(tx, memo, briefing);
        await applyArticleEdit(tx, known.articleId, { article: edited, briefing, ingestedAt, guidKey: guid, contentHash: hash, itemHash, quotes }, ingestedAt, known.ingestedAt);
        return { status: 'updated', articleId: known.articleId, matchedBy: known.matchedBy };
      }
      const byHash = await tx.articleIdBy('hash', hash);
      if (byHash !== null) return { status: 'duplicate', articleId: byHash, matchedBy: 'hash' };
      const quotes = await quotesOf(tx, memo, briefing);
      const articleId = await tx.insertArticle({ article: a, briefing, ingestedAt, guidKey: guid, contentHash: hash, itemHash, quotes });
      await assignArticleStory(tx, storyInputOf(articleId, a, briefing, ingestedAt));
      return { status: 'stored', articleId };
    });
  } catch (err) {
    forgetSpeakers(memo); // the rolled-back transaction may have created speakers the memo holds
    if (err instanceof DuplicateArticleError) return { status: 'duplicate', articleId: err.articleId, matchedBy: err.matchedBy };
    throw err;
  }
}
