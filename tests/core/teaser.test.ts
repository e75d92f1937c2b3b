import { describe, expect, it } from 'vitest';
import { isTeaser } from '../../src/core/teaser.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('isTeaser', () => {
  it.each([
    ['GIVEN an empty body (title and link only)', '', true],
    ['GIVEN one sentence', 'The council approved the harbour plan on Monday.', true],
    ['GIVEN 119 words', words(119), true],
    ['GIVEN 200 words ending with an ellipsis', `${words(200)} and then…`, true],
    ['GIVEN 200 words ending with [...]', `${words(200)} [...]`, true],
    ['GIVEN 200 words ending with "Continue reading"', `${words(200)}.\n\nContinue reading →`, true],
    ['GIVEN 200 words ending with a WordPress footer', `${words(200)}.\n\nThe post Harbour plan approved appeared first on Harbour News.`, true],
    ['GIVEN 200 words ending plainly', `${words(200)}.`, false],
    ['GIVEN 500 words ending with "Read more"', `${words(500)}. Read more`, false],
  ])('%s THEN %s', (_given, body, want) => {
    expect(isTeaser({ body })).toBe(want);
  });
});
