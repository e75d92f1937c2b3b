// node-cron jobs, one per key (a digest subscription), each in its own timezone. A job only
// wakes the digest service up; which slot is due is computed from the database and an injected
// clock (src/scheduler/next-run.ts), so tests drive time without waiting for cron.
import { schedule as cronSchedule } from 'node-cron';
import type { ScheduledTask, TaskOptions, TaskContext } from 'node-cron';
import type { Logger } from './app/ports.ts';

export type ScheduleFn = (expression: string, fn: (ctx: TaskContext) => unknown, options: TaskOptions) => ScheduledTask;

export interface JobSpec {
  expression: string;
  timezone: string;
}

export interface Scheduler {
  /** Creates or replaces the job for `key` (a no-op when its expression and timezone are unchanged). */
  set(key: string, spec: JobSpec, fire: (scheduledAt: Date) => Promise<void>): void;
  remove(key: string): void;
  /** The keys with a job, and each job's spec. */
  jobs(): Map<string, JobSpec>;
  /** The next run node-cron itself has planned for `key` (for status and cross-checks). */
  nextRunOf(key: string): Date | null;
  stopAll(): void;
}

interface Job {
  spec: JobSpec;
  task: ScheduledTask;
}

export function createScheduler(opts: { logger: Logger; schedule?: ScheduleFn }): Scheduler {
  const schedule: ScheduleFn = opts.schedule ?? cronSchedule;
  const jobs = new Map<string, Job>();

  function remove(key: string): void {
    const job = jobs.get(key);
    if (!job) return;
    jobs.delete(key);
    void Promise.resolve(job.task.destroy()).catch((err: unknown) => opts.logger.warn({ err, key }, 'cron job did not stop cleanly'));
  }

  return {
    set(key, spec, fire) {
      const current = jobs.get(key);
      if (current && current.spec.expression === spec.expression && current.spec.timezone === spec.timezone) return;
      remove(key);
      const task = schedule(
        spec.expression,
        async (ctx) => {
          try {
            await fire(ctx.date);
          } catch (err) {
            opts.logger.error({ err, key }, 'scheduled digest run failed');
          }
        },
        // noOverlap: a slow run (retries with backoff) never stacks a second one for the same key
        { name: `digest:${key}`, timezone: spec.timezone, noOverlap: true },
      );
      jobs.set(key, { spec: { ...spec }, task });
    },
    remove,
    jobs: () => new Map([...jobs].map(([k, j]) => [k, { ...j.spec }])),
    nextRunOf: (key) => jobs.get(key)?.task.getNextRun() ?? null,
    stopAll() {
      for (const key of [...jobs.keys()]) remove(key);
    },
  };
}
