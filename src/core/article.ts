// The article model shared by every parser, the briefing core and the store.
// Pure types: no I/O.

/** Where an article came from and how it was read. */
export type ArticleFormat = 'text' | 'html' | 'rss' | 'atom' | 'jsonfeed';

/** A structural block of the body; offsets are UTF-16 indices into `Article.body`. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'blockquote' | 'list';
  start: number;
  end: number;
}

export interface Article {
  /** Feed item guid / id, when the source has one. */
  guid: string | null;
  /** Canonical URL (link rel=canonical, og:url, feed item link), when known. */
  url: string | null;
  /** Basename of the file it was read from, when read from a file. */
  file: string | null;
  /** Human name of the source: site name, feed title, or "seeds". */
  source: string | null;
  format: ArticleFormat;
  /** The article's own headline, or null when it has none (a body-only text file). */
  headline: string | null;
  byline: string | null;
  /** ISO-8601 date or date-time, or null when unknown. */
  published: string | null;
  /** Key points written by the editor (bullets at the top), in order; empty when none. */
  bullets: string[];
  /** The body: paragraphs (and headings, block quotes) separated by a blank line ("\n\n"). */
  body: string;
  /** Structure of `body`, in order, covering every paragraph. */
  blocks: Block[];
}

/** A sentence of `Article.body`; `start`/`end` are offsets into the body. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export type QuoteKind = 'direct' | 'partial' | 'block';

export interface Quote {
  /** The quoted words, without quotation marks and surrounding whitespace. */
  text: string;
  /** Offsets into `Article.body` (or into the headline when `inHeadline`). */
  start: number;
  end: number;
  kind: QuoteKind;
  /** Canonical speaker name within the article ("Vladimir Putin"), or null when unknown. */
  speaker: string | null;
  /** The words that named the speaker at the attribution ("he", "the Russian president"). */
  mention: string | null;
  inHeadline?: boolean;
}

export type SpeakerKind = 'person' | 'organisation' | 'place' | 'group' | 'unknown';

/** A speaker as one article knows them. */
export interface ArticleSpeaker {
  /** Canonical name: the longest proper name the article uses ("Vladimir Putin"). */
  name: string;
  /** Other ways the article names them ("Putin", "Mr Putin", "the Russian president"). */
  aliases: string[];
  /** Role or title when the article gives one ("Russian president"). */
  role: string | null;
  kind: SpeakerKind;
}

export interface KeyPoint {
  text: string;
  /** Index of the sentence in `splitSentences(article.body)`, or null for an editor bullet. */
  sentence: number | null;
  /** Offsets into the body of the sentence, or null for an editor bullet. */
  start: number | null;
  end: number | null;
}

export interface Briefing {
  headline: string;
  /** 'article' when the article's own headline is used, 'lead' when made from the lead. */
  headlineFrom: 'article' | 'lead';
  keyPoints: KeyPoint[];
  quotes: Quote[];
  speakers: ArticleSpeaker[];
  /** The quote a story card shows (see top-quote.ts), or null when none is worth showing. */
  topQuote: { text: string; speaker: string | null } | null;
}
