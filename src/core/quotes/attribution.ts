// Finding the attribution of a quote inside its sentence: after it (`," Putin said`, `," said Putin`),
// before it (`Putin said: "`, `Xi said ties were "…"`), or at the end of the sentence (`…, he said.`).
import { isSpeechVerb, phraseAfter, phraseBefore, skipAuxBack, subjectOf, type Mention } from './mentions.ts';
import { NOUNISH, ROLE_NOUNS, SPEECH_VERBS, TITLES } from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface Attribution {
  mention: Mention;
  via: 'post' | 'pre' | 'final' | 'label';
  /** Token index of the speech verb (or of the mention for labels). */
  verb: number;
}


/** `, but Kevin …` / `, and as Trump …`: a conjunction opening a clause with a new named subject. */
function newClause(tokens: readonly Token[], i: number, limit: number): boolean {
  let k = i;
  let conj = 0;
  while (k < limit && /^(?:but|and|while|as|although|though|because|whereas|when)$/.test(tokens[k]!.lower)) { k++; conj++; }
  return conj > 0 && k < limit && tokens[k]!.kind === 'word' && tokens[k]!.cap;
}

/** A speech verb used as a verb here: "the states", "his tweets" are nouns. */
export function verbAt(tokens: readonly Token[], v: number): boolean {
  const t = tokens[v];
  // "as The New Yorker put it"
  if (t?.lower === 'put' && tokens[v + 1]?.lower === 'it') return true;
  if (!isSpeechVerb(t)) return false;
  if (!NOUNISH.has(t!.lower)) return true;
  const p = tokens[v - 1];
  if (!p) return true;
  if (p.kind === 'word' && p.cap && (TITLES.has(p.lower) || /(?:an|ic|ish|ese)$/.test(p.lower))) return false; // "Republican claims"
  if (p.kind === 'word' && /^\d/.test(p.text)) return false;
  return !(p.kind === 'word' && (/^(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|of|to|for|with|in|on|by)$/.test(p.lower) || /'s$/.test(p.lower)));
}

/** A subject that fits the verb: noun-like verb forms need a bare name or pronoun before them. */
function fits(m: Mention | null, verb: Token, next?: Token): m is Mention {
  if (!m) return false;
  if (NOUNISH.has(verb.lower) && (m.kind === 'nominal' || /^(?:a|an|the|his|her|their|its)\s/i.test(m.text))) {
    return !!next && (next.lower === 'that' || next.text === ':' || next.text === ',');
  }
  return true;
}

const isIt = (m: Mention | null): boolean => !!m && m.kind === 'pronoun' && m.name === 'it';

/** Nouns of speech after a possessive: "Trump's claim that "…"", "Clinton's words". */
const SPEECH_NOUNS = new Set(['claim', 'claims', 'statement', 'statements', 'words', 'remark', 'remarks', 'comment', 'comments', 'tweet', 'tweets', 'assertion', 'argument', 'suggestion', 'description', 'message', 'promise', 'pledge', 'warning', 'call', 'characterization', 'speech', 'testimony', 'vow', 'boast', 'quip', 'insistence', 'accusation', 'allegation']);

/** `who in 2010 said`, `a letter … that says`: the noun phrase before the relative pronoun. */
function relativeSubject(tokens: readonly Token[], v: number, text: string, floor: number): Mention | null {
  for (let r = v - 1; r >= floor && r >= v - 4; r--) {
    const t = tokens[r]!;
    if (/^(?:who|which|that)$/.test(t.lower)) {
      let end = r;
      if (tokens[end - 1]?.text === ',') return subjectOf(tokens, end, text, floor) ?? phraseBefore(tokens, end - 1, text, floor);
      return phraseBefore(tokens, end, text, floor);
    }
    if (t.kind !== 'word' && t.text !== ',') return null;
  }
  return null;
}

const LISTENER_VERBS = /^(?:tell|tells|told|telling|ask|asks|asked|asking|urge|urges|urged|urging|warn|warns|warned|warning|assure|assured|inform|informed|remind|reminded)$/;

const DASHES = new Set(['—', '–', '-', '--', '―']);
const INTRO = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'speaking', 'asked', 'last', 'earlier', 'later', 'but', 'and', 'so', 'yet', 'still', 'meanwhile', 'however', 'also', 'then', 'now', 'instead', 'separately', 'previously', 'in', 'for', 'since', 'following', 'addressing', 'writing', 'responding', 'interviewed', 'appearing']);

function isAccording(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.lower === 'according' && tokens[i + 1]?.lower === 'to';
}

/** The subject of a sentence (after an introductory phrase), for "…, adding" and "and said". */
export function sentenceSubject(tokens: readonly Token[], from: number, limit: number, text: string): Mention | null {
  let i = from;
  while (i < limit && tokens[i]!.kind !== 'word') i++;
  // A dateline: "WASHINGTON - …", "LONDON (Reuters) — …".
  let d = i;
  while (d < limit && tokens[d]!.kind === 'word' && /^[\p{Lu}.,'’]+$/u.test(tokens[d]!.text) && tokens[d]!.text.length > 1) d++;
  if (d > i && d < limit && DASHES.has(tokens[d]!.text)) i = d + 1;
  if (i < limit && INTRO.has(tokens[i]!.lower)) {
    // Skip the introductory phrase up to its comma (which may end a quoted title: On "Face the Nation," …).
    const isComma = (t: Token) => t.text === ',' || (t.kind === 'quote' && t.text.endsWith(','));
    let k = i;
    while (k < limit && k < i + 16 && !isComma(tokens[k]!)) k++;
    if (k < limit && isComma(tokens[k]!)) {
      i = k + 1;
      while (i < limit && tokens[i]!.text === '"') i++;
    } else i += 1;
  }
  const m = phraseAfter(tokens, i, text, limit);
  if (m && m.kind !== 'nominal') return m;
  // "A day ahead of the report, Mr Kennedy used a speech to say …": a subject after an opening phrase.
  for (let k = i; k < limit && k < i + 14; k++) {
    const t = tokens[k]!;
    if (t.kind === 'quote' || t.text === '"' || t.text === ';' || (t.kind === 'word' && !t.cap && SPEECH_VERBS.has(t.lower) && !NOUNISH.has(t.lower))) break;
    if (t.text !== ',') continue;
    const named = phraseAfter(tokens, k + 1, text, limit);
    if (named && (named.kind === 'name' || named.kind === 'pronoun')) return named;
    break;
  }
  return m;
}

/** Attribution right after a quote token `q` (its closing mark is skipped). */
function after(tokens: readonly Token[], q: number, sentEnd: number, text: string): Attribution | null {
  let j = q + 1;
  if (tokens[j]?.text === '"') j++;
  const qt = tokens[q]!.text;
  let linked = /[,?!]$/.test(qt);
  while (j < sentEnd && (tokens[j]!.text === ',' || DASHES.has(tokens[j]!.text))) { linked = true; j++; }
  const byPunct = linked;
  if (!linked && !/[.]$/.test(qt)) {
    // `"…" Putin said` without a comma: only a bare name or pronoun directly before the verb.
    const first = tokens[j];
    linked = !!first && first.kind === 'word' && (isSpeechVerb(first) || first.cap || /^(?:he|she|they)$/.test(first.lower)) && !/^(?:a|an|the)$/i.test(first.lower);
  }
  if (!linked || j >= sentEnd) return null;
  // `"…" ― Sonya Herridge` (a signature after a dash).
  if (j > 0 && DASHES.has(tokens[j - 1]!.text)) {
    const m = phraseAfter(tokens, j, text, sentEnd);
    if (m && m.kind === 'name' && (m.to >= sentEnd || /^[.,;]$/.test(tokens[m.to]!.text))) return { mention: m, via: 'post', verb: j };
  }
  if (isSpeechVerb(tokens[j]) && !tokens[j]!.lower.endsWith('ing')) {
    const m = phraseAfter(tokens, j + 1, text, sentEnd);
    if (m) return { mention: m, via: 'post', verb: j };
  }
  if (isAccording(tokens, j)) {
    const m = phraseAfter(tokens, j + 2, text, sentEnd);
    if (m) return { mention: m, via: 'post', verb: j };
  }
  // `," Flynn, a top Trump surrogate, said`, `," Mr. Morgan of the Sierra Club said`, `," the source said`.
  for (let v = j + 1; v < Math.min(sentEnd, j + 30); v++) {
    const t = tokens[v]!;
    if (t.kind === 'quote' || t.text === '"' || t.text === ';') break;
    if (!verbAt(tokens, v)) continue;
    const quoted = quotedAsSaying(tokens, v, text, sentEnd);
    if (quoted) return { mention: quoted, via: 'post', verb: v };
    const sub = subjectOf(tokens, v, text, j);
    if (NOUNISH.has(t.lower) && !fits(sub, t, tokens[v + 1])) continue;
    if (fits(sub, t) && sub.from >= j && sub.from - j <= 4 && tokens.slice(j, sub.from).every((x) => x.kind === 'word' && !/^(?:but|and|or|so|as|while|when|because|if|then|yet|that|of|the|a|an|at|from|for|in|on|with|to|by|since|although|though|after|before|until|unless|whereas)$/.test(x.lower))) return { mention: sub, via: 'post', verb: v };
    const m = phraseAfter(tokens, j, text, v);
    if (!fits(m, t) && NOUNISH.has(t.lower)) continue;
    if (!fits(m, t) || !byPunct) break;
    const verbStart = skipAuxBack(tokens, v, j);
    const tail = tokens[m.to];
    if (m.to === verbStart) return { mention: m, via: 'post', verb: v };
    if (tail?.text === ',' && tokens[verbStart - 1]?.text === ',') return { mention: m, via: 'post', verb: v };
    // `," Eric Abensur, Wanadoo's chief executive told the BBC`: an apposition missing its closing comma.
    if (tail?.text === ',' && m.kind === 'name' && verbStart - m.to <= 7 && verbStart - m.to >= 2 && tokens.slice(m.to + 1, verbStart).every((x) => x.kind === 'word' && !SPEECH_VERBS.has(x.lower) && !/^(?:who|which|that|and|but|is|was|has|had)$/.test(x.lower)) && ROLE_NOUNS.has(tokens[verbStart - 1]!.lower)) return { mention: m, via: 'post', verb: v };
    if (tail && /^(?:of|at|for|from|with|in)$/.test(tail.lower) && !tokens.slice(m.to, verbStart).some((x) => x.text === ',') && v - m.to < 8) return { mention: m, via: 'post', verb: v };
    break;
  }
  return null;
}

/** `quoted Mr Khodorkovsky as saying`: the person after "quoted … as saying" at verb `v`. */
function quotedAsSaying(tokens: readonly Token[], v: number, text: string, end: number): Mention | null {
  if (!/^(?:quoted|quotes|quoting|cited|cites|citing)$/.test(tokens[v]!.lower)) return null;
  const who = phraseAfter(tokens, v + 1, text, end);
  if (!who || who.kind === 'nominal') return null;
  return tokens[who.to]?.lower === 'as' && isSpeechVerb(tokens[who.to + 1]) ? who : null;
}

/** Attribution by the nearest speech verb before the quote in its sentence. */
function before(tokens: readonly Token[], q: number, sentStart: number, text: string): Attribution | null {
  let fallback: Attribution | null = null;
  for (let v = q - 1; v >= sentStart; v--) {
    const t = tokens[v]!;
    // A new clause (", but Kevin…", "; …") ends the search: its verb is not this quote's.
    if (t.text === ';' || (t.text === ',' && newClause(tokens, v + 1, q))) break;
    if (isAccording(tokens, v)) {
      const m = phraseAfter(tokens, v + 2, text, q);
      if (m) return { mention: m, via: 'pre', verb: v };
      continue;
    }
    const opening = v === sentStart && t.cap && SPEECH_VERBS.has(t.lower);
    if (!verbAt(tokens, v) && !opening) continue;
    // `said Don Fowler: "…"` (inverted) right before the quote.
    // ("telling the BBC": after tell/ask the noun phrase is the listener.)
    const inverted = tokens[v - 1]?.kind !== 'word' && !LISTENER_VERBS.test(t.lower) ? phraseAfter(tokens, v + 1, text, q) : null;
    const gap = inverted ? tokens.slice(inverted.to, q).filter((x) => x.text !== '"') : [];
    // (Speech about others: "…, praised Lord Pemberton's "patience"": a possessive after the verb is whose
    // quality the quote names, not an inverted speaker.)
    const possessive = !!inverted && /(?:'s|s')$/.test(tokens[inverted.to - 1]?.lower ?? '');
    if (inverted && inverted.kind === 'name' && !possessive && gap.length <= 1 && gap.every((x) => x.text === ':' || x.text === ',')) return { mention: inverted, via: 'pre', verb: v };
    // "Interfax quoted Mr Khodorkovsky as saying": the person quoted is the speaker.
    if (tokens[v - 1]?.lower === 'as' && t.lower.endsWith('ing')) {
      for (let k = v - 2; k >= sentStart && k >= v - 10; k--) {
        if (!/^(?:quoted|quotes|quoting|cited|cites|citing)$/.test(tokens[k]!.lower)) continue;
        const who = phraseAfter(tokens, k + 1, text, v - 1);
        if (who && who.kind !== 'nominal' && who.to === v - 1) return { mention: who, via: 'pre', verb: v };
        break;
      }
    }
    const participle = t.lower.endsWith('ing') && tokens[v - 1]?.kind !== 'word';
    let m = participle ? null : subjectOf(tokens, v, text, sentStart);
    // "a statement through Arsenal describing …": a name after a preposition does not govern an -ing verb.
    if (m && t.lower.endsWith('ing') && /^(?:through|by|from|to|in|on|at|for|via|about|against)$/.test(tokens[m.from - 1]?.lower ?? '')) m = null;
    if (!m && !participle) m = relativeSubject(tokens, v, text, sentStart);
    if (!m && (participle || t.lower.endsWith('ing') || /^(?:and|but|to|or)$/.test(tokens[v - 1]?.lower ?? '') || tokens[v - 1]?.text === ',')) {
      m = sentenceSubject(tokens, sentStart, v, text);
    }
    // "tweets accusing Machado of …": an -ing clause on a thing is not its speech.
    if (m && m.kind === 'nominal' && t.lower.endsWith('ing') && !participle) continue;
    if (fits(m, t, tokens[v + 1])) {
      if (!isIt(m)) return { mention: m, via: 'pre', verb: v };
      fallback ??= { mention: m, via: 'pre', verb: v };
    }
  }
  if (fallback) return fallback;
  // "Trump's claim that there have been "…""
  for (let v = q - 1; v >= sentStart && v >= q - 12; v--) {
    const t = tokens[v]!;
    if (t.kind === 'quote') break;
    if (!SPEECH_NOUNS.has(t.lower) || !/'s$/.test(tokens[v - 1]?.lower ?? '') || !tokens[v - 1]!.cap) continue;
    const m = phraseBefore(tokens, v, text, sentStart);
    if (m && m.kind === 'name') return { mention: m, via: 'pre', verb: v };
  }
  // `X is rolling out a new message: "It's about me."`
  let k = q - 1;
  if (tokens[k]?.text === '"') k--;
  if (tokens[k]?.text === ':' && k > sentStart) {
    const m = sentenceSubject(tokens, sentStart, k, text);
    if (m && m.kind !== 'nominal') return { mention: m, via: 'pre', verb: k };
  }
  return null;
}

/** `…, Flynn said.` / `…, said Flynn.` closing the sentence after the quote. */
function final(tokens: readonly Token[], q: number, sentEnd: number, text: string): Attribution | null {
  for (let v = q + 1; v < sentEnd; v++) {
    const t = tokens[v]!;
    // "…, according to a TUC report." closing the sentence.
    if (isAccording(tokens, v) && (tokens[v - 1]?.text === ',' || DASHES.has(tokens[v - 1]?.text ?? ''))) {
      const m = phraseAfter(tokens, v + 2, text, sentEnd);
      if (m) return { mention: m, via: 'final', verb: v };
    }
    if (isSpeechVerb(t)) {
      const prev = tokens[v - 1];
      if (prev && (prev.text === ',' || DASHES.has(prev.text))) {
        const m = phraseAfter(tokens, v + 1, text, sentEnd);
        if (m) return { mention: m, via: 'final', verb: v };
      }
      // find the comma that starts "…, Flynn (also) said"
      let c = v - 1;
      while (c > q && tokens[c]!.kind === 'word' && v - c < 10) c--;
      if (c > q && (tokens[c]!.text === ',' || DASHES.has(tokens[c]!.text))) {
        const m = subjectOf(tokens, v, text, c + 1);
        // "…, the BBC noted": a name after "the" starts right after the comma too.
        if (m && (m.from === c + 1 || (m.from === c + 2 && tokens[c + 1]!.lower === 'the'))) {
          const rest = tokens.slice(v + 1, sentEnd).filter((x) => x.kind !== 'punct');
          if (rest.length <= 8 && !rest.some((x) => x.lower === 'that' || x.kind === 'quote')) return { mention: m, via: 'final', verb: v };
        }
      }
    }
  }
  return null;
}

/** Finds who a quote (token `q`) is attributed to within its sentence [sentStart, sentEnd). */
export function attribute(tokens: readonly Token[], q: number, sentStart: number, sentEnd: number, text: string): Attribution | null {
  const post = after(tokens, q, sentEnd, text);
  if (post) return post;
  const pre = before(tokens, q, sentStart, text);
  // "Brown's decision to announce … was a "sensible thing", Mr Balls told the BBC": an infinitive's
  // implied subject yields to the attribution closing the sentence.
  if (pre && tokens[pre.verb - 1]?.lower === 'to') return final(tokens, q, sentEnd, text) ?? pre;
  return pre ?? final(tokens, q, sentEnd, text);
}

/** `He said:` / `Zelensky told a press conference:` — the speaker introduced by a paragraph ending in a colon. */
export function introduction(tokens: readonly Token[], text: string): Attribution | null {
  const n = tokens.length;
  if (n === 0 || tokens[n - 1]!.text !== ':') return null;
  for (let v = n - 2; v >= 0 && v >= n - 25; v--) {
    if (tokens[v]!.kind === 'quote') return null;
    if (!isSpeechVerb(tokens[v])) continue;
    const m = subjectOf(tokens, v, text, 0) ?? phraseAfter(tokens, v + 1, text, n - 1) ?? sentenceSubject(tokens, 0, v, text);
    return m ? { mention: m, via: 'pre', verb: v } : null;
  }
  return null;
}

export { phraseBefore };

/** Who a reporter's sentence [from, to) is about when it talks of speech: the subject of its last speech verb,
 *  or (when `anySubject`) its grammatical subject if that is a name or a pronoun. */
export function sentenceSpeaker(tokens: readonly Token[], from: number, to: number, text: string, anySubject: boolean): Attribution | null {
  for (let v = to - 1; v >= from; v--) {
    if (tokens[v]!.kind === 'quote') continue;
    if (!verbAt(tokens, v)) continue;
    const m = subjectOf(tokens, v, text, from) ?? phraseAfter(tokens, v + 1, text, to) ?? sentenceSubject(tokens, from, v, text);
    if (fits(m, tokens[v]!)) return { mention: m, via: 'pre', verb: v };
  }
  if (!anySubject) return null;
  const m = sentenceSubject(tokens, from, to, text);
  return m && (m.kind === 'name' || (m.kind === 'pronoun' && m.name !== 'it')) ? { mention: m, via: 'pre', verb: m.from } : null;
}
