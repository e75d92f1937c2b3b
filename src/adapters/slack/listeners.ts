// Bolt listeners: slash commands and the "Share in channel" button. Transport only:
// ack() at once (Slack's 3-second limit), then compute, render and respond().
import type { App as BoltApp, RespondArguments, RespondFn, types } from '@slack/bolt';
import type { App, Logger } from '../../app/ports.ts';
import { DeliveryError } from '../../app/ports.ts';
import { noticeMessage } from '../../core/message.ts';
import type { Message } from '../../core/message.ts';
import { answerText, isShareable, isWorkspaceAdmin, needsWorkspaceAdmin, slackContext } from './answer.ts';
import { fromSlackText } from './incoming-text.ts';
import type { SlackPoster } from './publisher.ts';
import { isPaged } from '../../app/paging.ts';
import { MORE_ACTION_ID, renderSlack, SHARE_ACTION_ID, SLACK_LIMITS } from './render.ts';
import { slashCommandResponse, toRespond } from './slash-response.ts';

export interface ListenerDeps {
  app: App;
  poster: SlackPoster;
  logger: Logger;
}

async function safeRespond(respond: RespondFn, args: RespondArguments, log: Logger): Promise<void> {
  try {
    await respond(args);
  } catch (e) {
    log.error({ err: e instanceof Error ? e.message : String(e) }, 'slack: posting to response_url failed');
  }
}

/** Plain words for a failed share, by Slack's error code. */
export function shareFailureMessage(err: DeliveryError): Message {
  const inviteHint = 'Invite me first with /invite @newsbrief, then press Share again.';
  const byReason: Record<string, { text: string; hint: string | null }> = {
    not_in_channel: { text: "I can't post in this channel because I'm not a member of it.", hint: inviteHint },
    channel_not_found: { text: "I can't see this channel (private channels and direct messages need an invitation).", hint: inviteHint },
    is_archived: { text: 'This channel is archived, so nothing can be posted in it.', hint: null },
    restricted_action: { text: "This channel's settings don't allow me to post here.", hint: null },
  };
  const known = byReason[err.reason];
  if (known) return noticeMessage({ tone: 'error', text: known.text, hint: known.hint });
  return noticeMessage({
    tone: 'error',
    text: err.permanent ? "Slack refused the post, so I couldn't share this answer." : 'Slack is busy right now; please press Share again in a moment.',
    hint: `Slack said: ${err.reason}`,
  });
}

/** Only a user id Slack minted may go into a mention; anything else is dropped. */
function sharedBy(userId: string): types.KnownBlock | null {
  if (!/^[UW][A-Z0-9]{2,}$/.test(userId)) return null;
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by <@${userId}>` }] };
}

export function registerListeners(bolt: BoltApp, deps: ListenerDeps): void {
  const log = deps.logger.child({ component: 'slack' });

  // One listener for every slash command pointing at us: unknown names get the usage reply.
  bolt.command(/^\/[\w-]+$/, async ({ command, ack, respond, client }) => {
    await ack();
    const text = `${command.command} ${fromSlackText(command.text ?? '')}`.trim();
    const admin = needsWorkspaceAdmin(text) && (await isWorkspaceAdmin((a) => client.users.info(a), command.user_id, log));
    const ctx = slackContext({ channelId: command.channel_id, userId: command.user_id, teamId: command.team_id ?? null }, admin);
    await safeRespond(respond, await slashCommandResponse(deps.app, text, ctx, log), log);
  });

  // More: the next page of a paged answer, re-run as the presser's own command, shown only to
  // them (a new ephemeral message; the answer the button sits under stays as it is).
  bolt.action(MORE_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const ephemeral = { response_type: 'ephemeral', replace_original: false } as const;
    const text = typeof action.value === 'string' ? action.value : '';
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!text.startsWith('/') || text.length > SLACK_LIMITS.buttonValue || !channelId) {
      log.warn({ length: text.length, channel: Boolean(channelId) }, 'slack: a More button that is not ours');
      const notice = noticeMessage({ tone: 'error', text: "This button isn't one I know, so I can't answer it.", hint: 'Run the command again, e.g. /brief page:2.' });
      await safeRespond(respond, toRespond(renderSlack(notice), ephemeral), log);
      return;
    }
    const ctx = slackContext({ channelId, userId: body.user.id, teamId: body.team?.id ?? null });
    const { message } = await answerText(deps.app, text, ctx, log, { only: isPaged });
    const page = { ...message, visibility: 'ephemeral' as const };
    const payload = renderSlack(page, page.shareable ? { shareValue: text } : {});
    await safeRespond(respond, toRespond(payload, ephemeral), log);
  });

  bolt.action(SHARE_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const userId = body.user.id;
    const channelId = body.channel?.id;
    const text = action.value ?? '';
    if (!channelId) {
      await safeRespond(respond, toRespond(renderSlack(noticeMessage({ tone: 'error', text: "I can't tell which channel to share this in." })), { replace_original: false }), log);
      return;
    }
    const ctx = slackContext({ channelId, userId, teamId: body.team?.id ?? null });
    // The button only ever re-runs a lookup, with the clicker's own context.
    const { message } = await answerText(deps.app, text, ctx, log, { only: isShareable });
    if (!message.shareable) {
      await safeRespond(respond, toRespond(renderSlack({ ...message, visibility: 'ephemeral' }), { replace_original: false }), log);
      return;
    }
    const payload = renderSlack({ ...message, visibility: 'public', shareable: false });
    const credit = sharedBy(userId);
    if (credit && payload.blocks.length < SLACK_LIMITS.blocks) payload.blocks = [...payload.blocks, credit];
    try {
      await deps.poster.postPayload(channelId, payload, { workspaceId: body.team?.id ?? null });
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError('unexpected', { permanent: false, cause: e });
      log.warn({ channelId, reason: err.reason }, 'slack: sharing an answer failed');
      await safeRespond(respond, toRespond(renderSlack(shareFailureMessage(err)), { replace_original: false }), log);
      return;
    }
    // The ephemeral copy has done its job.
    await safeRespond(respond, { delete_original: true }, log);
  });
}
