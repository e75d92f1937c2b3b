// The sources use cases: the configured feeds synced into the store at start, and /sources
// (list, add, remove) from chat and the CLI. A source removed from FEEDS / FEEDS_FILE is kept
// (never dropped silently) and listed as "no longer in the configuration" until an operator
// removes it (`newsbrief sources remove <url>` or /sources remove).
import { checkSourceUrl } from '../core/source-url.ts';
import { BriefingError } from '../core/errors.ts';
import { noticeMessage, type Message } from '../core/message.ts';
import type { FeedListEntry } from '../core/parse/feed-list.ts';
import type { CommandContext, OptionValue } from './invocation.ts';
import { requirePermission } from './permission.ts';
import type { Clock, SourceOrigin, SourceRow, StoreSession } from './ports.ts';

export interface SyncReport {
  added: string[];
  /** Kept in the store though no longer configured. */
  notInConfig: string[];
}

/** Adds each configured feed not yet in the store and marks which ones the configuration lists. */
export async function syncConfiguredSources(store: StoreSession, feeds: readonly FeedListEntry[], now: Date): Promise<SyncReport> {
  return store.transaction(async (tx) => {
    const added: string[] = [];
    for (const f of feeds) {
      const r = await tx.sources.addSource({ url: f.url, label: f.label, origin: 'config', addedBy: 'config', addedAt: now, inConfig: true });
      if (r.added) added.push(f.url);
    }
    await tx.sources.setConfigured(feeds.map((f) => f.url));
    const notInConfig = (await tx.sources.listSources()).filter((s) => s.origin === 'config' && !s.inConfig).map((s) => s.url);
    return { added, notInConfig };
  });
}

/** A URL as a user gave it -> the checked source URL; BriefingError('bad_option') otherwise. */
export function sourceUrlOf(input: string): string {
  const checked = checkSourceUrl(input);
  if (!checked.ok) throw new BriefingError('bad_option', `url: ${checked.reason}.`, { hint: 'e.g. url:https://example.org/feed.xml', context: { url: input.slice(0, 200) } });
  return checked.url;
}

export async function addSource(store: StoreSession, input: { url: string; label: string | null; origin: SourceOrigin; addedBy: string; fullText?: boolean }, now: Date): Promise<{ added: boolean; source: SourceRow }> {
  const url = sourceUrlOf(input.url);
  const label = input.label?.trim() || null;
  return store.sources.addSource({ url, label, origin: input.origin, addedBy: input.addedBy, addedAt: now, ...(input.fullText === false ? { fullText: false } : {}) });
}

/** Removes a source by URL (as given or as checked); false when there is none. Its stored stories stay. */
export async function removeSource(store: StoreSession, url: string): Promise<boolean> {
  if (await store.sources.removeSource(url.trim())) return true;
  const checked = checkSourceUrl(url);
  return checked.ok ? store.sources.removeSource(checked.url) : false;
}

/** A source's state in plain words: "ok", "failing: <reason>", "retrying (2 failures): <reason>", "not polled yet". */
export function sourceState(s: SourceRow): string {
  if (s.failing) return `failing: ${s.lastError ?? 'unknown error'}`;
  if (s.failures > 0) return `retrying (${s.failures} failure${s.failures === 1 ? '' : 's'}): ${s.lastError ?? 'unknown error'}`;
  if (!s.lastPolledAt) return 'not polled yet';
  return 'ok';
}

/** One source as /sources list and `newsbrief sources list` show it. */
export function sourceLines(s: SourceRow): string[] {
  const last = s.lastNewAt ? `last new story ${s.lastNewAt.slice(0, 16).replace('T', ' ')} UTC${s.lastNewHeadline ? `: ${s.lastNewHeadline}` : ''}` : 'no new story yet';
  const lines = [`${s.label ? `${s.label} — ` : ''}${s.url}`, `state: ${sourceState(s)}; ${last}`];
  if (s.lastResult && s.lastPolledAt) lines.push(`last poll ${s.lastPolledAt.slice(0, 16).replace('T', ' ')} UTC: ${s.lastResult}`);
  if (!s.fullText) lines.push('full text: off (teasers are stored as the feed gives them)');
  if (s.origin === 'config' && !s.inConfig) lines.push('no longer in FEEDS / FEEDS_FILE: kept until removed');
  return lines;
}

const str = (v: OptionValue | undefined): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** /sources list | add | remove. */
export async function runSourcesCommand(deps: { store: StoreSession; clock: Clock }, subcommand: string, options: Record<string, OptionValue>, ctx: CommandContext): Promise<Message> {
  const { store, clock } = deps;
  if (subcommand === 'add') {
    requirePermission(ctx, 'manage-server', 'add a feed');
    const r = await addSource(store, { url: str(options.url) ?? '', label: str(options.label), origin: 'chat', addedBy: `${ctx.platform}:${ctx.userId}` }, clock.now());
    return r.added
      ? noticeMessage({ tone: 'success', text: `Following ${r.source.label ? `${r.source.label} (${r.source.url})` : r.source.url}: its new stories appear in /brief and digests after the next poll.` })
      : noticeMessage({ tone: 'info', text: `Already following ${r.source.url}.` });
  }
  if (subcommand === 'remove') {
    requirePermission(ctx, 'manage-server', 'remove a feed');
    const url = str(options.url) ?? '';
    if (!(await removeSource(store, url))) {
      throw new BriefingError('not_found', `No feed ${url.slice(0, 200)} is followed.`, { hint: 'See /sources list for the URLs.', context: { url: url.slice(0, 200) } });
    }
    return noticeMessage({ tone: 'success', text: `Stopped following ${url.trim()}. Its stories already stored stay.` });
  }
  const rows = await store.sources.listSources();
  if (!rows.length) return noticeMessage({ tone: 'info', text: 'No feeds are followed yet.', hint: 'Add one with /sources add url:https://example.org/feed.xml' });
  const failing = rows.filter((r) => r.failing).length;
  return {
    visibility: 'ephemeral',
    title: `Feeds followed (${rows.length})`,
    intro: failing ? `${failing} failing: they are retried less often, never dropped.` : null,
    items: [],
    sections: rows.map((r) => { const [heading, ...lines] = sourceLines(r); return { heading: heading!, lines }; }),
  };
}
