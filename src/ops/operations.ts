// Wires the operations side of a running bot: the instance id, Prometheus metrics and the
// /healthz, /readyz, /metrics endpoint on METRICS_PORT (off when unset).
import type { Logger } from '../app/ports.ts';
import { noMetrics, type Metrics } from '../app/ports/metrics.ts';
import type { ScaleConfig } from '../config-scale.ts';
import { resolveInstanceId } from './instance-id.ts';
import { startOpsServer, type ReadinessCheck } from './ops-server.ts';
import { createPromMetrics, type PromMetrics } from './prom-metrics.ts';

export interface Operations {
  instanceId: string;
  metrics: Metrics;
  /** Adds a readiness check (database, each adapter). */
  check(name: string, fn: ReadinessCheck): void;
  /** Starts the endpoint when METRICS_PORT is set; returns its bound port or null. */
  listen(host: string): Promise<number | null>;
  /** From now on /readyz answers 503 (the process is stopping). */
  stopAccepting(): void;
  close(): Promise<void>;
}

export function createOperations(scale: ScaleConfig, logger: Logger): Operations {
  const instanceId = resolveInstanceId(scale.instanceId);
  const log = logger.child({ instance: instanceId });
  const prom: PromMetrics | null = scale.metricsPort !== null ? createPromMetrics({ instanceId }) : null;
  const checks: Record<string, ReadinessCheck> = {};
  let accepting = true;
  let close: () => Promise<void> = async () => {};
  return {
    instanceId,
    metrics: prom ?? noMetrics,
    check(name, fn) {
      checks[name] = fn;
    },
    async listen(host) {
      if (scale.metricsPort === null) return null;
      const server = await startOpsServer({ port: scale.metricsPort, host, checks, metrics: prom, accepting: () => accepting });
      close = server.close;
      log.info({ port: server.port, host }, 'ops endpoint listening (/healthz, /readyz, /metrics)');
      return server.port;
    },
    stopAccepting() {
      accepting = false;
    },
    close: () => close(),
  };
}
