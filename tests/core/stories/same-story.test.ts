import { describe, expect, it } from 'vitest';
import { assignStory, estimateJaccard, fingerprint, matchStory, minhash, properNames, shingleHashes, stem, words } from '../../../src/core/stories/index.ts';
import { FOLLOW_UP, SAME_NAME, WIRE, WIRE_EDITED, WIRE_EXTENDED } from '../../fixtures/stories/wire.ts';

const fp = (headline: string, body: string) => fingerprint({ headline, body });

describe('same story', () => {
  const a = fp('Harwick coal plant to close early', WIRE);
  const b = fp('Last coal station in Harwick shuts in March', WIRE_EDITED);
  const c = fp("Harwick's coal era ends", WIRE_EXTENDED);
  const followUp = fp('Harwick power workers accept job offer', FOLLOW_UP);
  const sameName = fp('Markov takes national 10,000m title', SAME_NAME);

  it.each([
    ['a lightly edited copy with another headline', b],
    ['the copy with its own opening line and more text', c],
  ])('GIVEN the wire story and %s THEN they are one story (near-duplicate)', (_, other) => {
    const r = matchStory(a, other, 3);
    expect(r).toMatchObject({ same: true, reason: 'near-duplicate' });
  });

  it('GIVEN the three outlets one after another THEN the online assignment puts all three in one story', () => {
    const stories: Array<{ storyId: number; members: Array<{ fingerprint: typeof a; hoursApart: number }> }> = [];
    const ids: number[] = [];
    for (const f of [a, b, c]) {
      const got = assignStory(f, stories);
      if (got) {
        stories.find((s) => s.storyId === got.storyId)!.members.unshift({ fingerprint: f, hoursApart: 1 });
        ids.push(got.storyId);
      } else {
        stories.push({ storyId: stories.length + 1, members: [{ fingerprint: f, hoursApart: 1 }] });
        ids.push(stories.length);
      }
    }
    expect(ids).toEqual([1, 1, 1]);
  });

  it('GIVEN a follow-up the next day, written afresh THEN it is another story', () => {
    expect(matchStory(a, followUp, 24).same).toBe(false);
  });

  it('GIVEN an unrelated story about someone with the same name THEN it is another story', () => {
    const r = matchStory(a, sameName, 0);
    expect(r.same).toBe(false);
    expect(r.comparison.sharedNames).toBeGreaterThanOrEqual(1); // the name is shared, the story is not
  });

  it('GIVEN the same copy republished a month later THEN it is not joined to the old story', () => {
    expect(matchStory(a, b, 24 * 30).same).toBe(false);
  });
});

describe('MinHash', () => {
  it('GIVEN identical texts THEN the estimate is 1; GIVEN disjoint texts THEN it is near 0', () => {
    const s1 = minhash(shingleHashes(words(WIRE)));
    expect(estimateJaccard(s1, minhash(shingleHashes(words(WIRE))))).toBe(1);
    expect(estimateJaccard(s1, minhash(shingleHashes(words(SAME_NAME))))).toBeLessThan(0.05);
  });

  it('GIVEN a text shorter than a shingle THEN it still has a signature that matches itself', () => {
    const s = minhash(shingleHashes(words('Short note')));
    expect(estimateJaccard(s, minhash(shingleHashes(words('Short note'))))).toBe(1);
  });
});

describe('names and terms', () => {
  it.each([
    ['The board chair, Elena Markov, said so.', ['elena markov']],
    ['Shares in the Bank of England rose.', ['bank of england']],
    ['However, Harwick said no. Later Markov agreed.', ['harwick', 'markov']],
  ])('GIVEN %j THEN the names are %j', (text, names) => {
    expect(properNames(text)).toEqual(names);
  });

  it.each([
    ['elections', 'election'], ['talks', 'talk'], ['unveiled', 'unveil'], ['closing', 'clos'], ['class', 'class'],
  ])('GIVEN %s THEN the stem is %s', (w, s) => {
    expect(stem(w)).toBe(s);
  });
});
