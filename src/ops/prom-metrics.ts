// Prometheus metrics (prom-client) behind the Metrics port, in a registry of their own.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from '../app/ports/metrics.ts';

export interface PromMetrics extends Metrics {
  registry: Registry;
  /** The exposition text for GET /metrics. */
  render(): Promise<string>;
  contentType: string;
}

export function createPromMetrics(opts: { instanceId: string; defaultMetrics?: boolean }): PromMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: opts.instanceId });
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'newsbrief_' });
  const commands = new Counter({
    name: 'newsbrief_commands_total', help: 'Commands answered, by name and outcome', labelNames: ['command', 'outcome'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'newsbrief_command_duration_seconds', help: 'Time to answer a command', labelNames: ['command'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  const articles = new Counter({ name: 'newsbrief_articles_ingested_total', help: 'New articles stored (duplicates not counted)', registers: [registry] });
  const polls = new Counter({ name: 'newsbrief_polls_total', help: 'Feed polls, by result', labelNames: ['result'], registers: [registry] });
  const deliveries = new Counter({
    name: 'newsbrief_deliveries_total', help: 'Digest deliveries finished, by platform and status', labelNames: ['platform', 'status'], registers: [registry],
  });
  const limited = new Counter({ name: 'newsbrief_rate_limited_total', help: '429 answers from a platform', labelNames: ['platform'], registers: [registry] });
  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    commandFinished(command, outcome, seconds) {
      commands.inc({ command, outcome });
      latency.observe({ command }, seconds);
    },
    articlesIngested: (n) => articles.inc(n),
    pollFinished: (result) => polls.inc({ result }),
    deliveryFinished: (platform, status) => deliveries.inc({ platform, status }),
    rateLimited: (platform) => limited.inc({ platform }),
  };
}
