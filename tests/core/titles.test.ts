import { describe, expect, it } from 'vitest';
import { ABBREVIATED_TITLES, HONORIFICS, PERSONAL_TITLES, TITLE_WORDS, isTitleWord } from '../../src/core/titles.ts';
import { TITLES as SENTENCE_TITLES } from '../../src/core/sentences/abbreviations.ts';
import { TITLES as QUOTE_TITLES } from '../../src/core/quotes/lexicon.ts';
import { normalizeName } from '../../src/core/speakers.ts';

describe('titles: one list for the splitter, the extractor and speaker names', () => {
  const cases: Array<{ name: string; word: string; title: boolean; abbreviated: boolean; personal: boolean }> = [
    { name: 'GIVEN "Sen." THEN an abbreviated office', word: 'Sen.', title: true, abbreviated: true, personal: true },
    { name: 'GIVEN "Dame" THEN an honorific never abbreviated', word: 'Dame', title: true, abbreviated: false, personal: true },
    { name: 'GIVEN "Lt" THEN an abbreviated rank', word: 'Lt', title: true, abbreviated: true, personal: true },
    { name: 'GIVEN "Labour" THEN a party word in a title run but not part of a personal title', word: 'Labour', title: true, abbreviated: false, personal: false },
    { name: 'GIVEN "spokeswoman" THEN a job title, not personal', word: 'spokeswoman', title: true, abbreviated: false, personal: false },
    { name: 'GIVEN "Harbour" THEN no title at all', word: 'Harbour', title: false, abbreviated: false, personal: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const w = c.word.toLowerCase().replace(/\.$/, '');
      expect(isTitleWord(c.word)).toBe(c.title);
      expect(ABBREVIATED_TITLES.has(w)).toBe(c.abbreviated);
      expect(PERSONAL_TITLES.has(w)).toBe(c.personal);
    });
  }

  it('GIVEN the three consumers THEN each reads its titles from titles.ts', () => {
    for (const t of ABBREVIATED_TITLES) expect(SENTENCE_TITLES.has(t)).toBe(true);
    expect(QUOTE_TITLES).toBe(TITLE_WORDS);
    for (const h of HONORIFICS) expect(TITLE_WORDS.has(h)).toBe(true);
    expect(normalizeName('Det. Insp. Jane Morrow')).toBe('jane morrow');
  });
});
