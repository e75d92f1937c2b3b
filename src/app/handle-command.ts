// The use cases behind the slash commands: /brief, /quote, /help, and /digest (delegated).
// One handler per command of commands/: a missing one fails to compile.
import { findCommand } from '../../commands/index.ts';
import type { CommandName } from '../../commands/index.ts';
import { BriefingError } from '../core/errors.ts';
import { storyItemOf } from '../core/digest.ts';
import { noticeMessage } from '../core/message.ts';
import type { Message, QuoteItem } from '../core/message.ts';
import { formatCommandText } from './command-text.ts';
import { textKey } from './distinct-rows.ts';
import { errorToMessage } from './error-reply.ts';
import { helpMessage, usage } from './help.ts';
import type { CommandContext, Invocation } from './invocation.ts';
import { MAX_PAGED_ROWS, pageAt, pageRows, type PageResult } from './paging.ts';
import { permissionFor, requirePermission } from './permission.ts';
import type { App, Choice, Clock, DigestCommands, Logger, QuoteRow, Store } from './ports.ts';
import { closestSpeakers, findSpeakers, suggestSpeakers } from './speakers/find-speakers.ts';

export interface AppDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The digest use case; absent in tools that do not schedule (then /digest explains). */
  digests?: DigestCommands | null;
}

/** One command's use case. */
export type CommandHandler = (inv: Invocation, ctx: CommandContext) => Message | Promise<Message>;

/** Every command's handler: a command added to commands/ without one fails to compile. */
export type CommandHandlers = Record<CommandName, CommandHandler>;

const DEFAULT_COUNT = 5;
const MAX_AUTOCOMPLETE = 25;

function dateOf(published: string | null, ingestedAt: string): string {
  return (published ?? ingestedAt).slice(0, 10);
}

function quoteItem(r: QuoteRow): QuoteItem {
  return {
    type: 'quote',
    text: r.text,
    speaker: r.speaker,
    kind: r.kind,
    articleId: r.articleId,
    headline: r.headline,
    url: r.url,
    source: r.source,
    date: dateOf(r.published, r.ingestedAt),
    alsoReportedBy: r.alsoReportedBy,
  };
}

function pageOf(v: unknown): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : 1;
}

/** The "…and N more", "page 1 of 9" and next-page action of a page that has rows. */
function pagingOf(inv: Invocation, found: PageResult<unknown>): Pick<Message, 'more' | 'paging'> {
  const page = pageOf(inv.options.page);
  const shown = (page - 1) * count(inv.options.count) + found.rows.length;
  const more = Math.max(0, found.total - shown);
  const next = more > 0 ? { command: inv.command, options: { ...inv.options, page: page + 1 } } : null;
  return { more, paging: { page, pages: Math.max(page, found.pages), exact: found.exact, next } };
}

/** A page past the end says so, with the way back to the last page. */
function pastTheEnd(inv: Invocation, found: PageResult<unknown>, what: string, noun: string): Message {
  if (found.tooDeep) {
    throw new BriefingError('bad_option', `page: ${pageOf(inv.options.page)} is further than I can page (the first ${MAX_PAGED_ROWS} ${noun}).`, {
      hint: 'Narrow it down with more words, or ask for an earlier page.',
      context: { page: inv.options.page },
    });
  }
  const last = { ...inv.options, page: found.pages };
  return noticeMessage({
    tone: 'info',
    text: `${what}: page ${pageOf(inv.options.page)} of ${found.pages}${found.exact ? '' : '+'}.`,
    hint: `The last page is ${formatCommandText(inv.command, inv.subcommand, last) ?? `page:${found.pages}`}.`,
  });
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : DEFAULT_COUNT;
}

export function createApp(deps: AppDeps): App {
  const { store, logger } = deps;

  async function brief(inv: Invocation): Promise<Message> {
    const topic = str(inv.options.topic);
    const n = count(inv.options.count);
    const page = pageOf(inv.options.page);
    // one item per story (its most complete article, with the other outlets); with a topic by
    // relevance combined with recency
    const now = deps.clock.now().toISOString();
    const found = await pageAt(
      (offset, limit) => store.latestStories({ topic, limit, offset, now }),
      () => store.countStories({ topic }),
      { page, count: n },
    );
    if (!found.total) {
      return {
        visibility: 'ephemeral',
        items: [],
        notice: topic
          ? { tone: 'info', text: `No stories about "${topic}" yet.`, hint: 'Try fewer or other words, or /brief for everything.' }
          : { tone: 'info', text: 'No stories yet.', hint: 'Add articles with `newsbrief ingest <file|folder|url>`.' },
      };
    }
    if (!found.rows.length) return pastTheEnd(inv, found, topic ? `No more stories about "${topic}"` : 'No more stories', 'stories');
    return {
      visibility: 'public',
      shareable: true,
      title: topic ? `Briefing: ${topic}` : 'Latest briefing',
      items: found.rows.map((r) => storyItemOf(r)),
      ...pagingOf(inv, found),
    };
  }

  async function quote(inv: Invocation): Promise<Message> {
    const who = str(inv.options.who);
    if (!who) throw new BriefingError('bad_option', 'Tell me whose quotes to find.', { hint: `Usage: ${usage('quote')}` });
    const about = str(inv.options.about);
    const n = count(inv.options.count);
    const page = pageOf(inv.options.page);
    const found = await findSpeakers(store, who, 5);
    if (!found.length) {
      const near = (await closestSpeakers(store, who, 3)).map((s) => s.name);
      throw new BriefingError('unknown_speaker', `I have no quotes from "${who}".`, {
        hint: near.length ? `Closest known speakers: ${near.join(', ')}` : 'No quotes have been collected yet.',
        context: { who },
      });
    }
    // a name several speakers share ("Brown"): the most quoted, and the others named for a retry
    const speakers = found.slice(0, 1);
    const others = found.slice(1).map((s) => s.name);
    const intro = others.length ? `Also matching "${who}": ${others.join(', ')} (ask e.g. /quote who:"${others[0]}")` : null;
    const speakerIds = speakers.map((s) => s.speakerId);
    // the same words of the same speaker (an article stored twice) are shown once; the registry
    // counts every quote of a speaker, so without about: the total is known
    const knownTotal = about ? null : speakers.reduce((t, s) => t + s.quoteCount, 0);
    const quotes = await pageRows((limit) => store.quotesBySpeakers({ speakerIds, about, limit }), (r) => `${r.speakerId}\u0000${textKey(r.text)}`, { page, count: n, knownTotal });
    const names = speakers.map((s) => s.name).join(', ');
    if (!quotes.total) {
      return {
        visibility: 'ephemeral',
        items: [],
        notice: { tone: 'info', text: `No quotes from ${names} about "${about ?? ''}".`, hint: `Try /quote who:"${speakers[0]!.name}" without about:${others.length ? ` (also matching: ${others.join(', ')})` : ''}` },
      };
    }
    if (!quotes.rows.length) return pastTheEnd(inv, quotes, `No more quotes from ${names}${about ? ` on "${about}"` : ''}`, 'quotes');
    return {
      visibility: 'public',
      shareable: true,
      title: about ? `${names} on "${about}"` : `What ${names} said`,
      intro,
      items: quotes.rows.map(quoteItem),
      ...pagingOf(inv, quotes),
    };
  }

  const handlers: CommandHandlers = {
    brief: (inv) => brief(inv),
    quote: (inv) => quote(inv),
    help: (inv) => helpMessage(str(inv.options.command) ?? undefined),
    digest: (inv, ctx) => {
      if (!deps.digests) {
        return { visibility: 'ephemeral', items: [], notice: { tone: 'warning', text: 'Scheduled digests are not available here.' } };
      }
      // the digest use case checks its subcommands' permissions itself
      return deps.digests.run(inv.subcommand ?? 'status', inv.options, ctx);
    },
  };

  async function run(inv: Invocation, ctx: CommandContext): Promise<Message> {
    const def = findCommand(inv.command);
    // a command's own permission (a subcommand's is checked by the use case that owns it)
    if (def && !def.subcommands?.length) requirePermission(ctx, permissionFor(def, null), `use /${def.name}`);
    return handlers[inv.command](inv, ctx);
  }

  return {
    async handle(inv, ctx) {
      const log = logger.child({ command: inv.command, sub: inv.subcommand, platform: ctx.platform, channel: ctx.channelId });
      try {
        return await run(inv, ctx);
      } catch (err) {
        if (err instanceof BriefingError) log.info({ code: err.code, context: err.context }, err.message);
        return errorToMessage(err, log);
      }
    },
    async autocomplete(command, option, value) {
      if (command !== 'quote' || option !== 'who') return [];
      try {
        return (await suggestSpeakers(store, value.slice(0, 100), MAX_AUTOCOMPLETE)).map((s): Choice => {
          const label = s.quoteCount ? `${s.name} (${s.quoteCount} quote${s.quoteCount === 1 ? '' : 's'})` : s.name;
          return { name: label.slice(0, 100), value: s.name.slice(0, 100) };
        });
      } catch (err) {
        logger.error({ err, command, option }, 'autocomplete failed');
        return [];
      }
    },
  };
}
