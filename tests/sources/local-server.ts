// A local HTTP server on 127.0.0.1 (or another loopback address) for the fetcher tests: each test
// registers routes; every request is recorded so a test can see what was (or was not) asked.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  url(path: string): string;
  port: number;
  host: string;
  route(path: string, handler: Handler): void;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startLocalServer(host = '127.0.0.1'): Promise<LocalServer> {
  const routes = new Map<string, Handler>();
  const requests: LocalServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path.split('?')[0] ?? path);
    if (handler) handler(req, res);
    else { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host,
    url: (path) => `http://${host}:${port}${path}`,
    route: (path, handler) => { routes.set(path, handler); },
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

export function rss(items: Array<{ guid: string; title: string; text?: string; link?: string }>, title = 'Harbour News'): string {
  const body = items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.text ? `<description>${i.text}</description>` : ''}</item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title>${body}</channel></rss>`;
}
