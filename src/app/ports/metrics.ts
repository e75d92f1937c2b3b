// The metrics port: what the use cases, adapters and publishers count. The core never sees it;
// main.ts wraps the app, store and publishers with it (ops/instrument.ts), and the
// Prometheus implementation lives in ops/prom-metrics.ts.
import type { Platform } from './publisher.ts';

/** ok: answered; refused: the user's input was at fault (a warning); error: we failed. */
export type CommandOutcome = 'ok' | 'refused' | 'error';
export type PollResult = 'new' | 'unchanged' | 'failed';
export type DeliveryMetric = 'sent' | 'empty' | 'failed';

export interface Metrics {
  commandFinished(command: string, outcome: CommandOutcome, seconds: number): void;
  articlesIngested(count: number): void;
  pollFinished(result: PollResult): void;
  deliveryFinished(platform: Platform | 'unknown', status: DeliveryMetric): void;
  /** A platform answered 429 (rate limited). */
  rateLimited(platform: Platform): void;
}

export const noMetrics: Metrics = {
  commandFinished() {},
  articlesIngested() {},
  pollFinished() {},
  deliveryFinished() {},
  rateLimited() {},
};
