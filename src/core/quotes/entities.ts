// The people and organisations an article names, in order, with roles and gender, and a light
// coreference: names by surname, he/she by gender and salience, "the president" by role.
import type { SpeakerKind } from '../article.ts';
import { FEMALE_HONORIFICS, FIRST_NAMES, MALE_HONORIFICS } from './lexicon.ts';
import { fold, isKnownPlace, kindOf, nameWords } from './entity-names.ts';
import { HONORIFIC_START, misspeltIn, rawWords, sameOrganisationIn, stemOfName } from './entity-variants.ts';

export { fold, isKnownPlace, nameWords };
export { orgStem } from './entity-variants.ts';

export type Gender = 'male' | 'female' | null;

export interface Entity {
  id: number;
  name: string;
  words: string[];
  kind: SpeakerKind;
  gender: Gender;
  votes: { male: number; female: number };
  roles: string[];
  roleWords: Set<string>;
  aliases: Set<string>;
  /** Global offsets of the mentions, ascending. */
  mentions: number[];
  /** The organisation stem of `name`, cached with the name it was computed for. */
  stem?: { name: string; value: string };
}

export interface NameMention {
  entity: Entity;
  pos: number;
  sentence: number;
  /** In subject position: at the start of its sentence or right after an introductory phrase. */
  subject: boolean;
  /** Written as a possessive ("Mr Blair's insistence"). */
  possessive?: boolean;
  /** A he/she carried forward by the light coreference chain, not a name in the text. */
  pronoun?: boolean;
}

const ABBREV_ROLES: Record<string, string[]> = { sen: ['senator'], gov: ['governor'], rep: ['representative', 'congressman', 'congresswoman', 'lawmaker'], gen: ['general'], lt: ['lieutenant'], dr: ['doctor'], pres: ['president'], sec: ['secretary'], prof: ['professor'], ceo: ['chief', 'executive'], pm: ['prime', 'minister'], mp: ['lawmaker'] };

export function createRegistry() {
  const entities: Entity[] = [];
  const mentions: NameMention[] = [];
  /** Entities by each word of their name: keeps lookups linear in the article. */
  const byWord = new Map<string, Entity[]>();
  const index = (e: Entity): void => {
    for (const w of e.words) {
      const list = byWord.get(w) ?? [];
      if (!list.includes(e)) list.push(e);
      byWord.set(w, list);
    }
  };

  function roleWordsOf(role: string): string[] {
    return fold(role).split(/[^\p{L}]+/u).filter(Boolean).flatMap((w) => [w, ...(ABBREV_ROLES[w] ?? [])]);
  }

  function addRole(e: Entity, role: string | null): void {
    if (!role) return;
    const r = role.replace(/\s+/g, ' ').trim();
    if (!r || e.roles.includes(r)) return;
    e.roles.push(r);
    for (const w of roleWordsOf(r)) {
      e.roleWords.add(w);
      if (MALE_HONORIFICS.has(w)) e.votes.male += 3;
      if (FEMALE_HONORIFICS.has(w)) e.votes.female += 3;
    }
  }

  function genderOf(e: Entity): Gender {
    const first = e.kind === 'person' ? FIRST_NAMES.get(e.words[0]!) : undefined;
    const m = e.votes.male + (first === 'male' ? 2 : 0);
    const f = e.votes.female + (first === 'female' ? 2 : 0);
    if (m > f) return 'male';
    if (f > m) return 'female';
    return null;
  }

  /** Finds the entity a name refers to near `pos`, creating it when new. */
  function lookup(name: string, pos: number, create: boolean): Entity | null {
    const words = nameWords(name);
    if (words.length === 0) return null;
    const full = words.join(' ');
    const last = words[words.length - 1]!;
    const near = byWord.get(last) ?? [];
    // (Organisations: "Labour Party" and "Green Party" both lose their party word as a title; their stems tell them apart.)
    const agrees = (e: Entity): boolean => e.kind !== 'organisation' || e.words.length > 1 || stemOf(e) === stemOfName(name);
    const exact = near.find((e) => e.words.join(' ') === full && agrees(e));
    if (exact) return exact;
    if (words.includes('and')) {
      // "Russia and China" = "China and Russia": a group is the set of its members.
      const members = full.split(' and ').sort().join('|');
      const same = (byWord.get(words[0]!) ?? []).find((e) => e.kind === 'group' && e.words.join(' ').split(' and ').sort().join('|') === members);
      if (same) return same;
    }
    let cands: Entity[];
    if (words.length === 1) {
      cands = near.filter((e) => e.words[e.words.length - 1] === last && agrees(e));
      // "Hillary", "Sir Digby": a first name of someone named in full, when no surname matches.
      if (cands.length === 0) cands = near.filter((e) => e.kind === 'person' && e.words[0] === last && e.words.length > 1);
    } else {
      const suffix = (e: Entity) => e.words.length > words.length && e.words.slice(-words.length).join(' ') === full;
      // (An organisation known by its head word alone, "Party", is not every "X Party": its stem must agree.)
      cands = near.filter((e) => e.kind !== 'group' && e.words[e.words.length - 1] === last && ((e.words.length === 1 && (e.kind !== 'organisation' || stemOf(e) === stemOfName(name))) || e.words[0] === words[0] || suffix(e) || (e.words[0]!.length <= 2 && e.words[0]![0] === words[0]![0])));
    }
    if (cands.length === 0 && !HONORIFIC_START.test(name)) cands = sameOrganisation(name);
    if (cands.length === 0) {
      const variant = misspelt(words);
      if (variant.length > 0 && kindOf(name, words) === 'person') cands = variant;
    }
    if (cands.length === 0 && words.length === 1 && /^\p{Lu}{2,6}$/u.test(name.trim())) {
      // "IMF" for "International Monetary Fund": an acronym of a name already in the article.
      const acronym = last;
      const expanded = entities.find((e) => e.words.length >= 2 && e.words.filter((w) => !/^(?:of|and|the|for|de)$/.test(w)).map((w) => w[0]).join('') === acronym);
      if (expanded) cands = [expanded];
    }
    if (cands.length > 0) {
      const before = cands.filter((e) => (e.mentions[0] ?? Infinity) <= pos);
      const pool = before.length > 0 ? before : cands;
      // Several people share the surname: one named just before wins, else the one the article introduced first.
      const recent = pool.filter((e) => pos - lastBefore(e, pos) <= 200 && lastBefore(e, pos) >= 0);
      const best = recent.length > 0
        ? recent.reduce((a, b) => (lastBefore(b, pos) > lastBefore(a, pos) ? b : a))
        : pool.reduce((a, b) => ((a.mentions[0] ?? Infinity) <= (b.mentions[0] ?? Infinity) ? a : b));
      // Organisations: a bare adjective ("Conservative", "Tory") yields to the organisation's own name.
      let org = false;
      let adjective = false;
      if (best.kind === 'organisation') {
        const raw = rawWords(name).filter((w) => w !== 'the');
        const own = rawWords(best.name).filter((w) => w !== 'the');
        const stem = stemOfName(name);
        org = stem === stemOf(best);
        adjective = org && own.length === 1 && stemOf(best) === own[0] && stem !== raw.join(' ');
      }
      // (One organisation keeps the first name the article gives it: "the Green Party", then "the Greens".)
      if ((org ? false : words.length > best.words.length) || (adjective && !words.includes('and'))) {
        best.words = words;
        best.name = cleanName(name);
        if (best.kind !== 'group') best.kind = kindOf(best.name, words);
        index(best);
      }
      return best;
    }
    if (!create) return null;
    const e: Entity = { id: entities.length, name: cleanName(name), words, kind: kindOf(name, words), gender: null, votes: { male: 0, female: 0 }, roles: [], roleWords: new Set(), aliases: new Set(), mentions: [] };
    entities.push(e);
    index(e);
    return e;
  }

  const stemOf = (e: Entity): string => {
    if (e.stem?.name !== e.name) e.stem = { name: e.name, value: stemOfName(e.name) };
    return e.stem.value;
  };
  const sameOrganisation = (name: string): Entity[] => sameOrganisationIn(entities, name, stemOf);
  const misspelt = (words: readonly string[]): Entity[] => misspeltIn(entities, words);

  function lastBefore(e: Entity, pos: number): number {
    const ms = e.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? ms[lo - 1]! : -1;
  }

  /** Mentions before `pos` within `span` sentences, in text order (mentions are kept sorted by position). */
  function priorWindow(pos: number, sentence: number, span: number): NameMention[] {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.pos < pos) lo = mid + 1;
      else hi = mid;
    }
    let k = lo;
    while (k > 0 && sentence - mentions[k - 1]!.sentence <= span) k--;
    return mentions.slice(k, lo);
  }

  function cleanName(name: string): string {
    return name.replace(/['’]s$/u, '').replace(/\s+/g, ' ').trim();
  }

  /** Records a name mention at `pos` (global offset) in sentence `sentence`. */
  function mention(name: string, role: string | null, pos: number, sentence: number, subject: boolean, possessive = false): Entity | null {
    const e = lookup(name, pos, true);
    if (!e) return null;
    const lastPos = e.mentions[e.mentions.length - 1];
    if (lastPos === undefined || lastPos < pos) {
      e.mentions.push(pos);
      mentions.push({ entity: e, pos, sentence, subject, possessive });
    } else if (!e.mentions.includes(pos)) {
      e.mentions.push(pos);
      e.mentions.sort((a, b) => a - b);
      mentions.push({ entity: e, pos, sentence, subject, possessive });
    }
    addRole(e, role);
    return e;
  }

  /** A he/she/his/her seen at `pos`: one vote for the person the sentence is about. */
  function vote(pronoun: 'male' | 'female', sentence: number, pos: number): void {
    const inSentence = priorWindow(pos, sentence, 0).filter((m) => m.sentence === sentence && m.entity.kind === 'person');
    const distinct = new Set(inSentence.map((m) => m.entity));
    if (distinct.size === 1 && inSentence[0]!.subject) inSentence[0]!.entity.votes[pronoun]++;
  }

  /** A he/she in subject position resolved during the scan: it carries its person into later sentences. */
  function chain(pronoun: 'he' | 'she', pos: number, sentence: number): void {
    const e = resolvePronoun(pronoun, pos, sentence, null);
    if (!e) return;
    if (e.mentions.length === 0 || e.mentions[e.mentions.length - 1]! < pos) e.mentions.push(pos);
    mentions.push({ entity: e, pos, sentence, subject: true, pronoun: true });
  }

  /** A definite description in subject position ("The 48-year-old actor crossed…") names `e` again here. */
  function chainEntity(e: Entity, pos: number, sentence: number): void {
    if (e.mentions.length === 0 || e.mentions[e.mentions.length - 1]! < pos) e.mentions.push(pos);
    mentions.push({ entity: e, pos, sentence, subject: true });
  }

  function finish(): void {
    mentions.sort((a, b) => a.pos - b.pos);
    for (const e of entities) e.gender = genderOf(e);
  }

  function compatible(e: Entity, g: 'male' | 'female' | 'plural'): boolean {
    if (g === 'plural') return e.kind === 'group' || e.kind === 'organisation' || e.kind === 'place';
    if (e.kind !== 'person') return false;
    const eg = genderOf(e);
    return eg === g || (eg === null && (/\s/.test(e.name) || e.roles.length > 0));
  }

  /** he/she/they at `pos` in `sentence`: the nearest compatible mention in the sentence, else the subject of an earlier one. */
  /** `preferredAt`: where the preferred entity (the last quote's speaker) was last quoted. */
  function resolvePronoun(pronoun: string, pos: number, sentence: number, preferred: Entity | null, preferredAt = -1, preferredSentence = -99): Entity | null {
    if (pronoun === 'it') {
      // "it" speaks for an organisation named in this or the previous sentence.
      const orgs = priorWindow(pos, sentence, 1).filter((m) => m.entity.kind === 'organisation');
      return orgs.length > 0 ? orgs[orgs.length - 1]!.entity : null;
    }
    const g = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : pronoun === 'they' ? 'plural' : null;
    if (!g) return null;
    const prior = priorWindow(pos, sentence, 8);
    // In the pronoun's own sentence a possessive ("Rory Bremner's impression") yields to a plain mention.
    const inSentence = prior.filter((m) => m.sentence === sentence && compatible(m.entity, g));
    const plain = inSentence.filter((m) => !m.possessive);
    const same = plain.length > 0 ? plain : inSentence;
    const strict = (m: NameMention) => g === 'plural' || genderOf(m.entity) === g;
    if (same.length > 0) {
      const known = same.filter(strict);
      return (known.length > 0 ? known : same)[(known.length > 0 ? known : same).length - 1]!.entity;
    }
    if (preferred && compatible(preferred, g) && (g === 'plural' || genderOf(preferred) === g)) {
      const recentOther = prior.filter((m) => m.entity !== preferred && compatible(m.entity, g));
      // Chains: the preferred speaker is still the one talked of where the text last names them as a
      // subject; a possessive ("Vos's plan") or an object ("shown to Mr Vos") in someone else's sentence
      // does not make them the subject again.
      let lastPref = -1;
      for (let k = prior.length - 1; k >= 0; k--) if (prior[k]!.entity === preferred && !prior[k]!.possessive && prior[k]!.subject) { lastPref = prior[k]!.pos; break; }
      if (lastPref < 0 && !prior.some((m) => m.entity === preferred)) lastPref = lastBefore(preferred, pos);
      const quotedLast = Math.max(lastPref, preferredAt < pos ? preferredAt : -1);
      // Someone else named as the subject of a sentence since the preferred speaker was last quoted takes over.
      // (Or the only person of a sentence: "One dissenting opinion came from Brian Gammage.")
      const personLike = (e: Entity) => e.kind === 'person' && (genderOf(e) !== null || /\s/.test(e.name));
      const sole = (m: NameMention) => !m.possessive && genderOf(m.entity) !== null && /\s/.test(m.entity.name) && !prior.some((o) => o.sentence === m.sentence && o.entity !== m.entity && personLike(o.entity));
      const newSubject = recentOther.some((m) => m.pos > quotedLast && !m.pronoun && m.entity.kind === 'person' && /\s/.test(m.entity.name) && (m.subject || sole(m)));
      if (recentOther.length === 0 || quotedLast >= recentOther[recentOther.length - 1]!.pos || (!newSubject && sentence - Math.max(prior.find((m) => m.entity === preferred && m.pos === lastPref)?.sentence ?? -99, preferredAt < pos ? preferredSentence : -99) <= 3)) return preferred;
    }
    for (let s = sentence - 1; s >= sentence - 8; s--) {
      const inS = prior.filter((m) => m.sentence === s && compatible(m.entity, g));
      const known = inS.filter(strict);
      // The subject of the sentence before anyone it mentions ("He told Cadena Cope…").
      const knownSubject = known.find((m) => m.subject);
      if (knownSubject) return knownSubject.entity;
      if (known.length > 0) return known[0]!.entity;
      if (inS.length > 0 && g !== 'plural') return inS[0]!.entity;
    }
    return null;
  }

  /** "the Russian president", "the senator": the entity whose role shares the head noun (and most modifiers). */
  function resolveNominal(np: string, pos: number): Entity | null {
    const words = fold(np).split(/[^\p{L}]+/u).filter(Boolean);
    const head = words[words.length - 1];
    if (!head) return null;
    let best: Entity | null = null;
    let bestScore = 0;
    let bestPos = -1;
    for (const e of entities) {
      if (!e.roleWords.has(head)) continue;
      const lp = lastBefore(e, pos);
      if (lp < 0) continue;
      const score = 10 + words.filter((w) => w !== head && e.roleWords.has(w)).length;
      if (score > bestScore || (score === bestScore && lp > bestPos)) { best = e; bestScore = score; bestPos = lp; }
    }
    return best;
  }

  /** "the committee" after "the Commons science committee": the latest organisation with that head word. */
  function resolveOrgHead(head: string, pos: number): Entity | null {
    let best: Entity | null = null;
    let bestPos = -1;
    for (const e of byWord.get(head) ?? []) {
      const lp = lastBefore(e, pos);
      if (e.kind === 'organisation' && e.words[e.words.length - 1] === head && lp > bestPos) { best = e; bestPos = lp; }
    }
    return best;
  }

  /** "the firm", "the panel": the organisation named last within the previous `span` sentences. */
  function resolveRecentOrg(pos: number, sentence: number, span: number): Entity | null {
    const prior = priorWindow(pos, sentence, span);
    let any: Entity | null = null;
    for (let k = prior.length - 1; k >= 0; k--) {
      const m = prior[k]!;
      if (m.entity.kind !== 'organisation') continue;
      // The organisation a sentence is about ("Macrovision says…") before one it mentions ("DVD players").
      if (m.subject) return m.entity;
      any ??= m.entity;
    }
    return any;
  }

  /** "The foreign secretary said" with no such role on record: the person the last sentences are about. */
  function resolveSalient(pos: number, sentence: number): Entity | null {
    const prior = priorWindow(pos, sentence, 2);
    let fallback: Entity | null = null;
    for (let k = prior.length - 1; k >= 0; k--) {
      const m = prior[k]!;
      if (!(m.subject && m.entity.kind === 'person' && /\s/.test(m.entity.name))) continue;
      // A person (known gender or role) before a two-word title such as "Polar Express".
      if (genderOf(m.entity) !== null || m.entity.roles.length > 0) return m.entity;
      fallback ??= m.entity;
    }
    return fallback;
  }

  return { entities, mentions, lookup, mention, vote, chain, chainEntity, finish, resolvePronoun, resolveNominal, resolveOrgHead, resolveRecentOrg, resolveSalient, addRole };
}

export type Registry = ReturnType<typeof createRegistry>;
