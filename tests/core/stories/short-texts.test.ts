// Short texts are compared on their exact shingle sets (a MinHash estimate over a handful of
// shingles is noisy); long ones on the estimate.
import { describe, expect, it } from 'vitest';
import { compareStories, fingerprint } from '../../../src/core/stories/index.ts';
import { exactJaccard } from '../../../src/core/stories/same-story.ts';

describe('exact shingle Jaccard for short texts', () => {
  it.each([
    ['GIVEN two equal sets THEN 1', [1, 2, 3], [1, 2, 3], 1],
    ['GIVEN disjoint sets THEN 0', [1, 2], [3, 4], 0],
    ['GIVEN one shared of three THEN 1/3', [1, 2], [2, 3], 1 / 3],
    ['GIVEN two empty sets THEN 0', [], [], 0],
  ])('%s', (_name, a, b, want) => {
    expect(exactJaccard(a, b)).toBeCloseTo(want, 10);
  });

  it('GIVEN two short items sharing a template sentence (6 of 18 distinct shingles) THEN their Jaccard is exactly 1/3, below the near-duplicate line', () => {
    const f = (h: string) => fingerprint({ headline: h, body: `${h} today. This is the body of the story about ${h.toLowerCase()} in full.` });
    const a = f('Harbour reopens');
    const b = f('Ferry strike');
    expect(a.shingles).toBeDefined();
    expect(compareStories(a, b).jaccard).toBeCloseTo(1 / 3, 10);
  });

  it('GIVEN a long body THEN the fingerprint keeps no shingles (only the signature)', () => {
    const body = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    expect(fingerprint({ headline: 'Long', body }).shingles).toBeUndefined();
  });
});
