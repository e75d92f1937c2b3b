// Noun phrases that name a speaker: subjects before a speech verb, names after an inverted verb.
import { AUX_ADVERBS, FIRST_NAMES, NOT_NAME, NOUNISH, ROLE_NOUNS, SPEECH_VERBS, TITLES, isRoleNoun } from './lexicon.ts';
import { bare, type Token } from './tokens.ts';
import { allTitles, isTitle, join, nameFromRun, rolePhrase, stripRole } from './names.ts';
import { BARE_PLURALS, CLAUSE_WORDS, CONNECTORS, DETERMINERS, POSSESSIVE, pluralBeforeOrg, pronounOf, type Mention } from './phrase-words.ts';
import { phraseAfter } from './phrase-after.ts';

export { isSpeechVerb, pluralBeforeOrg, pronounOf, type Mention, type MentionKind } from './phrase-words.ts';
export { phraseAfter, stripRole };





/** Parses the noun phrase that ends right before token `end` (exclusive), not crossing `floor`. */
export function phraseBefore(tokens: readonly Token[], end: number, text: string, floor = 0): Mention | null {
  let i = end - 1;
  if (i < floor) return null;
  const last = tokens[i]!;
  if (last.kind !== 'word') return null;
  const pron = pronounOf(last);
  if (pron) return { kind: 'pronoun', text: last.text, name: pron, role: null, from: i, to: i + 1 };
  if (last.cap && !NOT_NAME.has(bare(last.lower))) {
    // A run of capitalised words, possibly joined by connectors or "and" (a group).
    let k = i;
    let group = false;
    while (k - 1 >= floor) {
      const p = tokens[k - 1]!;
      // (A possessive ends the name unless it is a plural's before an organisation's head: "the Musicians' Union".)
      if (p.kind === 'word' && p.cap && !NOT_NAME.has(bare(p.lower)) && !(POSSESSIVE.test(p.lower) && !pluralBeforeOrg(tokens, k - 1))) { k--; continue; }
      if (p.kind === 'word' && CONNECTORS.has(p.lower) && tokens[k - 2]?.cap) { k--; continue; }
      if (p.kind === 'word' && p.lower === 'and' && tokens[k - 2]?.cap && !NOT_NAME.has(bare(tokens[k - 2]!.lower))) { k--; group = true; continue; }
      break;
    }
    // Names: a title with its complement ("Chancellor of the Exchequer Alan Whitby"): the capitalised
    // complement before a first name belongs to the title, not to the name.
    let complement: { role: string; from: number } | null = null;
    if (tokens[k - 1]?.lower === 'the' && tokens[k - 2]?.lower === 'of' && tokens[k - 3] && isTitle(tokens[k - 3]!) && k - 3 >= floor) {
      for (let f = k + 1; f <= i && f <= k + 3; f++) {
        if (!FIRST_NAMES.has(bare(tokens[f]!.lower))) continue;
        let t0 = k - 3;
        while (t0 - 1 >= floor && tokens[t0 - 1]!.kind === 'word' && tokens[t0 - 1]!.cap && isTitle(tokens[t0 - 1]!)) t0--;
        complement = { role: join(tokens, t0, f, text), from: t0 };
        k = f;
        break;
      }
    }
    if (complement && !group) {
      const run = nameFromRun(tokens, k, i + 1, text);
      if (run) return { kind: 'name', text: join(tokens, complement.from, i + 1, text), name: run.name, role: complement.role, from: complement.from, to: i + 1 };
    }
    // Role words right before the run, ending in a role noun ("campaign manager Robby Mook", "Chinese leader Xi").
    let r = k;
    if (k - 1 >= floor && tokens[k - 1]!.kind === 'word' && !tokens[k - 1]!.cap && isRoleNoun(tokens[k - 1]!.lower)) {
      r = k - 1;
      while (r - 1 >= floor && k - r < 4) {
        const p = tokens[r - 1]!;
        if (p.kind !== 'word' || CLAUSE_WORDS.has(p.lower) || SPEECH_VERBS.has(p.lower) || DETERMINERS.has(p.lower)) break;
        if (p.cap && !/(?:an|ese|ish|i|ic|'s)$/.test(p.lower) && !TITLES.has(bare(p.lower))) break;
        r--;
      }
    }
    let d = k;
    while (d - 1 >= floor && tokens[d - 1]!.kind === 'word' && !tokens[d - 1]!.cap && !CLAUSE_WORDS.has(tokens[d - 1]!.lower) && !DETERMINERS.has(tokens[d - 1]!.lower) && k - d < 3) d--;
    if (d - 1 >= floor && DETERMINERS.has(tokens[d - 1]!.lower) && (allTitles(tokens, k, i + 1) || (d === k && !group && rolePhrase(tokens, tokens[d - 1], k, i + 1)))) {
      // "the Bishop said", "the Prime Minister said": a role written with capitals.
      d--;
      return { kind: 'nominal', text: join(tokens, d, i + 1, text), name: join(tokens, k, i + 1, text), role: null, from: d, to: i + 1 };
    }
    const run = nameFromRun(tokens, k, i + 1, text);
    if (!run) return null;
    const lowerRole = r < k ? join(tokens, r, k, text) : null;
    const role = [lowerRole, run.role].filter(Boolean).join(' ') || null;
    if (group) {
      const g = join(tokens, k, i + 1, text).replace(/^(?:the|The)\s+/, '');
      // "Economic and Fiscal Policy Minister Heizo Takenaka": "and" inside a title, not a group.
      const lastPart = stripRole(g.split(/\s+and\s+/).pop()!);
      // ("the Cardinal and Archbishop Dr Rowan Williams": two people; the role is only the last one's.)
      const coordinated = tokens[k - 1]?.lower === 'the';
      if (lastPart.role) return { kind: 'name', text: join(tokens, r, i + 1, text), name: lastPart.name, role: coordinated ? lastPart.role : g.slice(0, g.length - lastPart.name.length).trim(), from: r, to: i + 1 };
      return { kind: 'group', text: join(tokens, r, i + 1, text), name: g, role, from: r, to: i + 1 };
    }
    return { kind: 'name', text: join(tokens, r, i + 1, text), name: run.name, role, from: r, to: i + 1 };
  }
  if (!last.cap && !CLAUSE_WORDS.has(last.lower) && (!SPEECH_VERBS.has(last.lower) || NOUNISH.has(last.lower))) {
    // A nominal: a determiner (or a possessive name) and up to five words.
    for (let k = i; k >= Math.max(floor, i - 10); k--) {
      const t = tokens[k]!;
      if (t.kind !== 'word') break;
      const joinsName = /^(?:for|of|and)$/.test(t.lower) && !!tokens[k + 1]?.cap && tokens[k - 1]?.kind === 'word';
      if (k < i && (CLAUSE_WORDS.has(t.lower) || SPEECH_VERBS.has(t.lower)) && !DETERMINERS.has(t.lower) && !(t.lower === 'and' && tokens[k - 1]?.kind === 'word') && !joinsName) break;
      if (DETERMINERS.has(t.lower) || (k < i && POSSESSIVE.test(t.lower))) {
        let from = k;
        // "Hillary Clinton's campaign", "Lakeside Ferries' chief executive": include the whole possessive name.
        while (from - 1 >= floor && tokens[from - 1]!.cap && tokens[from - 1]!.kind === 'word' && !NOT_NAME.has(bare(tokens[from - 1]!.lower)) && POSSESSIVE.test(tokens[k]!.lower)) from--;
        // Chains: "the town's mayor, Ilse Brandt, said": the determiner before a possessive opens the phrase.
        if (from === k && !DETERMINERS.has(t.lower) && from - 1 >= floor && /^(?:the|a|an)$/.test(tokens[from - 1]!.lower)) from--;
        const words = join(tokens, DETERMINERS.has(t.lower) ? k + 1 : k, i + 1, text);
        return { kind: 'nominal', text: join(tokens, from, i + 1, text), name: words, role: null, from, to: i + 1 };
      }
    }
    // "UKIP officials": the body they speak for stays in the phrase.
    const body = tokens[i - 1];
    if (BARE_PLURALS.has(last.lower) && body && i - 1 >= floor && body.kind === 'word' && body.cap && !NOT_NAME.has(bare(body.lower)) && !/(?:'s|s')$/.test(body.lower)) {
      return { kind: 'nominal', text: join(tokens, i - 1, i + 1, text), name: join(tokens, i - 1, i + 1, text), role: null, from: i - 1, to: i + 1 };
    }
    if (BARE_PLURALS.has(last.lower) || (tokens[i - 1]?.kind === 'word' && BARE_PLURALS.has(last.lower))) {
      return { kind: 'nominal', text: last.text, name: last.lower, role: null, from: i, to: i + 1 };
    }
  }
  return null;
}

const NOT_ADVERBS = new Set(['family', 'rally', 'ally', 'assembly', 'supply', 'reply', 'belly', 'bully', 'jelly', 'holly', 'only', 'italy', 'july', 'early', 'lily', 'emily', 'kelly', 'sally', 'daily', 'weekly', 'monthly', 'anomaly', 'fly']);

function isAdverb(w: string): boolean {
  return w.length > 4 && w.endsWith('ly') && !NOT_ADVERBS.has(w);
}

/** Skips auxiliaries and adverbs backwards from `end` (exclusive); returns the new end. */
export function skipAuxBack(tokens: readonly Token[], end: number, floor = 0): number {
  let i = end;
  while (i - 1 >= floor && tokens[i - 1]!.kind === 'word' && !tokens[i - 1]!.cap && (AUX_ADVERBS.has(tokens[i - 1]!.lower) || isAdverb(tokens[i - 1]!.lower))) i--;
  // "on Tuesday", "last week": capitalised day names too
  while (i - 1 >= floor && tokens[i - 1]!.kind === 'word' && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tokens[i - 1]!.lower)) {
    i--;
    while (i - 1 >= floor && tokens[i - 1]!.kind === 'word' && !tokens[i - 1]!.cap && AUX_ADVERBS.has(tokens[i - 1]!.lower)) i--;
  }
  return i;
}

/** The subject of the verb at token `verb`: "Putin (also) said", "Flynn, a top surrogate, said". */
export function subjectOf(tokens: readonly Token[], verb: number, text: string, floor = 0): Mention | null {
  let end = skipAuxBack(tokens, verb, floor);
  let appositive: string | null = null;
  let appStart = -1;
  let appEnd = -1;
  if (end - 1 > floor && DASH_WORDS.has(tokens[end - 1]!.text)) {
    // "Andrei Illarionov - then economic adviser to President Vladimir Putin - told …": apposition between dashes.
    let k = end - 2;
    while (k > floor && k > end - 18 && !DASH_WORDS.has(tokens[k]!.text) && tokens[k]!.kind !== 'quote' && tokens[k]!.text !== '"') k--;
    if (k > floor && DASH_WORDS.has(tokens[k]!.text) && k < end - 2) {
      const named = phraseBefore(tokens, k, text, floor);
      if (named && named.kind === 'name') return { ...named, role: named.role ?? join(tokens, k + 1, end - 1, text) };
    }
    return null;
  }
  if (end - 1 >= floor && tokens[end - 1]!.text === ',') {
    // A relative clause may hold commas of its own: "The actor, whose films include X, Y and Z, said".
    for (let r = end - 2; r > floor && r > end - 30; r--) {
      if (tokens[r]!.kind === 'quote' || tokens[r]!.text === '"') break;
      if (tokens[r]!.text === ',' && /^(?:who|whose|which|where)$/.test(tokens[r + 1]?.lower ?? '')) {
        const core = phraseBefore(tokens, r, text, floor);
        if (core) return core;
        break;
      }
    }
    // Apposition or relative clause between commas.
    let k = end - 2;
    while (k >= floor && k > end - 16 && tokens[k]!.text !== ',' && tokens[k]!.kind !== 'quote' && tokens[k]!.text !== '"') k--;
    if (k >= floor && tokens[k]!.text === ',' && k < end - 2) {
      appositive = join(tokens, k + 1, end - 1, text);
      appStart = k + 1;
      appEnd = end - 1;
      end = k;
    } else return null;
  }
  const m = phraseBefore(tokens, end, text, floor);
  if (!m) return null;
  if (!appositive) {
    // "Ms Robinson, who presents The Weakest Link tells …": a relative clause missing its closing comma.
    for (let r = m.from - 1; r > floor && r >= m.from - 5; r--) {
      const t = tokens[r]!;
      if (t.kind !== 'word') break;
      if (/^(?:who|whose)$/.test(t.lower) && tokens[r - 1]?.text === ',') {
        const core = phraseBefore(tokens, r - 1, text, floor);
        if (core && core.kind === 'name') return core;
        break;
      }
    }
  }
  const titled = tokens.slice(Math.max(floor, m.from - 8), m.to).some((t) => t.kind === 'word' && (TITLES.has(bare(t.lower)) || ROLE_NOUNS.has(bare(t.lower))));
  const descriptive = m.kind === 'name' && titled && (!/\s/.test(m.name) || (!FIRST_NAMES.has(bare(m.name.split(/\s+/)[0]!.toLowerCase())) && / of /.test(m.name)));
  if ((m.kind === 'nominal' || descriptive) && appositive && appStart >= 0) {
    // "the mayor, Daniel Ortiz, said": the name in the apposition is the speaker.
    const named = phraseAfter(tokens, appStart, text, appEnd);
    if (named && named.kind === 'name' && named.to === appEnd) return { ...named, role: m.name, from: m.from, text: join(tokens, m.from, appEnd, text) };
  }
  if (appositive && !/^(?:who|which|whose|where)\b/.test(appositive)) m.role = m.role ? `${m.role}; ${appositive}` : appositive;
  else if (appositive && /^who\b/.test(appositive)) m.role = m.role ?? null;
  return m;
}

const DASH_WORDS = new Set(['-', '–', '—', '--']);



