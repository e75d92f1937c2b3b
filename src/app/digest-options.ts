// Validating /digest subscribe options: time (HH:MM or cron), timezone (IANA), topic.
import { BriefingError } from '../core/errors.ts';
import { hhmmToCron, isCronExpression, parseCron } from '../scheduler/next-run.ts';

export const TIME_EXAMPLE = '/digest subscribe time:08:00 timezone:Europe/London';
export const CRON_EXAMPLE = '/digest subscribe time:"0 9 * * 1-5" timezone:America/New_York';
export const TOPIC_MAX = 200;
/** A digest runs at most every 5 minutes: at most 12 minute values and one second value. */
const MAX_MINUTE_VALUES = 12;

export interface ScheduleChoice {
  expression: string;
  timeInput: string;
  /** "every day at 08:00" or "on cron schedule 0 9 * * 1-5". */
  description: string;
}

export function parseTimeOption(raw: string): ScheduleChoice {
  const time = raw.trim().replace(/^"(.*)"$/, '$1').trim();
  const daily = hhmmToCron(time);
  if (daily) {
    const [h = '0', m = '0'] = time.split(':');
    const hhmm = `${h.padStart(2, '0')}:${m}`;
    return { expression: daily, timeInput: hhmm, description: `every day at ${hhmm}` };
  }
  if (/\s/.test(time)) {
    const fields = time.split(/\s+/);
    if ((fields.length === 5 || fields.length === 6) && isCronExpression(time)) {
      const f = parseCron(time);
      if (f.seconds.length > 1 || f.minutes.length > MAX_MINUTE_VALUES) {
        throw new BriefingError('bad_option', 'That schedule runs too often for a digest: at most every 5 minutes.', {
          hint: `Example: ${CRON_EXAMPLE}`,
          context: { option: 'time', value: raw },
        });
      }
      const expression = fields.join(' ');
      return { expression, timeInput: expression, description: `on the schedule “${expression}”` };
    }
  }
  throw new BriefingError('bad_option', `“${raw.slice(0, 100)}” is not a time. Use HH:MM (24-hour), or a cron expression of 5 or 6 fields.`, {
    hint: `Examples: ${TIME_EXAMPLE} · ${CRON_EXAMPLE}`,
    context: { option: 'time', value: raw.slice(0, 200) },
  });
}

let zones: Map<string, string> | null = null;
function knownZones(): Map<string, string> {
  zones ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((z) => [z.toLowerCase(), z]));
  return zones;
}

/** The canonical IANA name ("europe/london" -> "Europe/London"), or a BriefingError. */
export function parseTimezoneOption(raw: string): string {
  const tz = raw.trim();
  // IANA names only: "Area/Location" or UTC-like names; no raw offsets such as "+02:00".
  if (/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(tz)) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      // keep the name as the user wrote it (ICU would turn Asia/Kolkata into Asia/Calcutta),
      // fixing only its case when a known name matches
      return knownZones().get(tz.toLowerCase()) ?? tz;
    } catch {
      // fall through to the error
    }
  }
  throw new BriefingError('bad_option', `“${raw.slice(0, 64)}” is not a timezone I know. Use an IANA name.`, {
    hint: `Example: ${TIME_EXAMPLE} (or America/New_York, Asia/Tokyo, UTC)`,
    context: { option: 'timezone', value: raw.slice(0, 200) },
  });
}

export function parseTopicOption(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const topic = raw.trim().replace(/\s+/g, ' ');
  if (topic.length > TOPIC_MAX) {
    throw new BriefingError('bad_option', `A topic can be at most ${TOPIC_MAX} characters.`, {
      hint: 'Example: /digest subscribe topic:ukraine',
      context: { option: 'topic', length: topic.length },
    });
  }
  return topic || null;
}
