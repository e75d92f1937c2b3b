import { describe, expect, it } from 'vitest';
import { aliasIndexKey, aliasKey, bestTier, indexKeys, lookupProbes, rankClosest, rankSuggestions, topUp, usableAlias } from '../../src/core/speaker-match.ts';

const sp = (speakerId: number, name: string, quoteCount: number) => ({ speakerId, name, quoteCount });

describe('speaker index keys', () => {
  it('GIVEN a full name THEN it is indexed at the alias rank, its variant one worse, surname keys two worse', () => {
    expect(indexKeys('Volodymyr Zelenskyy', 0)).toEqual([
      { key: 'volodymyr zelenskyy', rank: 0 },
      { key: 'volodimir zelenski', rank: 1 },
      { key: 'zelenskyy', rank: 2 },
      { key: 'zelenski', rank: 2 },
    ]);
    expect(indexKeys('  ', 0)).toEqual([]);
  });

  it.each([
    ['GIVEN a description THEN its key drops "the"', 'the Russian president', 'Vladimir Putin', 'russian president'],
    ['GIVEN an alias that is the name itself THEN it adds no key', 'Mr. Putin', 'Putin', null],
    ['GIVEN an empty alias THEN it adds no key', '  ', 'Putin', null],
  ])('%s', (_name, alias, name, expected) => {
    expect(aliasIndexKey(alias, name)).toBe(expected);
  });

  it.each([['he', false], ['They', false], ['', false], ['Mr Putin', true]] as const)('GIVEN the alias "%s" THEN usable: %s', (alias, ok) => {
    expect(usableAlias(alias)).toBe(ok);
  });

  it('GIVEN a lookup THEN it probes the name (tier 0), its variant (3) and its name keys (6); nothing for an empty name', () => {
    expect(lookupProbes('the Russian President')[0]).toEqual(['russian president', 0]);
    expect(lookupProbes('Zelenskyy')).toEqual([['zelenskyy', 0], ['zelenski', 3], ['zelenskyy', 6], ['zelenski', 6]]);
    expect(lookupProbes(' … ')).toEqual([]);
    expect(aliasKey('The  Foreign Office')).toBe('foreign office');
  });
});

describe('ranking', () => {
  it('GIVEN matches in several tiers THEN only the best tier is kept, most quoted first', () => {
    const hits = [
      { rec: sp(1, 'Dan Brown', 1), tier: 2 },
      { rec: sp(2, 'Gordon Brown', 5), tier: 2 },
      { rec: sp(3, 'Brownie', 9), tier: 8 },
      { rec: sp(1, 'Dan Brown', 1), tier: 8 },
    ];
    expect(bestTier(hits, 5).map((r) => r.name)).toEqual(['Gordon Brown', 'Dan Brown']);
    expect(bestTier(hits, 1).map((r) => r.name)).toEqual(['Gordon Brown']);
    expect(bestTier([], 5)).toEqual([]);
  });

  it('GIVEN suggestions with repeats THEN each speaker once, most quoted first, ties by name', () => {
    const found = [sp(1, 'Zed', 2), sp(2, 'Abe', 2), sp(1, 'Zed', 2), sp(3, 'Max', 7)];
    expect(rankSuggestions(found, 25).map((r) => r.name)).toEqual(['Max', 'Abe', 'Zed']);
  });

  it('GIVEN a misspelt name THEN the nearest keys within half their length come first, topped up with the most quoted', () => {
    const keyed = [
      { ...sp(1, 'Volodymyr Zelensky', 2), key: 'zelensky' },
      { ...sp(2, 'Paula Zelinski', 1), key: 'zelinski' },
      { ...sp(3, 'Xi Jinping', 9), key: 'zhou' },
    ];
    const close = rankClosest('Zelenskee', keyed, 3);
    expect(close.map((r) => r.speakerId)).toEqual([1, 2]);
    expect(topUp(close, [sp(3, 'Xi Jinping', 9), sp(1, 'Volodymyr Zelensky', 2)], 3).map((r) => r.speakerId)).toEqual([1, 2, 3]);
    expect(topUp(close, [sp(3, 'Xi Jinping', 9)], 2).map((r) => r.speakerId)).toEqual([1, 2]);
  });
});
