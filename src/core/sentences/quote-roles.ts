// Where quotations open and close in a sentence, and which sentences are only part of a
// quotation that runs over several sentences. Pure.
import type { Sentence } from '../article.ts';

/** A quotation inside one string: [start, end) including its marks; `closed` false when it runs on. */
export interface QuoteSpan {
  start: number;
  end: number;
  closed: boolean;
}

/** How a sentence sits in the quotations of its text. */
export type QuoteRole =
  | 'none' // no quotation, or only whole ones
  | 'opens' // opens a quotation that a later sentence closes
  | 'inside' // wholly inside a quotation opened before
  | 'closes'; // closes a quotation opened before

const LETTER = /[\p{L}\p{N}]/u;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}

/** Classify a quote mark at `i`: 'open', 'close', or null (an apostrophe or a stray mark). */
function markKind(text: string, i: number, depthOpen: boolean): 'open' | 'close' | null {
  const c = text[i];
  const before = text[i - 1];
  const after = text[i + 1];
  if (c === '“') return 'open';
  if (c === '”') return 'close';
  if (c === '‘') return isLetter(before) ? null : 'open';
  if (c === '’' || c === "'") {
    if (isLetter(before) && isLetter(after)) return null; // don't, Xi's
    if ((before === undefined || /[\s(\[—–-]/.test(before)) && isLetter(after)) return c === "'" ? 'open' : null;
    if (isLetter(after)) return null;
    if (before !== undefined && /[.,!?;:…)\]—–-]/.test(before)) return 'close';
    return isLetter(before) && depthOpen ? 'close' : null; // "Jones’ car" is a possessive unless a quotation is open
  }
  if (c === '"') {
    const spaceBefore = before === undefined || /[\s(\[—–-]/.test(before);
    const spaceAfter = after === undefined || /[\s.,;:!?)\]—–-]/.test(after);
    if (spaceBefore && !spaceAfter) return 'open';
    if (spaceAfter && !spaceBefore) return 'close';
    return depthOpen ? 'close' : 'open';
  }
  return null;
}

/** Quotation spans of `text` (double quotes, curly or straight, and single quotes), outermost only. */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let opener = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c !== '"' && c !== '“' && c !== '”' && c !== '‘' && c !== '’' && c !== "'") continue;
    const kind = markKind(text, i, open >= 0);
    if (kind === 'open' && open < 0) {
      open = i;
      opener = c;
    } else if (kind === 'close' && open >= 0 && sameFamily(opener, c)) {
      spans.push({ start: open, end: i + 1, closed: true });
      open = -1;
    } else if (kind === 'close' && open < 0 && isDouble(c)) {
      spans.push({ start: 0, end: i + 1, closed: true }); // closes a quotation opened before this text
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.length, closed: false });
  return spans;
}

function isDouble(c: string): boolean {
  return c === '"' || c === '“' || c === '”';
}

function sameFamily(a: string, b: string): boolean {
  return isDouble(a) === isDouble(b);
}

/** Net effect of a sentence on quotation state: does it close one it did not open, does it leave one open. */
function balance(text: string): { closesEarlier: boolean; leavesOpen: boolean } {
  let closesEarlier = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c !== '"' && c !== '“' && c !== '”' && c !== '‘' && c !== '’' && c !== "'") continue;
    const kind = markKind(text, i, depth > 0);
    if (kind === 'open') depth = 1;
    else if (kind === 'close') {
      if (depth > 0) depth = 0;
      else closesEarlier = true;
    }
  }
  return { closesEarlier, leavesOpen: depth > 0 };
}

/**
 * The quotation role of each sentence. A quotation left open runs on over the following
 * sentences (and paragraphs that open with a new quote mark, the news convention) until one
 * closes it; at most `maxRun` sentences, so a stray mark cannot swallow the article.
 */
export function quoteRoles(sentences: readonly Sentence[], maxRun = 12): QuoteRole[] {
  const roles: QuoteRole[] = [];
  let openSince = -1;
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]?.text ?? '';
    const { closesEarlier, leavesOpen } = balance(text);
    if (openSince >= 0 && i - openSince > maxRun) openSince = -1;
    if (openSince >= 0) {
      if (closesEarlier) {
        roles.push('closes');
        openSince = leavesOpen ? i : -1;
      } else if (/^["“‘']/.test(text) && !leavesOpen) {
        roles.push('closes'); // a continuation paragraph re-opens the quotation and ends it
        openSince = -1;
      } else {
        roles.push('inside');
      }
      continue;
    }
    if (leavesOpen) {
      roles.push('opens');
      openSince = i;
    } else if (closesEarlier) {
      roles.push('closes');
    } else {
      roles.push('none');
    }
  }
  return roles;
}
