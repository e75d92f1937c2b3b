// Deterministic cron arithmetic: the occurrences ("slots") of a cron expression in an IANA
// timezone, computed from a given instant, never from the wall clock. node-cron parses and
// validates the expression (the same grammar its jobs run); this file walks local calendar days
// and converts local wall times to instants itself, with explicit daylight-saving rules:
//   - a local time that does not exist (spring forward: 01:30 in Europe/London on the last
//     Sunday of March) runs at the moment of the change (02:00 BST), as Vixie cron does, so a
//     daily digest is never silently skipped;
//   - a local time that exists twice (fall back) runs once, at its first occurrence.
import { parse, validate } from 'node-cron';

export interface CronFields {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: (number | string)[];
  months: number[];
  daysOfWeek: (number | string)[];
}

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** True when `expr` is a 5- or 6-field cron expression node-cron accepts (no @nicknames). */
export function isCronExpression(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && validate(expr.trim());
}

/** "08:00" -> "0 8 * * *"; null when `time` is not HH:MM. */
export function hhmmToCron(time: string): string | null {
  const m = HHMM.exec(time.trim());
  if (!m) return null;
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

export function parseCron(expr: string): CronFields {
  const f = parse(expr.trim());
  const asc = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    seconds: asc(f.second),
    minutes: asc(f.minute),
    hours: asc(f.hour),
    daysOfMonth: f.dayOfMonth,
    months: f.month,
    daysOfWeek: f.dayOfWeek,
  };
}

// ---- timezone arithmetic ---------------------------------------------------------------

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a timezone. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** UTC offset of the timezone at an instant, in ms (London in summer: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local wall time. Repeated times (fall back) resolve to the earlier instant;
 * nonexistent times (in a spring-forward gap) resolve to the instant of the change itself, as
 * Vixie cron does, so the mapping from local times to instants stays monotonic.
 */
export function localToInstant(p: LocalParts, timeZone: string): number {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // The offsets in force a day before and a day after bracket every transition near `wall`.
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  if (before === after) return wall - before; // no transition within a day of this time
  const candidates = [...new Set([before, after, offsetAt(wall, timeZone)])]
    .map((off) => wall - off)
    .filter((ms) => offsetAt(ms, timeZone) === wall - ms)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In a gap: find the first second at which the new offset is in force.
  let lo = wall - before;
  let hi = wall - after;
  if (lo > hi) [lo, hi] = [hi, lo];
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ---- day matching (the cron day fields, including node-cron's L, W, # and nL tokens) -------

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const wd = weekdayOf(year, month, target);
  if (wd === 6) return target === 1 ? target + 2 : target - 1;
  if (wd === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: (number | string)[], year: number, month: number, day: number): boolean {
  const last = lastDayOfMonth(year, month);
  for (const v of field) {
    if (v === day) return true;
    if (typeof v !== 'string') continue;
    if (v === 'L' && day === last) return true;
    const w = /^(\d{1,2}|L)W$/.exec(v);
    if (w && nearestWeekday(year, month, w[1] === 'L' ? last : Number(w[1])) === day) return true;
    const off = /^L-(\d{1,2})$/.exec(v);
    if (off && last - Number(off[1]) === day) return true;
  }
  return false;
}

function matchesDayOfWeek(field: (number | string)[], year: number, month: number, day: number): boolean {
  const wd = weekdayOf(year, month, day);
  for (const v of field) {
    if (typeof v === 'number') {
      if (v % 7 === wd) return true;
      continue;
    }
    const nth = /^([0-7])#([1-5])$/.exec(v);
    if (nth) {
      if (Number(nth[1]) % 7 === wd && Math.floor((day - 1) / 7) + 1 === Number(nth[2])) return true;
      continue;
    }
    const lastWd = /^([0-7])L$/i.exec(v);
    if (lastWd && Number(lastWd[1]) % 7 === wd && day + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}

function dayMatches(f: CronFields, year: number, month: number, day: number): boolean {
  return f.months.includes(month) && matchesDayOfMonth(f.daysOfMonth, year, month, day) && matchesDayOfWeek(f.daysOfWeek, year, month, day);
}

// ---- occurrences ---------------------------------------------------------------------

const MAX_DAYS = 366 * 8;

/** Occurrences strictly after `after` (ms precision dropped), ascending, for up to 8 years. */
export function* occurrences(expr: string | CronFields, timeZone: string, after: Date): Generator<Date> {
  const f = typeof expr === 'string' ? parseCron(expr) : expr;
  let last = Math.floor(after.getTime() / 1000) * 1000;
  // A wall time more than (offset at `after` - 3h) before `after` cannot map after it: offsets
  // never move by 3h within the two days scanned before the first match.
  const skipBelow = last + offsetAt(last, timeZone) - 3 * 3_600_000;
  // Start a day early: a local day's earliest times may map to instants before `after`'s local day.
  const start = localParts(last - 86_400_000, timeZone);
  let d = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < MAX_DAYS; i++, d += 86_400_000) {
    const date = new Date(d);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (!dayMatches(f, year, month, day)) continue;
    for (const hour of f.hours) {
      for (const minute of f.minutes) {
        for (const second of f.seconds) {
          if (Date.UTC(year, month - 1, day, hour, minute, second) <= skipBelow) continue;
          const ms = localToInstant({ year, month, day, hour, minute, second }, timeZone);
          // local -> instant is monotonic; equal instants (gap times) run once
          if (ms > last) {
            last = ms;
            yield new Date(ms);
          }
        }
      }
    }
  }
}

/** The first occurrence strictly after `after`, or null if none within 8 years. */
export function nextRun(expr: string | CronFields, timeZone: string, after: Date): Date | null {
  for (const d of occurrences(expr, timeZone, after)) return d;
  return null;
}

/** Every occurrence in the half-open interval (from, until], oldest first, at most `max`. */
export function runsBetween(expr: string | CronFields, timeZone: string, from: Date, until: Date, max = 10_000): Date[] {
  const f = typeof expr === 'string' ? parseCron(expr) : expr;
  const out: Date[] = [];
  for (const d of occurrences(f, timeZone, from)) {
    if (d.getTime() > until.getTime() || out.length >= max) break;
    out.push(d);
  }
  return out;
}

/** The latest occurrence at or before `at`, looking back at most `lookbackMs`; null if none. */
export function latestRun(expr: string | CronFields, timeZone: string, at: Date, lookbackMs: number): Date | null {
  const runs = runsBetween(expr, timeZone, new Date(at.getTime() - lookbackMs), at);
  return runs[runs.length - 1] ?? null;
}
