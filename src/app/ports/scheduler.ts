// One scheduler for the process, owned by main.ts: cron jobs (digests) and interval jobs (the
// feed poller). Jobs are named by their owner ("digest:<id>", "digest:sweep", "feeds:poll"); a
// job never runs twice at once (a slow run makes the next tick skip, it never stacks).

export interface CronSpec {
  /** Cron expression, 5 or 6 fields. */
  expression: string;
  /** IANA timezone the expression is read in. */
  timezone: string;
}

export interface Scheduler {
  /** Creates or replaces the cron job `name` (a no-op when its expression and timezone are unchanged). */
  set(name: string, spec: CronSpec, fire: (scheduledAt: Date) => Promise<void>): void;
  /** Creates or replaces the job `name` that runs every `ms` milliseconds (a no-op when `ms` is unchanged). */
  every(name: string, ms: number, fire: () => Promise<void>): void;
  /** Stops and forgets the job `name` (cron or interval); nothing when there is none. */
  remove(name: string): void;
  /** The cron jobs by name, with their specs. */
  jobs(): Map<string, CronSpec>;
  /** The interval jobs by name, with their periods in milliseconds. */
  intervals(): Map<string, number>;
  /** The next run planned for the cron job `name` (for status and cross-checks). */
  nextRunOf(name: string): Date | null;
  /** Stops every job (at shutdown). */
  stopAll(): void;
}
