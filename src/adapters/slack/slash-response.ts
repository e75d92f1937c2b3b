// What Slack is sent for one slash command: the payload posted to its response_url. The Bolt
// listener and `newsbrief ask --platform slack` both build it here, so what the CLI prints is
// what Slack gets (ephemeral lookups with their Share in channel button included).
import type { RespondArguments } from '@slack/bolt';
import type { CommandContext } from '../../app/invocation.ts';
import type { App, Logger } from '../../app/ports.ts';
import { answerText } from './answer.ts';
import { renderSlack, SLACK_LIMITS, type SlackMessagePayload } from './render.ts';

export function toRespond(payload: SlackMessagePayload, extra: Partial<RespondArguments> = {}): RespondArguments {
  return {
    text: payload.text,
    blocks: payload.blocks,
    response_type: payload.response_type ?? 'ephemeral',
    ...extra,
  } as RespondArguments;
}

/** The response_url payload for a slash command's text (`/quote who:Putin`). */
export async function slashCommandResponse(app: App, text: string, ctx: CommandContext, log: Logger): Promise<RespondArguments> {
  const { message } = await answerText(app, text, ctx, log);
  const shareValue = message.shareable && text.length <= SLACK_LIMITS.buttonValue ? text : undefined;
  return toRespond(renderSlack(message, shareValue ? { shareValue } : {}));
}
