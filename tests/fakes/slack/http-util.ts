// Small helpers shared by the loopback fakes.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts a server on 127.0.0.1, port 0; resolves with its base URL. */
export async function listenLoopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Resolves once `predicate` holds over a growing list; re-checked on each push. */
export class Waiters<T> {
  private readonly pending: { predicate: (items: T[]) => boolean; resolve: () => void }[] = [];
  constructor(private readonly items: T[]) {}

  notify(): void {
    for (const w of [...this.pending]) {
      if (w.predicate(this.items)) {
        this.pending.splice(this.pending.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  until(predicate: (items: T[]) => boolean): Promise<T[]> {
    if (predicate(this.items)) return Promise.resolve(this.items);
    return new Promise((resolve) => this.pending.push({ predicate, resolve: () => resolve(this.items) }));
  }
}
