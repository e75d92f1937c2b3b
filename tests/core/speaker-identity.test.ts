import { describe, expect, it } from 'vitest';
import {
  checkSpeakerName, classifyAliases, foldName, groupMembers, identityKeys, isListedQuote, isRoleAlias, lookupKeys, roleKey,
  sameIdentity, spellingKey, transliterate,
} from '../../src/core/speaker-identity.ts';

describe('transliterate and foldName: names in another script or with accents', () => {
  const cases: Array<{ name: string; input: string; folded: string }> = [
    { name: 'GIVEN Cyrillic "Путин" THEN "putin"', input: 'Путин', folded: 'putin' },
    { name: 'GIVEN Cyrillic first and last name THEN both transliterated', input: 'Владимир Путин', folded: 'vladimir putin' },
    { name: 'GIVEN accents and a title THEN accent-free without the title', input: 'Mr. José Núñez', folded: 'jose nunez' },
    { name: 'GIVEN a possessive THEN it is dropped', input: "Dame Ana López's", folded: 'ana lopez' },
  ];
  for (const c of cases) it(c.name, () => expect(foldName(c.input)).toBe(c.folded));
  it('GIVEN Latin text THEN transliterate leaves it as it is', () => expect(transliterate('Olaf Berg')).toBe('Olaf Berg'));
  it('GIVEN "Зеленский" THEN the same spelling key as "Zelensky"', () => {
    expect(spellingKey(foldName('Зеленский'))).toBe(spellingKey('zelensky'));
  });
});

describe('identityKeys and sameIdentity: who may be merged across articles', () => {
  const cases: Array<{ name: string; a: string; b: string; same: boolean; kind?: 'person' | 'organisation' }> = [
    { name: 'GIVEN the same full name with and without accents THEN one person', a: 'Zoë Marchetti', b: 'Zoe Marchetti', same: true },
    { name: 'GIVEN transliteration variants of a full name THEN one person', a: 'Volodymyr Zelenskyy', b: 'Volodymyr Zelensky', same: true },
    { name: 'GIVEN a Cyrillic and a Latin full name THEN one person', a: 'Владимир Путин', b: 'Vladimir Putin', same: true },
    { name: 'GIVEN a title before one of them THEN still one person', a: 'Prime Minister Olaf Berg', b: 'Olaf Berg', same: true },
    { name: 'GIVEN a one-word name and a hyphenated surname that contains it THEN two people', a: 'Rémi', b: 'Luc Saint-Rémi', same: false },
    { name: 'GIVEN a surname alone and a full name THEN not merged (weak evidence)', a: 'Berg', b: 'Olaf Berg', same: false },
    { name: 'GIVEN two people sharing a surname THEN two people', a: 'Olaf Berg', b: 'Anna Berg', same: false },
    { name: 'GIVEN an organisation by one word THEN merged on it', a: 'Ofwat', b: 'Ofwat', same: true, kind: 'organisation' },
  ];
  for (const c of cases) it(c.name, () => expect(sameIdentity(c.a, c.b, c.kind)).toBe(c.same));

  const keyCases: Array<{ name: string; input: string; kind?: 'person' | 'group'; keys: string[] }> = [
    { name: 'GIVEN a title or role THEN no key', input: 'the prime minister', keys: [] },
    { name: 'GIVEN an event named after a title THEN no key', input: "Prime Minister's Questions", keys: [] },
    { name: 'GIVEN a group THEN no key (its members are indexed instead)', input: 'Norway and Denmark', kind: 'group', keys: [] },
    { name: 'GIVEN a title complement before a name THEN keys of the name only', input: 'Exchequer Alan Whitby', keys: ['alan whitby', 'alan vhitbi'] },
  ];
  for (const c of keyCases) it(c.name, () => expect(identityKeys(c.input, c.kind)).toEqual(c.keys));
});

describe('lookupKeys: finding a speaker by what a user types', () => {
  it('GIVEN "Путин" THEN the key "putin" that the surname index of "Vladimir Putin" holds', () => {
    expect(lookupKeys('Путин')).toContain('putin');
    expect(lookupKeys('Vladimir Putin')).toContain('putin');
  });
  it('GIVEN an empty query THEN no keys', () => expect(lookupKeys('  ')).toEqual([]));
});

describe('isRoleAlias and roleKey: titles and descriptions stay article-local', () => {
  const cases: Array<{ name: string; alias: string; role: string | null }> = [
    { name: 'GIVEN "the minister" THEN a role', alias: 'the minister', role: 'minister' },
    { name: 'GIVEN "the prime minister" THEN a role', alias: 'the prime minister', role: 'prime minister' },
    { name: 'GIVEN "The Russian President" THEN a role with its qualifier', alias: 'The Russian President', role: 'russian president' },
    { name: 'GIVEN "a spokesman for the union" THEN a role', alias: 'a spokesman for the union', role: 'spokesman for the union' },
    { name: 'GIVEN "the 48-year-old" THEN a description', alias: 'the 48-year-old', role: '48-year-old' },
    { name: 'GIVEN "Mr Berg" THEN a name, not a role', alias: 'Mr Berg', role: null },
    { name: 'GIVEN "Olaf Berg" THEN a name, not a role', alias: 'Olaf Berg', role: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(isRoleAlias(c.alias)).toBe(c.role !== null);
      expect(roleKey(c.alias)).toBe(c.role);
    });
  }
});

describe('classifyAliases: name variants versus article-local roles', () => {
  it('GIVEN a person\'s aliases THEN spelling variants are names, titles are roles, pronouns and others dropped', () => {
    expect(classifyAliases('Vadim Mitroshin', ['Mr Mitroshyn', 'the captain', 'he', 'Ilse Brandt', 'the transport minister'])).toEqual({
      names: ['Mr Mitroshyn'],
      roles: ['the captain', 'the transport minister'],
    });
  });
  it('GIVEN an organisation the article also calls by another name THEN that name is kept', () => {
    expect(classifyAliases('Conservatives', ['the Tories', 'a Tory spokeswoman'], 'organisation')).toEqual({
      names: ['the Tories'],
      roles: ['a Tory spokeswoman'],
    });
  });
});

describe('checkSpeakerName: obviously non-person names', () => {
  const cases: Array<{ name: string; input: string; out: string | null; reason?: string }> = [
    { name: 'GIVEN "Prime Minister\'s Questions" THEN an event, not a speaker', input: "Prime Minister's Questions", out: null, reason: 'event' },
    { name: 'GIVEN a title alone THEN not a speaker', input: 'Prime Minister', out: null, reason: 'title' },
    { name: 'GIVEN "Exchequer Alan Whitby" THEN "Alan Whitby"', input: 'Exchequer Alan Whitby', out: 'Alan Whitby' },
    { name: 'GIVEN trailing "The" THEN cut', input: 'Vadim Mitroshin The', out: 'Vadim Mitroshin' },
    { name: 'GIVEN a clean name THEN unchanged', input: 'Ilse Brandt', out: 'Ilse Brandt' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = checkSpeakerName(c.input);
      expect(r.name).toBe(c.out);
      if (r.name === null) expect(r.reason).toBe(c.reason);
    });
  }
  it('GIVEN organisations named with a title complement or a party word THEN they stay as they are', () => {
    expect(checkSpeakerName('Pensions Policy Institute', 'organisation').name).toBe('Pensions Policy Institute');
    expect(checkSpeakerName('Labour', 'organisation').name).toBe('Labour');
  });
  it('GIVEN an organisation with a possessive THEN it stays a name', () => {
    expect(checkSpeakerName("Children's Society", 'organisation').name).toBe("Children's Society");
  });
});

describe('groupMembers: a group is not one speaker', () => {
  const cases: Array<{ name: string; input: string; members: string[] }> = [
    { name: 'GIVEN "Norway and Denmark" THEN two members', input: 'Norway and Denmark', members: ['Norway', 'Denmark'] },
    { name: 'GIVEN three with commas THEN three members', input: 'France, Spain and Italy', members: ['France', 'Spain', 'Italy'] },
    { name: 'GIVEN one name THEN itself', input: 'Olaf Berg', members: ['Olaf Berg'] },
  ];
  for (const c of cases) it(c.name, () => expect(groupMembers(c.input)).toEqual(c.members));
});

describe('isListedQuote: low-value one- or two-word partial quotes', () => {
  const cases: Array<{ name: string; text: string; kind: 'direct' | 'partial' | 'block'; listed: boolean; all: boolean }> = [
    { name: 'GIVEN a one-word partial THEN hidden by default, shown with kind:all', text: 'hurt', kind: 'partial', listed: false, all: true },
    { name: 'GIVEN a two-word partial THEN hidden by default', text: 'very tough', kind: 'partial', listed: false, all: true },
    { name: 'GIVEN a three-word partial THEN listed', text: 'a sensible compromise', kind: 'partial', listed: true, all: true },
    { name: 'GIVEN a one-word full quote THEN listed', text: 'No.', kind: 'direct', listed: true, all: true },
    { name: 'GIVEN a block quote THEN listed', text: 'We will sail at dawn.', kind: 'block', listed: true, all: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(isListedQuote({ text: c.text, kind: c.kind })).toBe(c.listed);
      expect(isListedQuote({ text: c.text, kind: c.kind }, 'all')).toBe(c.all);
    });
  }
});
