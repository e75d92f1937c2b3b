// Slack installs on the fake Web API: oauth.v2.access trades a code for a workspace's bot
// token (checking the client id and secret), and auth.test answers for whichever token asks.
import type { FakeSlackApi } from './web-api.ts';

export interface FakeWorkspace {
  code: string;
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

export const CLIENT = { id: '1111.2222', secret: 'fake-client-secret', state: 'fake-state-secret-0123456789' } as const;

export function fakeWorkspace(n: number): FakeWorkspace {
  return { code: `code-${n}`, teamId: `TW${n}000000`, teamName: `Workspace ${n}`, botToken: `xoxb-ws${n}-fake`, botUserId: `UBOTW${n}`, botId: `BBOTW${n}` };
}

export function serveInstalls(api: FakeSlackApi, workspaces: FakeWorkspace[]): void {
  api.answer('oauth.v2.access', (params) => {
    if (params['client_id'] !== CLIENT.id || params['client_secret'] !== CLIENT.secret) return { ok: false, error: 'invalid_client_id' };
    const ws = workspaces.find((w) => w.code === params['code']);
    if (!ws) return { ok: false, error: 'invalid_code' };
    return {
      ok: true,
      app_id: 'A0TEST001',
      authed_user: { id: 'U0INSTALLER' },
      scope: 'commands,chat:write,chat:write.public',
      token_type: 'bot',
      access_token: ws.botToken,
      bot_user_id: ws.botUserId,
      team: { id: ws.teamId, name: ws.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  });
  api.answer('auth.test', (_params, token) => {
    const ws = workspaces.find((w) => w.botToken === token);
    if (!ws) return null;
    return { ok: true, url: 'https://fake.slack.test/', team: ws.teamName, user: 'newsbrief', team_id: ws.teamId, user_id: ws.botUserId, bot_id: ws.botId };
  });
}
