// The gateway half of the fake Discord: a WebSocket speaking the v10 protocol with JSON
// encoding and no compression (HELLO, heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE,
// RESUME -> replay + RESUMED, dispatches with sequence numbers, server-initiated closes).
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { WebSocket, WebSocketServer } from 'ws';
import { botUser, type FakeIdentity } from './fake-rest.ts';

interface Session {
  id: string;
  seq: number;
  /** Every dispatch sent in this session, for replay on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
  /** [shard id, shard count] from IDENTIFY ([0, 1] when the client sent none). */
  shard: [number, number];
}

export interface GatewayStats {
  connections: number;
  identifies: Record<string, unknown>[];
  resumes: Record<string, unknown>[];
  heartbeats: number;
}

export class FakeGateway extends EventEmitter {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly stats: GatewayStats = { connections: 0, identifies: [], resumes: [], heartbeats: 0 };
  /** The query strings clients connected with (v, encoding, compress). */
  readonly connectQueries: Record<string, string>[] = [];
  private session: Session | null = null;
  private readonly sessions = new Map<string, Session>();
  /** The latest session of each shard id (sharded clients open one socket per shard). */
  private readonly shardSessions = new Map<number, Session>();

  constructor(
    private readonly identity: FakeIdentity,
    private readonly url: () => string,
    private readonly heartbeatInterval = 41_250,
  ) {
    super();
    this.wss.on('connection', (socket, req) => this.onConnection(socket, new URL(req.url ?? '/', 'ws://fake')));
  }

  private onConnection(socket: WebSocket, url: URL): void {
    this.stats.connections += 1;
    this.connectQueries.push(Object.fromEntries(url.searchParams));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null }));
    socket.on('message', (raw) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        socket.close(4002, 'Error while decoding payload');
        return;
      }
      this.onPayload(socket, payload);
    });
    socket.on('close', () => {
      if (this.session?.socket === socket) this.session.socket = null;
    });
  }

  private onPayload(socket: WebSocket, payload: { op?: number; d?: unknown }): void {
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case 1:
        this.stats.heartbeats += 1;
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        return;
      case 2: {
        this.stats.identifies.push(d);
        const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
        const session: Session = { id: randomUUID().replace(/-/g, ''), seq: 0, sent: [], socket, shard };
        this.sessions.set(session.id, session);
        this.shardSessions.set(shard[0], session);
        this.session = session;
        this.sendDispatch(session, 'READY', {
          v: 10,
          user: botUser(this.identity),
          guilds: [{ id: this.identity.guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: this.url(),
          shard: session.shard,
          application: { id: this.identity.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
        });
        this.sendDispatch(session, 'GUILD_CREATE', this.guild());
        this.emit('ready', session.id);
        return;
      }
      case 6: {
        this.stats.resumes.push(d);
        const session = this.sessions.get(String(d.session_id));
        if (!session) {
          socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
          return;
        }
        session.socket = socket;
        this.session = session;
        const from = Number(d.seq ?? 0);
        for (const ev of session.sent.filter((e) => e.s > from)) {
          socket.send(JSON.stringify({ op: 0, s: ev.s, t: ev.t, d: ev.d }));
        }
        this.sendDispatch(session, 'RESUMED', {});
        this.emit('resumed', session.id);
        return;
      }
      default:
        return;
    }
  }

  private guild(): Record<string, unknown> {
    const { guildId, channelId } = this.identity;
    return {
      id: guildId,
      name: 'Newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '100000000000000001',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '1024', managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [{ user: botUser(this.identity), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      channels: [{ id: channelId, type: 0, guild_id: guildId, name: 'news', position: 0, permission_overwrites: [], nsfw: false, parent_id: null }],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      vanity_url_code: null,
      description: null,
      banner: null,
      public_updates_channel_id: null,
      application_id: null,
    };
  }

  private sendDispatch(session: Session, t: string, d: unknown): number {
    session.seq += 1;
    const ev = { s: session.seq, t, d };
    session.sent.push(ev);
    session.socket?.send(JSON.stringify({ op: 0, s: ev.s, t, d }));
    return ev.s;
  }

  /** Sends a dispatch in the current session (buffered for RESUME when no socket is open). */
  dispatch(t: string, d: unknown): number {
    if (!this.session) throw new Error('fake gateway: no session (the client has not identified)');
    return this.sendDispatch(this.session, t, d);
  }

  /** Sends a dispatch on the socket of shard `shardId` (sharded clients). */
  dispatchToShard(shardId: number, t: string, d: unknown): number {
    const session = this.shardSessions.get(shardId);
    if (!session) throw new Error(`fake gateway: shard ${shardId} has not identified`);
    return this.sendDispatch(session, t, d);
  }

  /** Closes the client's socket from the server side (4000 = unknown error: the client resumes). */
  closeConnection(code = 4000, reason = 'fake: server closed the connection'): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('fake gateway: no open connection');
    this.session!.socket = null;
    socket.close(code, reason);
  }

  /** Asks the client to reconnect and resume (opcode 7 RECONNECT). */
  requestReconnect(): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('fake gateway: no open connection');
    socket.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  get open(): boolean {
    return this.session?.socket?.readyState === WebSocket.OPEN;
  }

  close(): void {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
  }
}
