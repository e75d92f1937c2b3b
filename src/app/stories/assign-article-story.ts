// Story assignment at ingestion, online and incremental: a stored article joins the story it
// matches among the candidates the key index gives (LSH band keys of its body, names of its
// headline and lead), within the time window of published dates (first-seen time when it has
// none), or starts a story. The work is bounded by the index (STORIES_PER_KEY stories per key,
// MAX_MEMBERS_COMPARED members per story), whatever the archive's size. Its quotes are linked to
// the same utterance already quoted by another article (same speaker, sameUtterance).
// Called inside storeArticle's transaction for a new article, and by the edit path for an
// updated one (which first takes the article out of its story).
import type { Briefing, KeyPoint } from '../../core/article.ts';
import { assignStory, DEFAULT_POLICY, fingerprint, MAX_MEMBERS_COMPARED, sameUtterance } from '../../core/stories/index.ts';
import { hash32 } from '../../core/stories/minhash.ts';
import type { StoryCard, StoryState, StoreSession } from '../ports.ts';
import { STORIES_PER_KEY } from '../ports.ts';
import { storyKey, textKey } from '../distinct-rows.ts';

const HOUR = 3_600_000;
/** Quotes of a speaker compared with a new quote (the newest utterances). */
export const UTTERANCES_COMPARED = 50;

export interface ArticleForStory {
  articleId: number;
  headline: string;
  body: string;
  url: string | null;
  source: string | null;
  published: string | null;
  ingestedAt: Date;
  keyPoints: KeyPoint[];
  topQuote: Briefing['topQuote'];
}

export interface StoryOutcome {
  storyId: number;
  /** null: it started a story. */
  joined: 'near-duplicate' | 'same-event' | null;
  /** The story's card changed in a way a reader notices (see isMaterialChange). */
  material: boolean;
}

/** The instant the story window is measured on: the published date when it parses, else first seen. */
export function storyTimeOf(published: string | null, ingestedAt: Date): Date {
  const t = published ? Date.parse(published) : NaN;
  return Number.isFinite(t) ? new Date(t) : ingestedAt;
}

/** The index keys of a fingerprint: its LSH bands, and its names ("n:" + name). */
export function storyKeys(fp: { bands: string[]; entities: string[] }): string[] {
  return [...fp.bands, ...fp.entities.map((e) => `n:${e}`)];
}

/**
 * A material change of a story, shown again by digests ("updated"): the new card has another
 * headline, or a key point the old card did not have. A copy that is not more complete than the
 * story's best article does not change the card, so it is never material.
 */
export function isMaterialChange(old: Pick<StoryState, 'headline' | 'keyPoints'>, card: Pick<StoryCard, 'headline' | 'keyPoints'>): boolean {
  if (textKey(old.headline) !== textKey(card.headline)) return true;
  const had = new Set(old.keyPoints.map((k) => textKey(k.text)));
  return card.keyPoints.some((k) => !had.has(textKey(k.text)));
}

/**
 * The card key: the same headline and first key point make the same card, i.e. the same copy
 * (very short items, where body shingles say little). Joined as a near-duplicate within its window.
 */
export function cardKey(headline: string, keyPoints: readonly KeyPoint[]): string {
  const k = storyKey({ headline, keyPoints: keyPoints.map((p) => p.text) });
  return `c:${hash32(k).toString(36)}${hash32(k, 0x9747b28c).toString(36)}`;
}

function cardOf(a: ArticleForStory): StoryCard {
  return {
    bestArticleId: a.articleId, bestSize: a.body.length, headline: a.headline, url: a.url, source: a.source, published: a.published,
    keyPoints: a.keyPoints, topQuote: a.topQuote ?? null,
  };
}

/** Assigns a stored article to a story (and links its quotes); run it inside the ingesting transaction. */
export async function assignArticleStory(tx: StoreSession, a: ArticleForStory): Promise<StoryOutcome> {
  const fp = fingerprint({ headline: a.headline, body: a.body });
  const when = storyTimeOf(a.published, a.ingestedAt);
  const at = when.toISOString();
  const seenAt = a.ingestedAt.toISOString();
  const sortKey = a.published ?? seenAt;
  const span = Math.max(DEFAULT_POLICY.nearDuplicateHours, DEFAULT_POLICY.eventHours) * HOUR;
  const card = cardKey(a.headline, a.keyPoints);
  const keys = [...storyKeys(fp), card];
  const window = { from: new Date(when.getTime() - span).toISOString(), until: new Date(when.getTime() + span).toISOString(), perKey: STORIES_PER_KEY, membersPerStory: MAX_MEMBERS_COMPARED };
  // the key index may hold stale keys (an edited article taken out of its story): the story's card must still be this card
  let sameCard: { storyId: number } | null = null;
  for (const c of await tx.storyCandidates({ ...window, keys: [card], membersPerStory: 1 })) {
    const st = c.members.some((m) => m.articleId !== a.articleId) ? await tx.story(c.storyId) : null;
    if (st && cardKey(st.headline, st.keyPoints) === card) { sameCard = c; break; }
  }
  const candidates = sameCard ? [] : await tx.storyCandidates({ ...window, keys });
  const got = sameCard ? { storyId: sameCard.storyId, reason: 'near-duplicate' as const, jaccard: 1 } : assignStory(
    fp,
    candidates.map((c) => ({
      storyId: c.storyId,
      members: c.members.filter((m) => m.articleId !== a.articleId).map((m) => ({ fingerprint: m.fingerprint, hoursApart: (when.getTime() - Date.parse(m.at)) / HOUR })),
    })),
  );
  let outcome: StoryOutcome;
  if (!got) {
    const storyId = await tx.createStory({ ...cardOf(a), storyAt: at, seenAt, sortKey });
    outcome = { storyId, joined: null, material: true };
  } else {
    const old = await tx.story(got.storyId);
    const card = old && a.body.length > old.bestSize ? cardOf(a) : null;
    const material = Boolean(old && card && isMaterialChange(old, card));
    await tx.joinStory({ storyId: got.storyId, card, seenAt, sortKey, material });
    outcome = { storyId: got.storyId, joined: got.reason, material };
  }
  await tx.addStoryMember({ articleId: a.articleId, storyId: outcome.storyId, at, fingerprint: fp, keys });
  await linkUtterances(tx, a.articleId);
  return outcome;
}

/** Links each attributed quote of the article to the same utterance already stored, if any. */
async function linkUtterances(tx: StoreSession, articleId: number): Promise<void> {
  for (const q of await tx.quotesOfArticle(articleId)) {
    const earlier = await tx.recentUtterances(q.speakerId, articleId, UTTERANCES_COMPARED);
    const same = earlier.find((e) => sameUtterance(e.text, q.text));
    if (same) await tx.linkUtterance(q.quoteId, same.quoteId);
  }
}

/**
 * For the edit path (an updated article, same id): takes it out of its story and assigns it
 * again, so an edit that changes the story moves it, and one that does not keeps it there.
 */
export async function reassignArticleStory(tx: StoreSession, a: ArticleForStory): Promise<StoryOutcome> {
  await tx.detachFromStory(a.articleId);
  return assignArticleStory(tx, a);
}
