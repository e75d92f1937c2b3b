// Name variants of one entity within an article (core/quotes/entity-variants.ts).
import { describe, expect, it } from 'vitest';
import type { SpeakerKind } from '../../src/core/article.ts';
import { misspeltIn, orgStem, sameOrganisationIn } from '../../src/core/quotes/entity-variants.ts';

const entity = (name: string, words: string[], kind: SpeakerKind) => ({ name, words, kind });

describe('misspeltIn: a misspelt surname is the person named before', () => {
  const people = [entity('Vadim Mitroshin', ['vadim', 'mitroshin'], 'person'), entity('Democrat', ['democrat'], 'person'), entity('Olaf Berg', ['olaf', 'berg'], 'person')];
  const cases: Array<{ name: string; words: string[]; found: string[] }> = [
    { name: 'GIVEN one letter changed in a long surname THEN that person', words: ['mitroshyn'], found: ['Vadim Mitroshin'] },
    { name: 'GIVEN a different first initial THEN nobody', words: ['pavel', 'mitroshyn'], found: [] },
    { name: 'GIVEN a plural of a known word THEN not a misspelling', words: ['democrats'], found: [] },
    { name: 'GIVEN a short surname THEN no fuzzy match (too risky)', words: ['bergh'], found: [] },
  ];
  for (const c of cases) it(c.name, () => expect(misspeltIn(people, c.words).map((e) => e.name)).toEqual(c.found));
});

describe('orgStem and sameOrganisationIn: one organisation under several names', () => {
  const cases: Array<{ name: string; words: string[]; stem: string }> = [
    { name: 'GIVEN "the Conservative Party" THEN "conservative"', words: ['the', 'conservative', 'party'], stem: 'conservative' },
    { name: 'GIVEN "Conservatives" THEN "conservative"', words: ['conservatives'], stem: 'conservative' },
    { name: 'GIVEN "Tories" THEN the synonym "conservative"', words: ['tories'], stem: 'conservative' },
    { name: 'GIVEN "Party" alone THEN itself', words: ['party'], stem: 'party' },
  ];
  for (const c of cases) it(c.name, () => expect(orgStem(c.words)).toBe(c.stem));
  it('GIVEN an organisation and a person THEN only the organisation is matched by stem', () => {
    const known = [entity('Green', ['green'], 'person'), entity('Green Party', ['party'], 'organisation')];
    expect(sameOrganisationIn(known, 'the Greens').map((e) => e.name)).toEqual(['Green Party']);
    expect(sameOrganisationIn(known, 'Labour Party')).toEqual([]);
  });
});
