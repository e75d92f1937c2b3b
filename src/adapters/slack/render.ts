// Message -> Slack payload. PLACEHOLDER: the real renderer comes with issue 5.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { Message } from '../../core/message.ts';

export interface SlackMessagePayload {
  text: string;
  blocks: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
}

export interface SlackRenderOptions {
  /** When the message is shareable: the value of the "Share in channel" button (action_id `newsbrief_share`). */
  shareValue?: string;
}

export function renderSlack(message: Message, _opts: SlackRenderOptions = {}): SlackMessagePayload {
  return { text: message.title ?? '', blocks: [], response_type: message.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel' };
}
