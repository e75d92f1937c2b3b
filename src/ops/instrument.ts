// Wraps the app, the store and the publishers so they report to the Metrics port, without the
// use cases or the core knowing: commands (outcome, latency), articles stored, deliveries
// finished (429s are counted where they arrive: the adapters' REST and Web API clients).
import { performance } from 'node:perf_hooks';
import type { App, Store } from '../app/ports.ts';
import type { CommandOutcome, Metrics } from '../app/ports/metrics.ts';
import type { Message } from '../core/message.ts';

export function outcomeOf(m: Message): CommandOutcome {
  if (m.notice?.tone === 'error') return 'error';
  if (m.notice?.tone === 'warning' && m.items.length === 0) return 'refused';
  return 'ok';
}

export function instrumentApp(app: App, metrics: Metrics): App {
  return {
    async handle(inv, ctx) {
      const started = performance.now();
      try {
        const m = await app.handle(inv, ctx);
        metrics.commandFinished(inv.command, outcomeOf(m), (performance.now() - started) / 1000);
        return m;
      } catch (err) {
        metrics.commandFinished(inv.command, 'error', (performance.now() - started) / 1000);
        throw err;
      }
    },
    autocomplete: (command, option, value) => app.autocomplete(command, option, value),
  };
}

/** Runs `f` on a value or on what a promise resolves to, and hands the same back (sync or async store). */
function after<T>(v: T, f: (x: Awaited<T>) => void): T {
  if (v instanceof Promise) return v.then((x: Awaited<T>) => (f(x), x)) as T;
  f(v as Awaited<T>);
  return v;
}

/**
 * The store with ingestion and delivery outcomes counted (same methods). Works on the sync store
 * of today and on the async port (a method returning a Promise is counted when it resolves).
 */
export function instrumentStore<S extends Store>(store: S, metrics: Metrics): S {
  const digests = store.digests;
  const finishDelivery: typeof digests.finishDelivery = (...args) =>
    after(digests.finishDelivery(...args), (ok) => {
      if (!ok) return;
      after(digests.getSubscriptionById(args[0]), (sub) => metrics.deliveryFinished(sub?.platform ?? 'unknown', args[3].status));
    });
  const ingestArticle: typeof store.ingestArticle = (...args) =>
    after(store.ingestArticle(...args), (r) => {
      if (r.status === 'stored') metrics.articlesIngested(1);
    });
  return { ...store, ingestArticle, digests: { ...digests, finishDelivery } };
}
