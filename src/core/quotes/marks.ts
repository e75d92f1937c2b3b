// Quotation-mark pairing within one paragraph: direction from context, glyph only breaks ties.

/** A quoted span of a paragraph: `open`/`close` are the indices of the marks (close = -1 if left open). */
export interface Segment {
  open: number;
  close: number;
  /** Content offsets (without marks, trimmed). */
  start: number;
  end: number;
  depth: number;
}

const MARKS = /["“”„«»]/g;
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/]/u;
const CLOSE_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-…'’]/u;

function direction(text: string, i: number): 'open' | 'close' | 'either' {
  const ch = text[i]!;
  const prev = i > 0 ? text[i - 1]! : '';
  const next = i + 1 < text.length ? text[i + 1]! : '';
  const opensByContext = (prev === '' || OPEN_BEFORE.test(prev)) && next !== '' && !/\s/.test(next);
  const closesByContext = (next === '' || CLOSE_AFTER.test(next)) && prev !== '' && !/\s/.test(prev);
  if (prev === '') return 'open';
  if (opensByContext && !closesByContext) return 'open';
  if (closesByContext && !opensByContext) return 'close';
  if (ch === '“' || ch === '„' || ch === '«') return 'open';
  if (ch === '”' || ch === '»') return 'close';
  return 'either';
}

function trimmed(text: string, from: number, to: number): { start: number; end: number } {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Pairs double quotation marks of one paragraph; outermost segments first level (depth 0), nested ones deeper. */
export function findSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const stack: number[] = [];
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    const dir = direction(text, i);
    const canClose = stack.length > 0;
    if (dir === 'close' || (dir === 'either' && canClose)) {
      if (!canClose) continue; // a stray closing mark
      const open = stack.pop()!;
      const { start, end } = trimmed(text, open + 1, i);
      if (end > start) out.push({ open, close: i, start, end, depth: stack.length });
    } else {
      // `…13 weeks. "We are going…`: a quote re-opened after a finished sentence closes the open one.
      const top = stack[stack.length - 1];
      if (top !== undefined && /[.?!…]\s+$/.test(text.slice(Math.max(top + 1, i - 3), i))) {
        stack.pop();
        const { start, end } = trimmed(text, top + 1, i);
        // No closing mark: the segment "closes" on the blank after its last word.
        if (end > start) out.push({ open: top, close: end, start, end, depth: stack.length });
      }
      stack.push(i);
    }
  }
  // Quotes left open run to the end of the paragraph (the continuation convention).
  while (stack.length > 0) {
    const open = stack.shift()!;
    const { start, end } = trimmed(text, open + 1, text.length);
    if (end > start) out.push({ open, close: -1, start, end, depth: 0 });
    break;
  }
  return out.sort((a, b) => a.open - b.open);
}
