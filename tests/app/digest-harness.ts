// Shared test harness for the digest tests: temp-file SQLite stores, a settable clock, real
// articles ingested at chosen instants, and fake publishers implementing the Publisher port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Briefing } from '../../src/core/article.ts';
import type { Message } from '../../src/core/message.ts';
import { DeliveryError } from '../../src/app/ports.ts';
import type { Clock, Logger, Platform, Publisher, Store } from '../../src/app/ports.ts';
import { createDigests } from '../../src/app/digests.ts';
import type { Digests, DigestsOptions } from '../../src/app/digests.ts';
import { afterEach } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { storeArticle } from '../../src/app/store-article.ts';
import { pickTopQuote } from '../../src/core/top-quote.ts';

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'nb-digest-')), 'newsbrief.db');
}

export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(iso: string): TestClock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s) => { t = new Date(s).getTime(); },
    advance: (ms) => { t += ms; },
  };
}

export interface LogEntry {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

export function testLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const at = (level: string) => (obj: Record<string, unknown> | string, msg?: string) => {
    if (typeof obj === 'string') entries.push({ level, obj: { ...bindings }, msg: obj });
    else entries.push({ level, obj: { ...bindings, ...obj }, msg: msg ?? '' });
  };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => testLogger(entries, { ...bindings, ...b }),
  };
}

/** Ingests a real article (with a key point and optionally a quote) at `ingestedAt`. */
export async function ingest(store: Store, headline: string, ingestedAt: string, opts: { body?: string; quote?: string; keyPoint?: boolean } = {}): Promise<number> {
  // distinct stories have distinct bodies (a shared template would make them near-duplicates)
  const body = opts.body ?? `${headline}. ${headline} was reported today.`;
  const article: Article = {
    guid: `guid:${headline}`,
    url: `https://news.test/${encodeURIComponent(headline)}`,
    file: null,
    source: 'Test Wire',
    format: 'text',
    headline,
    byline: null,
    published: null,
    bullets: [],
    body,
    blocks: [{ kind: 'paragraph', start: 0, end: body.length }],
  };
  const briefing: Briefing = {
    headline,
    headlineFrom: 'article',
    keyPoints: opts.keyPoint === false ? [] : [{ text: `Key point of ${headline}.`, sentence: 0, start: 0, end: 10 }],
    quotes: opts.quote
      ? [{ text: opts.quote, start: 0, end: opts.quote.length, kind: 'direct', speaker: 'Ann Lee', mention: 'Ann Lee' }]
      : [],
    speakers: opts.quote ? [{ name: 'Ann Lee', aliases: [], role: null, kind: 'person' }] : [],
    topQuote: null,
  };
  briefing.topQuote = pickTopQuote(briefing.quotes);
  return (await storeArticle(store, article, briefing, new Date(ingestedAt))).articleId;
}

export interface Post {
  channelId: string;
  message: Message;
  messageId: string;
}

/** What the fake platform does with the n-th publish call (1-based) to a channel. */
export type Behaviour = (channelId: string, call: number) => 'ok' | 'hang' | DeliveryError | Error;

export interface FakePublisher extends Publisher {
  posts: Post[];
  calls: string[];
  postsTo(channelId: string): Post[];
}

export function fakePublisher(platform: Platform, behaviour: Behaviour = () => 'ok', label: string = platform): FakePublisher {
  const posts: Post[] = [];
  const calls: string[] = [];
  const perChannel = new Map<string, number>();
  let seq = 0;
  return {
    platform,
    posts,
    calls,
    postsTo: (channelId) => posts.filter((p) => p.channelId === channelId),
    async publish(channelId, message) {
      calls.push(channelId);
      const n = (perChannel.get(channelId) ?? 0) + 1;
      perChannel.set(channelId, n);
      await Promise.resolve();
      const what = behaviour(channelId, n);
      if (what === 'hang') return new Promise<never>(() => undefined); // the process "dies" here
      if (what instanceof Error) throw what;
      const messageId = `${label}-msg-${++seq}`;
      posts.push({ channelId, message, messageId });
      return { messageId };
    },
  };
}

export const transient = (reason = 'HTTP 503', retryAfterMs: number | null = null) => new DeliveryError(reason, { permanent: false, retryAfterMs });
export const permanent = (reason = 'Missing Access') => new DeliveryError(reason, { permanent: true });

/** A digest service with no cron (the test drives runDue) and instant backoff sleeps recorded. */
export function testDigests(store: Store, clock: Clock, over: Partial<DigestsOptions> = {}): Digests & { sleeps: number[] } {
  const sleeps: number[] = [];
  const digests = createDigests({
    store,
    clock,
    logger: testLogger(),
    defaults: { time: '08:00', timezone: 'UTC' },
    scheduler: null,
    sleep: async (ms) => { sleeps.push(ms); },
    ...over,
  });
  return Object.assign(digests, { sleeps });
}

export function manager(platform: Platform, channelId: string, canManageChannel = true) {
  return { platform, channelId, userId: 'U1', workspaceId: 'W1', canManageChannel };
}

export function open(path: string): Promise<Store> {
  return openStore(path);
}

/** A store opener for one test file: every store it opens is closed after each test. */
export function useStores(): (path?: string) => Promise<Store> {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });
  return async (path = tempDbPath()) => {
    const s = await open(path);
    stores.push(s);
    return s;
  };
}

/** The story headlines of a posted digest, in order. */
export const headlines = (p: { message: { items: Array<{ type: string; headline?: string }> } }) =>
  p.message.items.map((i) => (i.type === 'story' ? i.headline : '?'));
