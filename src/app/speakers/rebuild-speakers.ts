// `newsbrief speakers rebuild`: re-registers every speaker of a database built under older registry
// rules (which merged people on a bare surname, a shared role alias, or a title read as a name).
// Each stored article is re-read by the extractor; each stored quote goes to the speaker the
// extractor now gives it (matched by position and text), else to its stored speaker's name, both
// resolved under today's rules. One transaction: a failure leaves the old registry in place.
import type { Article, ArticleFormat, Block, Briefing } from '../../core/article.ts';
import type { StoredArticle, Store, StoreSession } from '../ports.ts';
import { articleSpeakerOf, createSpeakerMemo, resolveSpeaker, type SpeakerMemo } from './resolve-speaker.ts';

export interface RebuildProgress {
  articles: number;
  total: number;
}

export interface RebuildResult {
  articles: number;
  quotes: number;
  /** Quotes attributed to a speaker after the rebuild. */
  attributed: number;
  /** Quotes the extractor no longer finds, attributed by their stored speaker's name. */
  byStoredName: number;
}

/** The paragraphs of a stored body ("\n\n"-separated) as blocks. */
export function paragraphBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const part of body.split('\n\n')) {
    if (part.trim()) blocks.push({ kind: 'paragraph', start, end: start + part.length });
    start += part.length + 2;
  }
  return blocks;
}

function toArticle(a: StoredArticle['article']): Article {
  return { ...a, format: a.format as ArticleFormat, bullets: [], blocks: paragraphBlocks(a.body) };
}

async function rebuildArticle(tx: StoreSession, memo: SpeakerMemo, stored: StoredArticle, extract: (a: Article) => Briefing, result: RebuildResult): Promise<void> {
  const briefing = extract(toArticle(stored.article));
  const ids = new Map<string, number | null>();
  for (const sp of briefing.speakers) ids.set(sp.name, await resolveSpeaker(tx, memo, sp));
  const resolve = async (name: string): Promise<number | null> => {
    if (!ids.has(name)) ids.set(name, await resolveSpeaker(tx, memo, articleSpeakerOf(briefing.speakers, name)));
    return ids.get(name) ?? null;
  };
  const assignments: Array<{ quoteId: number; speakerId: number | null }> = [];
  for (const q of stored.quotes) {
    const now = briefing.quotes.find((x) => x.start === q.start && x.end === q.end && x.text === q.text)
      ?? briefing.quotes.find((x) => x.text === q.text);
    let speakerId: number | null = null;
    if (now) speakerId = now.speaker ? await resolve(now.speaker) : null;
    else if (q.speaker) {
      speakerId = await resolve(q.speaker);
      result.byStoredName++;
    }
    if (speakerId !== null) result.attributed++;
    assignments.push({ quoteId: q.quoteId, speakerId });
  }
  result.quotes += stored.quotes.length;
  await tx.setQuoteSpeakers(assignments);
}

/** Empties the registry and re-registers every stored article's speakers, reporting progress after each batch. */
export async function rebuildSpeakers(
  store: Store,
  extract: (a: Article) => Briefing,
  onProgress: (p: RebuildProgress) => void = () => {},
  batch = 200,
): Promise<RebuildResult> {
  const total = await store.countArticles();
  return store.transaction(async (tx) => {
    const result: RebuildResult = { articles: 0, quotes: 0, attributed: 0, byStoredName: 0 };
    await tx.clearSpeakerRegistry();
    const memo = createSpeakerMemo();
    let after = 0;
    for (;;) {
      const rows = await tx.storedArticles(after, batch);
      if (!rows.length) break;
      for (const stored of rows) await rebuildArticle(tx, memo, stored, extract, result);
      after = rows[rows.length - 1]!.articleId;
      result.articles += rows.length;
      onProgress({ articles: result.articles, total });
    }
    return result;
  });
}
