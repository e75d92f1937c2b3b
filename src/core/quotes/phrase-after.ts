// The name right after an inverted verb or a preposition: `said Don Fowler`, `said the town's mayor,
// Ilse Brandt`, `according to a spokeswoman for X`. Pure.
import { DEMONYMS, NOT_NAME, SPEECH_VERBS, TITLES, isRoleNoun } from './lexicon.ts';
import { allTitles, join, nameFromRun, rolePhrase, stripRole } from './names.ts';
import { BARE_PLURALS, CLAUSE_WORDS, CONNECTORS, DETERMINERS, POSSESSIVE, SPOKES, finiteSpeech, pluralBeforeOrg, pronounOf, type Mention } from './phrase-words.ts';
import { bare, type Token } from './tokens.ts';

const det0 = (t: Token) => DETERMINERS.has(t.lower);

/** The name right after an inverted verb: `said Don Fowler, who...`, `said the source`, `according to X`. */
export function phraseAfter(tokens: readonly Token[], start: number, text: string, ceil = tokens.length): Mention | null {
  let i = start;
  if (i >= ceil) return null;
  const first = tokens[i]!;
  if (first.kind !== 'word') return null;
  const pron = pronounOf(first);
  if (pron && pron !== 'it') return { kind: 'pronoun', text: first.text, name: pron, role: null, from: i, to: i + 1 };
  // Optional determiner and lowercase role words before a name: "the Russian president Vladimir Putin".
  let k = i;
  // "9/11 widow Terry Strada": numbers can open the role words.
  if (!det0(first)) while (k < ceil && k < i + 3 && (/^\d/.test(tokens[k]!.text) || tokens[k]!.text === '/') && tokens[k + 1]) k++;
  const det = (DETERMINERS.has(first.lower) && first.lower !== 'that') || first.lower === 'the';
  if (det) k++;
  let roleEnd = k;
  const roleWord = (t: Token) => t.kind === 'word' && (!t.cap || ((DEMONYMS.has(bare(t.lower)) || TITLES.has(bare(t.lower))) && tokens[roleEnd + 1]?.kind === 'word' && !tokens[roleEnd + 1]!.cap)) && !CLAUSE_WORDS.has(t.lower) && !finiteSpeech(t.lower) && !DETERMINERS.has(t.lower);
  while (roleEnd < ceil && roleEnd - k < 6 && roleWord(tokens[roleEnd]!)) roleEnd++;
  // "the cardinal used a …": no name follows, so the description ends at its last role noun.
  if (roleEnd > k && !(tokens[roleEnd]?.cap && tokens[roleEnd]!.kind === 'word')) {
    let r = roleEnd;
    while (r > k && !isRoleNoun(tokens[r - 1]!.lower)) r--;
    if (r > k) roleEnd = r;
  }
  if (det && roleEnd > k && tokens.slice(k, roleEnd).some((t) => t.lower === 'of' || t.lower === 'at')) {
    // "the chairman of the Commons education committee, Labour MP Barry Sheerman": a described person.
    let e = roleEnd;
    while (e < ceil && e - roleEnd < 8 && tokens[e]!.kind === 'word' && !CLAUSE_WORDS.has(tokens[e]!.lower) && !SPEECH_VERBS.has(tokens[e]!.lower)) e++;
    if (tokens[e]?.text === ',') {
      const named = phraseAfter(tokens, e + 1, text, ceil);
      if (named && named.kind === 'name') return { ...named, role: join(tokens, k, e, text), from: i, text: join(tokens, i, named.to, text) };
    }
    return { kind: 'nominal', text: join(tokens, i, e, text), name: join(tokens, k, e, text), role: null, from: i, to: e };
  }
  const head = roleEnd > k ? bare(tokens[roleEnd - 1]!.lower) : '';
  // Organisations and spokespeople: "a spokeswoman for Lakeside Ferries" speaks for the organisation.
  if (det && SPOKES.test(head) && /^(?:for|at|from)$/.test(tokens[roleEnd]?.lower ?? '')) {
    const body = phraseAfter(tokens, roleEnd + 1, text, ceil);
    if (body && (body.kind === 'name' || body.kind === 'group')) return { kind: 'name', text: join(tokens, i, body.to, text), name: body.name, role: null, from: i, to: body.to, org: true };
  }
  // Chains: a speaker named after the role ("said the town's mayor, Ilse Brandt").
  if (det && roleEnd > k && isRoleNoun(head) && tokens[roleEnd]?.text === ',') {
    const named = phraseAfter(tokens, roleEnd + 1, text, ceil);
    if (named && named.kind === 'name' && (named.to >= ceil || /^[,.;]$/.test(tokens[named.to]!.text))) return { ...named, role: join(tokens, k, roleEnd, text), from: i, text: join(tokens, i, named.to, text) };
  }
  let n = roleEnd;
  let group = false;
  while (n < ceil) {
    const t = tokens[n]!;
    if (t.kind === 'word' && t.cap && (n > roleEnd || !NOT_NAME.has(bare(t.lower)) || t.lower === 'the')) {
      n++;
      let roleRun = 0;
      while (n + roleRun < ceil && roleRun < 4 && tokens[n + roleRun]!.kind === 'word' && !tokens[n + roleRun]!.cap && !CLAUSE_WORDS.has(tokens[n + roleRun]!.lower) && !finiteSpeech(tokens[n + roleRun]!.lower)) roleRun++;
      while (roleRun > 0 && !isRoleNoun(tokens[n + roleRun - 1]!.lower)) roleRun--;
      const owner = POSSESSIVE.test(t.lower) && !pluralBeforeOrg(tokens, n - 1);
      if (owner || roleRun > 0) {
        // "NBC's Dante Chinni", "MSNBC host Chris Matthews", "the European cross-country champion".
        const r = n + roleRun;
        if (r < ceil && tokens[r]!.cap && tokens[r]!.kind === 'word' && !NOT_NAME.has(bare(tokens[r]!.lower))) { roleEnd = r; n = r; continue; }
        if (r > n && det) {
          // "the Tory leader": a role, not a name.
          return { kind: 'nominal', text: join(tokens, i, r, text), name: join(tokens, k, r, text), role: null, from: i, to: r };
        }
        if (owner) break;
      }
      continue;
    }
    if (t.kind === 'word' && CONNECTORS.has(t.lower) && tokens[n + 1]?.cap && n > roleEnd) { n++; continue; }
    if (t.kind === 'word' && t.lower === 'and' && tokens[n + 1]?.cap && n > roleEnd) { n++; group = true; continue; }
    break;
  }
  // Names: trailing junk. "said Vadim Mitroshin The company…" (a full stop lost): a capitalised function
  // word ends no name.
  while (n > roleEnd + 1 && NOT_NAME.has(bare(tokens[n - 1]!.lower))) n--;
  if (n > roleEnd && det && (allTitles(tokens, roleEnd, n) || (roleEnd === k && rolePhrase(tokens, first, roleEnd, n) && !group))) {
    return { kind: 'nominal', text: join(tokens, i, n, text), name: join(tokens, k, n, text), role: null, from: i, to: n };
  }
  if (n > roleEnd) {
    const run = nameFromRun(tokens, roleEnd, n, text);
    if (!run) return null;
    const lowerRole = roleEnd > k ? join(tokens, k, roleEnd, text) : null;
    const role = [lowerRole, run.role].filter(Boolean).join(' ') || null;
    if (group) {
      const g = join(tokens, roleEnd, n, text);
      const lastPart = stripRole(g.split(/\s+and\s+/).pop()!);
      if (lastPart.role) return { kind: 'name', text: join(tokens, i, n, text), name: lastPart.name, role: g.slice(0, g.length - lastPart.name.length).trim(), from: i, to: n };
      return { kind: 'group', text: join(tokens, i, n, text), name: g, role, from: i, to: n };
    }
    return { kind: 'name', text: join(tokens, i, n, text), name: run.name, role, from: i, to: n };
  }
  if (det && roleEnd > k) {
    // "the source", "a spokesman for the campaign" (stop at the preposition).
    return { kind: 'nominal', text: join(tokens, i, roleEnd, text), name: join(tokens, k, roleEnd, text), role: null, from: i, to: roleEnd };
  }
  if (roleEnd > k && BARE_PLURALS.has(tokens[roleEnd - 1]!.lower)) {
    return { kind: 'nominal', text: join(tokens, i, roleEnd, text), name: join(tokens, k, roleEnd, text), role: null, from: i, to: roleEnd };
  }
  return null;
}
