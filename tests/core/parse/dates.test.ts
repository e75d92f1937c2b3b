import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../src/core/parse/dates.ts';

describe('toIsoDate', () => {
  it.each([
    ['2023-03-22', '2023-03-22'],
    ['2024-03-11T07:30:00+01:00', '2024-03-11T06:30:00Z'],
    ['2024-03-11T07:30:00.250Z', '2024-03-11T07:30:00Z'],
    ['2024-03-11 07:30', '2024-03-11T07:30:00Z'],
    ['Fri, 17 May 2024 09:15:00 +0200', '2024-05-17T07:15:00Z'],
    ['Thu, 16 May 2024 18:00:00 GMT', '2024-05-16T18:00:00Z'],
    ['Mon, 4 Nov 2024 08:00:00 EST', '2024-11-04T13:00:00Z'],
    ['16 May 24 18:00 PDT', '2024-05-17T01:00:00Z'],
    ['2023-02-30', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});
