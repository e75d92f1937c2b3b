import { describe, expect, it } from 'vitest';
import { errorToMessage, newCorrelationId } from '../../src/app/error-reply.ts';
import { BriefingError } from '../../src/core/errors.ts';

function recordingLog() {
  const entries: { obj: Record<string, unknown>; msg?: string }[] = [];
  return { entries, error: (obj: object, msg?: string) => void entries.push({ obj: obj as Record<string, unknown>, msg }) };
}

describe('errorToMessage', () => {
  it.each([
    ['bad_option', 'count: must be between 1 and 10 (got 11).', '/quote who:<name> [about:<words>] [count:<1-10>]', 'warning'],
    ['unknown_speaker', 'I have no quotes from "Putn".', 'Did you mean: Vladimir Putin, Dmitry Peskov?', 'warning'],
    ['forbidden', 'Changing the digest needs the Manage Channels permission.', null, 'error'],
  ] as const)('GIVEN BriefingError %s THEN an ephemeral notice with its message and hint, nothing logged as an error', (code, message, hint, tone) => {
    const log = recordingLog();
    const m = errorToMessage(new BriefingError(code, message, { hint, context: { detail: 'for the log' } }), log);
    expect(m).toEqual({ visibility: 'ephemeral', items: [], notice: { tone, text: message, hint } });
    expect(log.entries).toEqual([]);
  });

  it('GIVEN an internal error THEN a generic ephemeral notice with the correlation id, and the error logged with that id and its stack', () => {
    const log = recordingLog();
    const err = new TypeError('cannot read properties of undefined (reading "rows") at /srv/db.ts');
    const m = errorToMessage(err, log, () => 'c0ffee12');
    expect(m.visibility).toBe('ephemeral');
    expect(m.notice?.tone).toBe('error');
    expect(m.notice?.text).toBe('Something went wrong on our side. Please try again in a moment.');
    expect(m.notice?.correlationId).toBe('c0ffee12');
    expect(m.notice?.hint).toContain('c0ffee12');
    expect(JSON.stringify(m)).not.toContain('rows');
    expect(log.entries).toHaveLength(1);
    const entry = log.entries[0];
    expect(entry?.obj.correlationId).toBe('c0ffee12');
    expect(JSON.stringify(entry?.obj)).toContain('TypeError');
    expect((entry?.obj.err as { stack?: string }).stack).toContain('error-reply.test.ts');
  });

  it.each([['a string'], [42], [null], [{ weird: true }]])('GIVEN a thrown non-Error %j THEN still the generic notice and a log entry', (thrown) => {
    const log = recordingLog();
    const m = errorToMessage(thrown, log, () => 'abc');
    expect(m.notice?.correlationId).toBe('abc');
    expect(log.entries).toHaveLength(1);
  });

  it('GIVEN the default id maker THEN ids are 8 hex digits and differ', () => {
    const a = newCorrelationId();
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(newCorrelationId()).not.toBe(a);
  });
});
