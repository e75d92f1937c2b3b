// Side by side, same run, same article bodies: our summarizer vs ts-textrank (3 sentences),
// our quote finder vs compromise's quotations(), our segmenter vs wink-nlp's sentences().
// Each side gets a warm-up pass over a few articles, then the best of `rounds` timed passes
// (peers: one pass, they are slow). Speedup = peer time / our time.
import nlp from 'compromise';
import { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } from 'ts-textrank';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article } from '../src/core/article.ts';
import { extractQuotes } from '../src/core/quotes/index.ts';
import { splitSentences } from '../src/core/sentences/index.ts';
import { summarize } from '../src/core/summarize/index.ts';
import { bestOf, round } from './stats.ts';

export interface PeerPair {
  task: string;
  ours: string;
  peer: string;
  articles: number;
  oursMs: number;
  peerMs: number;
  speedup: number;
}

export interface Peers {
  summarizerSpeedup: number;
  quoteFinderSpeedup: number;
  segmenterSpeedup: number;
  pairs: PeerPair[];
}

export async function measurePeers(articles: Article[], rounds: number): Promise<Peers> {
  const textrank = new Summarizer(new AbsoluteSummarizerConfig(3, new SorensenDiceSimilarity(), new DefaultTextParser(), 0.85, Summarizer.SORT_OCCURENCE), new NullLogger());
  const wink = winkNLP(model);
  let sink = 0;
  const sides: Array<[string, string, (a: Article) => number, string, (a: Article) => number]> = [
    ['summarizer', 'summarize', (a) => summarize(a).keyPoints.length, 'ts-textrank', (a) => {
      try {
        return textrank.summarize(a.body, 'en').length;
      } catch {
        return 0; // ts-textrank throws on texts it cannot rank (too few sentences)
      }
    }],
    ['quote finder', 'extractQuotes', (a) => extractQuotes(a).quotes.length, 'compromise quotations()', (a) => nlp(a.body).quotations().length],
    ['segmenter', 'splitSentences', (a) => splitSentences(a.body).length, 'wink-nlp sentences()', (a) => wink.readDoc(a.body).sentences().length()],
  ];
  const pairs: PeerPair[] = [];
  const warm = articles.slice(0, 50);
  for (const [task, ours, ourFn, peer, peerFn] of sides) {
    for (const a of warm) sink += ourFn(a) + peerFn(a);
    const oursMs = await bestOf(rounds, () => { for (const a of articles) sink += ourFn(a); });
    const peerMs = await bestOf(1, () => { for (const a of articles) sink += peerFn(a); });
    pairs.push({ task, ours, peer, articles: articles.length, oursMs: round(oursMs), peerMs: round(peerMs), speedup: round(peerMs / oursMs, 2) });
  }
  if (sink === -1) console.log(sink);
  const speedup = (task: string) => pairs.find((p) => p.task === task)!.speedup;
  return { summarizerSpeedup: speedup('summarizer'), quoteFinderSpeedup: speedup('quote finder'), segmenterSpeedup: speedup('segmenter'), pairs };
}
