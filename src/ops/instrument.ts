// Wraps the app, the store and the publishers so they report to the Metrics port, without the
// use cases or the core knowing: commands (outcome, latency), articles stored, deliveries
// finished (429s are counted where they arrive: the adapters' REST and Web API clients).
import { performance } from 'node:perf_hooks';
import type { App, Platform, Store, StoreSession } from '../app/ports.ts';
import type { CommandOutcome, DeliveryMetric, Metrics } from '../app/ports/metrics.ts';
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

interface Counts {
  articles: number;
  deliveries: { platform: Platform | 'unknown'; status: DeliveryMetric }[];
}

/** The session with its writes counted into `counts`; a transaction's counts join the caller's. */
function countingSession<S extends StoreSession>(s: S, counts: Counts, commit: (c: Counts) => void): S {
  const digests = s.digests;
  return {
    ...s,
    async insertArticle(a) {
      const id = await s.insertArticle(a);
      counts.articles += 1;
      commit(counts);
      return id;
    },
    digests: {
      ...digests,
      async finishDelivery(subscriptionId, slot, owner, outcome, at) {
        const ok = await digests.finishDelivery(subscriptionId, slot, owner, outcome, at);
        if (ok) {
          const sub = await digests.getSubscriptionById(subscriptionId);
          counts.deliveries.push({ platform: sub?.platform ?? 'unknown', status: outcome.status });
          commit(counts);
        }
        return ok;
      },
    },
    async transaction(fn) {
      // counted only once the transaction commits: a rolled-back article was never stored
      const inTx: Counts = { articles: 0, deliveries: [] };
      const out = await s.transaction((tx) => fn(countingSession(tx, inTx, () => {})));
      counts.articles += inTx.articles;
      counts.deliveries.push(...inTx.deliveries);
      commit(counts);
      return out;
    },
  };
}

/** The store with new articles and finished deliveries counted (same methods, same sessions). */
export function instrumentStore<S extends Store>(store: S, metrics: Metrics): S {
  const flush = (c: Counts) => {
    if (c.articles) metrics.articlesIngested(c.articles);
    for (const d of c.deliveries) metrics.deliveryFinished(d.platform, d.status);
    c.articles = 0;
    c.deliveries.length = 0;
  };
  return countingSession(store, { articles: 0, deliveries: [] }, flush);
}
