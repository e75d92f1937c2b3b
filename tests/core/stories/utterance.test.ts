import { describe, expect, it } from 'vitest';
import { sameUtterance, utteranceKey } from '../../../src/core/stories/index.ts';

describe('same utterance across outlets', () => {
  it.each([
    ['the same words, other punctuation and quote marks', 'We are not going anywhere, and we’re proud of it.', "We are not going anywhere - and we're proud of it"],
    ['one word changed by a second outlet', 'The plant has become far too expensive to run for the region', 'The plant has become much too expensive to run for the region'],
    ['a passage of at least eight words quoted by one outlet', 'wind farms now supply most of the power we use in the north', 'We have worked hard, and wind farms now supply most of the power we use in the north, which is a milestone.'],
  ])('GIVEN %s THEN it is one utterance', (_, a, b) => {
    expect(sameUtterance(a, b)).toBe(true);
  });

  it.each([
    ['two different sentences on one subject', 'We will close the plant in March.', 'We will open the new site in two years.'],
    ['a short phrase inside a long quote', 'too expensive', 'The plant has become far too expensive to run for the region'],
    ['an empty quote', '', 'We will close the plant in March.'],
  ])('GIVEN %s THEN they are different utterances', (_, a, b) => {
    expect(sameUtterance(a, b)).toBe(false);
  });

  it('GIVEN case and punctuation differences THEN the exact key is the same', () => {
    expect(utteranceKey('“Ready, Steady!”')).toBe(utteranceKey('ready steady'));
  });
});
