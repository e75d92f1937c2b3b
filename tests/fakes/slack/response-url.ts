// A response_url receiver on 127.0.0.1: records what Bolt's respond() POSTs to it.
import { closeServer, listenLoopback, readBody, Waiters } from './http-util.ts';

export interface ResponsePost {
  /** The path the post went to, e.g. /respond/1 (one path per simulated slash command). */
  path: string;
  body: Record<string, unknown>;
}

export interface ResponseUrlReceiver {
  /** A fresh response_url for one slash command or button click. */
  newUrl(): string;
  posts: ResponsePost[];
  postsTo(url: string): ResponsePost[];
  /** Resolves with the posts to `url` once there are at least `count`. */
  waitFor(url: string, count?: number): Promise<ResponsePost[]>;
  close(): Promise<void>;
}

export async function startResponseUrlReceiver(): Promise<ResponseUrlReceiver> {
  const posts: ResponsePost[] = [];
  const waiters = new Waiters(posts);
  let n = 0;
  const { server, url } = await listenLoopback((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      posts.push({ path: new URL(req.url ?? '/', 'http://x').pathname, body: JSON.parse(raw) as Record<string, unknown> });
      waiters.notify();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    })();
  });
  const pathOf = (u: string) => new URL(u).pathname;
  return {
    newUrl: () => `${url}/respond/${++n}`,
    posts,
    postsTo: (u) => posts.filter((p) => p.path === pathOf(u)),
    waitFor: (u, count = 1) =>
      waiters.until((all) => all.filter((p) => p.path === pathOf(u)).length >= count).then((all) => all.filter((p) => p.path === pathOf(u))),
    close: () => closeServer(server),
  };
}
