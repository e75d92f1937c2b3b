// Sends signed requests to the real Bolt app, as Slack does: form-encoded bodies, signed with
// `v0=` hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`).
import { createHmac } from 'node:crypto';

export interface SlashCommandFields {
  command: string;
  text: string;
  response_url: string;
  channel_id?: string;
  user_id?: string;
  team_id?: string;
}

export interface SignOptions {
  /** Unix seconds; default now. Use an old one to test replay protection. */
  timestamp?: number;
  /** Sign with this secret instead of the right one. */
  secret?: string;
}

export interface SlackHttpResult {
  status: number;
  body: string;
}

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

async function postSigned(eventsUrl: string, secret: string, rawBody: string, opts: SignOptions): Promise<SlackHttpResult> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(eventsUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(opts.secret ?? secret, timestamp, rawBody),
    },
    body: rawBody,
  });
  return { status: res.status, body: await res.text() };
}

export const TEST_IDS = { channel: 'C0TEST001', user: 'U0TEST001', team: 'T0000001' } as const;

export function sendSlashCommand(eventsUrl: string, secret: string, fields: SlashCommandFields, opts: SignOptions = {}): Promise<SlackHttpResult> {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? TEST_IDS.team,
    team_domain: 'fake',
    channel_id: fields.channel_id ?? TEST_IDS.channel,
    channel_name: 'news',
    user_id: fields.user_id ?? TEST_IDS.user,
    user_name: 'tester',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0TEST001',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: '1.2.3',
  });
  return postSigned(eventsUrl, secret, form.toString(), opts);
}

export interface ButtonClick {
  actionId: string;
  value: string;
  response_url: string;
  channel_id?: string;
  user_id?: string;
  team_id?: string;
}

/** A block_actions interactivity payload for a button in an ephemeral message. */
export function sendButtonClick(eventsUrl: string, secret: string, click: ButtonClick, opts: SignOptions = {}): Promise<SlackHttpResult> {
  const payload = {
    type: 'block_actions',
    team: { id: click.team_id ?? TEST_IDS.team, domain: 'fake' },
    user: { id: click.user_id ?? TEST_IDS.user, username: 'tester', team_id: click.team_id ?? TEST_IDS.team },
    api_app_id: 'A0TEST001',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: click.channel_id ?? TEST_IDS.channel, is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: click.channel_id ?? TEST_IDS.channel, name: 'news' },
    response_url: click.response_url,
    actions: [{ type: 'button', action_id: click.actionId, block_id: 'share', value: click.value, action_ts: '1700000001.000001', text: { type: 'plain_text', text: 'Share in channel' } }],
  };
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return postSigned(eventsUrl, secret, form.toString(), opts);
}
