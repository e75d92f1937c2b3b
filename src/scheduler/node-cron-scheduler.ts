// The Scheduler port on node-cron (cron jobs, each in its own timezone) and timers (interval
// jobs). A job only wakes its owner up: which digest slot is due is computed from the database
// and an injected clock (next-run.ts), so tests drive time without waiting for cron. No job
// overlaps itself: node-cron's noOverlap for cron jobs, a running flag for interval jobs.
import { schedule as cronSchedule } from 'node-cron';
import type { ScheduledTask, TaskOptions, TaskContext } from 'node-cron';
import type { CronSpec, Logger, Scheduler } from '../app/ports.ts';

export type ScheduleFn = (expression: string, fn: (ctx: TaskContext) => unknown, options: TaskOptions) => ScheduledTask;

interface CronJob {
  spec: CronSpec;
  task: ScheduledTask;
}

interface IntervalJob {
  ms: number;
  timer: NodeJS.Timeout;
}

export function createScheduler(opts: { logger: Logger; schedule?: ScheduleFn }): Scheduler {
  const schedule: ScheduleFn = opts.schedule ?? cronSchedule;
  const crons = new Map<string, CronJob>();
  const intervals = new Map<string, IntervalJob>();

  function remove(name: string): void {
    const interval = intervals.get(name);
    if (interval) {
      intervals.delete(name);
      clearInterval(interval.timer);
    }
    const job = crons.get(name);
    if (!job) return;
    crons.delete(name);
    void Promise.resolve(job.task.destroy()).catch((err: unknown) => opts.logger.warn({ err, job: name }, 'cron job did not stop cleanly'));
  }

  return {
    set(name, spec, fire) {
      const current = crons.get(name);
      if (current && current.spec.expression === spec.expression && current.spec.timezone === spec.timezone) return;
      remove(name);
      const task = schedule(
        spec.expression,
        async (ctx) => {
          try {
            await fire(ctx.date);
          } catch (err) {
            opts.logger.error({ err, job: name }, 'scheduled job failed');
          }
        },
        // noOverlap: a slow run (retries with backoff) never stacks a second one for the same job
        { name, timezone: spec.timezone, noOverlap: true },
      );
      crons.set(name, { spec: { ...spec }, task });
    },
    every(name, ms, fire) {
      if (intervals.get(name)?.ms === ms) return;
      remove(name);
      let running = false;
      const timer = setInterval(() => {
        if (running) return; // the previous run is still going: skip this tick
        running = true;
        Promise.resolve()
          .then(fire)
          .catch((err: unknown) => opts.logger.error({ err, job: name }, 'scheduled job failed'))
          .finally(() => { running = false; });
      }, ms);
      intervals.set(name, { ms, timer });
    },
    remove,
    jobs: () => new Map([...crons].map(([k, j]) => [k, { ...j.spec }])),
    intervals: () => new Map([...intervals].map(([k, j]) => [k, j.ms])),
    nextRunOf: (name) => crons.get(name)?.task.getNextRun() ?? null,
    stopAll() {
      for (const name of [...crons.keys(), ...intervals.keys()]) remove(name);
    },
  };
}
