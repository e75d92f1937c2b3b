// The operations endpoint on METRICS_PORT: /healthz (the process answers), /readyz (database
// reachable and adapters connected, else 503 with what is not) and Prometheus /metrics.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A named readiness check: true when ready. A check that throws or hangs counts as not ready. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface OpsServerOptions {
  port: number;
  host?: string;
  checks: Record<string, ReadinessCheck>;
  metrics: { render(): Promise<string>; contentType: string } | null;
  /** False once the process is stopping: /readyz answers 503 so load balancers move on. */
  accepting?: () => boolean;
  checkTimeoutMs?: number;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(check),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(opts: Pick<OpsServerOptions, 'checks' | 'accepting' | 'checkTimeoutMs'>): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
  const names = Object.keys(opts.checks);
  const results = await Promise.all(names.map((n) => runCheck(opts.checks[n]!, opts.checkTimeoutMs ?? 2_000)));
  const checks: Record<string, boolean> = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
  const accepting = opts.accepting ? opts.accepting() : true;
  if (opts.accepting) checks.accepting = accepting;
  return { ready: accepting && results.every(Boolean), checks };
}

export async function startOpsServer(opts: OpsServerOptions): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, { error: 'method not allowed' });
    if (path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      void readiness(opts).then((r) => json(r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks }));
      return;
    }
    if (path === '/metrics' && opts.metrics) {
      const m = opts.metrics;
      void m.render().then(
        (text) => res.writeHead(200, { 'content-type': m.contentType }).end(text),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
      return;
    }
    json(404, { error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  }).catch((e: unknown) => {
    throw new Error(`ops endpoint: cannot listen on ${opts.host ?? '0.0.0.0'}:${opts.port} (METRICS_PORT): ${(e as Error).message}`, { cause: e });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
