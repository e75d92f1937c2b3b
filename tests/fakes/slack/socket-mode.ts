// A fake Socket Mode endpoint on 127.0.0.1: the fake Web API's apps.connections.open points
// here; it greets with `hello`, sends envelopes (slash commands, interactivity) and records acks.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { Waiters } from './http-util.ts';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  url: string;
  acks: SocketAck[];
  /** Resolves once a client connected and was greeted. */
  connected(): Promise<void>;
  /** Sends an envelope to the connected client; resolves with its envelope id. */
  send(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): string;
  waitForAck(envelopeId: string): Promise<SocketAck>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  const acks: SocketAck[] = [];
  const ackWaiters = new Waiters(acks);
  let socket: WebSocket | null = null;
  let onConnect: () => void = () => {};
  const connected = new Promise<void>((resolve) => (onConnect = resolve));

  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as SocketAck;
      acks.push(msg);
      ackWaiters.notify();
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0TEST001' } }));
    onConnect();
  });

  return {
    url: `ws://127.0.0.1:${port}/link`,
    acks,
    connected: () => connected,
    send(type, payload) {
      if (!socket) throw new Error('no Socket Mode client connected');
      const envelope_id = randomUUID();
      socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type === 'slash_commands' }));
      return envelope_id;
    },
    waitForAck: (id) => ackWaiters.until((all) => all.some((a) => a.envelope_id === id)).then((all) => all.find((a) => a.envelope_id === id)!),
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
