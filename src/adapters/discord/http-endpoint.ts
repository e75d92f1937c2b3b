// The optional HTTP interactions endpoint (POST /interactions), for when Discord is set up
// with an Interactions Endpoint URL. Every request is verified (Ed25519) on its raw bytes
// before the body is parsed; the handlers are the gateway's (answerInteraction).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, InteractionType, MessageFlags, Routes, type REST } from 'discord.js';
import type { App, Logger } from '../../app/ports.ts';
import { runCommand } from '../../app/run-command.ts';
import { answerInteraction, type InteractionResponder } from './answer.ts';
import { runMoreButton } from './more-answer.ts';
import { commandContext, flattenOptions, toCommandInput, toDiscordChoices, type RawCommandOption } from './interaction-input.ts';
import { publicKeyFromHex, verifyDiscordSignature } from './verify-signature.ts';

export const INTERACTIONS_PATH = '/interactions';
/** Interaction payloads are small; anything bigger is not from Discord. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpEndpointOptions {
  publicKey: string;
  port: number;
  host?: string;
  app: App;
  /** Sends deferred edits and follow-ups (webhook routes; no bot token needed). */
  rest: REST;
  logger: Logger;
  deferAfterMs?: number;
}

export interface HttpEndpoint {
  server: Server;
  port: number;
  close(): Promise<void>;
}

interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: { permissions?: string; user?: { id: string; bot?: boolean } };
  user?: { id: string; bot?: boolean };
  /** A command's name and options, or a component's custom_id (MESSAGE_COMPONENT). */
  data?: { name?: string; options?: RawCommandOption[]; custom_id?: unknown; component_type?: number };
}

/** The creation time encoded in a snowflake id (ms since the epoch), or undefined. */
function snowflakeTime(id: string): number | undefined {
  return /^\d{1,20}$/.test(id) ? Number((BigInt(id) >> 22n) + 1420070400000n) : undefined;
}

class BodyTooLarge extends Error {}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function httpResponder(res: ServerResponse, rest: REST, i: RawInteraction): InteractionResponder {
  const original = Routes.webhookMessage(i.application_id, i.token, '@original');
  // Webhook calls only make sense once Discord has our initial response.
  const responded = new Promise<void>((resolve) => res.once('close', resolve));
  return {
    reply: async (p) => sendJson(res, 200, { type: InteractionResponseType.ChannelMessageWithSource, data: p }),
    defer: async (ephemeral) =>
      sendJson(res, 200, {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
      }),
    editOriginal: async (p) => {
      const { flags: _ignored, ...body } = p;
      await responded;
      await rest.patch(original, { body, auth: false });
    },
    deleteOriginal: async () => {
      await responded;
      await rest.delete(original, { auth: false });
    },
    followUp: async (p) => {
      await responded;
      await rest.post(Routes.webhook(i.application_id, i.token), { body: p, auth: false });
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: HttpEndpointOptions, key: ReturnType<typeof publicKeyFromHex>): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== INTERACTIONS_PATH) return sendJson(res, 404, { error: 'not found' });
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' });
  let raw: Buffer;
  try {
    raw = await readRaw(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) return sendJson(res, 413, { error: 'body too large' });
    throw err;
  }
  if (!verifyDiscordSignature(key, header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), raw)) {
    opts.logger.warn({ remote: req.socket.remoteAddress }, 'discord interaction with a bad signature refused');
    return sendJson(res, 401, { error: 'invalid request signature' });
  }
  let i: RawInteraction;
  try {
    i = JSON.parse(raw.toString('utf8')) as RawInteraction;
  } catch {
    return sendJson(res, 400, { error: 'body is not JSON' });
  }
  if (i.type === InteractionType.Ping) return sendJson(res, 200, { type: InteractionResponseType.Pong });
  const user = i.member?.user ?? i.user;
  if (!user || !i.data || typeof i.token !== 'string') return sendJson(res, 400, { error: 'not an interaction' });
  if (user.bot) {
    res.writeHead(204).end();
    return;
  }
  const ctx = commandContext({
    channelId: i.channel_id ?? i.channel?.id,
    userId: user.id,
    guildId: i.guild_id,
    permissions: i.member?.permissions,
  });
  if (i.type === InteractionType.MessageComponent) {
    // a More button: the next page, only for whoever pressed it
    const log = opts.logger.child({ interaction: i.id, user: user.id, guild: i.guild_id ?? null, via: 'http' });
    await answerInteraction({
      responder: httpResponder(res, opts.rest, i),
      command: 'more',
      ephemeral: true,
      logger: log,
      deferAfterMs: opts.deferAfterMs,
      createdAt: snowflakeTime(i.id),
      run: () => runMoreButton(opts.app, i.data?.custom_id, ctx, log),
    });
    return;
  }
  const command = String(i.data.name ?? '');
  if (i.type === InteractionType.ApplicationCommandAutocomplete) {
    const focused = flattenOptions(i.data.options).focused;
    let choices: { name: string; value: string }[] = [];
    try {
      if (focused) choices = toDiscordChoices(await opts.app.autocomplete(command, focused.name, focused.value));
    } catch (err) {
      opts.logger.error({ err, command }, 'autocomplete failed');
    }
    return sendJson(res, 200, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }
  if (i.type !== InteractionType.ApplicationCommand) return sendJson(res, 400, { error: `unsupported interaction type ${i.type}` });
  const log = opts.logger.child({ interaction: i.id, command, user: user.id, guild: i.guild_id ?? null, via: 'http' });
  await answerInteraction({
    responder: httpResponder(res, opts.rest, i),
    command,
    logger: log,
    deferAfterMs: opts.deferAfterMs,
    createdAt: snowflakeTime(i.id),
    run: async () => (await runCommand(opts.app, toCommandInput(command, i.data?.options), ctx, { logger: log })).message,
  });
}

export async function startHttpEndpoint(opts: HttpEndpointOptions): Promise<HttpEndpoint> {
  const key = publicKeyFromHex(opts.publicKey);
  const server = createServer((req, res) => {
    handle(req, res, opts, key).catch((err: unknown) => {
      opts.logger.error({ err }, 'discord interactions endpoint failed');
      sendJson(res, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  opts.logger.info({ port, path: INTERACTIONS_PATH }, 'discord interactions endpoint listening');
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
