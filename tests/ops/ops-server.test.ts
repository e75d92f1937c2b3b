// The ops endpoint in-process: readiness is 503 whenever a check fails, hangs or the process stops.
import { afterEach, describe, expect, it } from 'vitest';
import { startOpsServer, type OpsServer, type ReadinessCheck } from '../../src/ops/ops-server.ts';
import { createPromMetrics } from '../../src/ops/prom-metrics.ts';
import { withinGrace } from '../../src/ops/bounded.ts';
import { instrumentApp, outcomeOf } from '../../src/ops/instrument.ts';
import type { App } from '../../src/app/ports.ts';

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(checks: Record<string, ReadinessCheck>, accepting = () => true) {
  const s = await startOpsServer({ port: 0, host: '127.0.0.1', checks, metrics: null, accepting, checkTimeoutMs: 200 });
  servers.push(s);
  return (path: string) => fetch(`http://127.0.0.1:${s.port}${path}`);
}

describe('ops endpoint', () => {
  it.each<[string, Record<string, ReadinessCheck>, boolean, number]>([
    ['every check passes', { database: () => true, discord: async () => true }, true, 200],
    ['the database is unreachable', { database: async () => { throw new Error('ECONNREFUSED'); }, discord: () => true }, true, 503],
    ['an adapter is disconnected', { database: () => true, discord: () => false }, true, 503],
    ['a check hangs', { database: () => new Promise<boolean>(() => {}) }, true, 503],
    ['the process is stopping', { database: () => true }, false, 503],
  ])('GIVEN %s THEN /readyz answers the right status', async (_label, checks, accepting, status) => {
    const get = await serve(checks, () => accepting);
    const r = await get('/readyz');
    expect(r.status).toBe(status);
    const body = (await r.json()) as { checks: Record<string, boolean> };
    expect(Object.keys(body.checks)).toEqual([...Object.keys(checks), 'accepting']);
    // liveness does not depend on readiness
    expect((await get('/healthz')).status).toBe(200);
  });

  it('GIVEN an unknown path THEN 404 names the endpoints', async () => {
    const get = await serve({});
    const r = await get('/nope');
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ paths: ['/healthz', '/readyz', '/metrics'] });
  });

  it('GIVEN commands that succeed, fail and throw THEN the counters and the histogram say so', async () => {
    const metrics = createPromMetrics({ instanceId: 'i1', defaultMetrics: false });
    const inner: App = {
      async handle(inv) {
        if ((inv.command as string) === 'boom') throw new Error('boom');
        if (inv.command === 'quote') return { visibility: 'ephemeral', items: [], notice: { tone: 'warning', text: 'nobody by that name' } };
        return { visibility: 'public', items: [] };
      },
      autocomplete: async () => [],
    };
    const app = instrumentApp(inner, metrics);
    const ctx = {} as Parameters<App['handle']>[1];
    await app.handle({ command: 'brief', subcommand: null, options: {} } as unknown as Parameters<App['handle']>[0], ctx);
    await app.handle({ command: 'quote', subcommand: null, options: {} } as unknown as Parameters<App['handle']>[0], ctx);
    await expect(app.handle({ command: 'boom', subcommand: null, options: {} } as unknown as Parameters<App['handle']>[0], ctx)).rejects.toThrow('boom');
    metrics.rateLimited('slack');
    const text = await metrics.render();
    expect(text).toContain('newsbrief_commands_total{command="brief",outcome="ok",instance_id="i1"} 1');
    expect(text).toContain('newsbrief_commands_total{command="quote",outcome="refused",instance_id="i1"} 1');
    expect(text).toContain('newsbrief_commands_total{command="boom",outcome="error",instance_id="i1"} 1');
    expect(text).toContain('newsbrief_rate_limited_total{platform="slack",instance_id="i1"} 1');
    expect(text).toMatch(/newsbrief_command_duration_seconds_count\{instance_id="i1",command="brief"\} 1/);
  });

  it.each([
    [{ visibility: 'public', items: [] }, 'ok'],
    [{ visibility: 'ephemeral', items: [], notice: { tone: 'error', text: 'x' } }, 'error'],
    [{ visibility: 'ephemeral', items: [], notice: { tone: 'warning', text: 'x' } }, 'refused'],
  ])('GIVEN the answer %o THEN the outcome is %s', (m, outcome) => {
    expect(outcomeOf(m as unknown as Parameters<typeof outcomeOf>[0])).toBe(outcome);
  });

  it('GIVEN work that outlives the grace period THEN the wait ends at the grace period', async () => {
    expect(await withinGrace(new Promise(() => {}), 50)).toBe('timed out');
    expect(await withinGrace(Promise.resolve(), 5_000)).toBe('finished');
    expect(await withinGrace(Promise.reject(new Error('x')), 5_000)).toBe('finished');
  });
});
