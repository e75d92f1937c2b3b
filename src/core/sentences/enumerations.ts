// Inline enumerations that open a paragraph: "1) Raise taxes 2) Cut spending", "a. … b. …",
// "1.) … 2.) …", "• 4. … • 5. …". Each item is a sentence of its own; an item ends where the next
// label in sequence (same style, the number or letter after) starts after whitespace. Labels out
// of sequence are ordinary text, so "1) … 3 )" or "scored 2. Then" never cut. Pure, linear.

// a label: an optional bullet, then a number (1-2 digits) or one letter, then ".", ")" or ".)"
const LABEL = /^([•⁃▪●◦*–-]?[ \t]*)(\d{1,2}|[a-zA-Z])(\.\)|[.)])[ \t]+(?=\S)/;

const LABEL_HEAD = /^[•⁃▪●◦*–-]?\s*(?:\d{1,2}|[a-zA-Z])$/;

interface Label {
  bullet: string;
  value: string;
  mark: string;
  length: number;
}

function readLabel(text: string, at: number, end: number): Label | null {
  const m = LABEL.exec(text.slice(at, Math.min(end, at + 12)));
  if (!m) return null;
  const bullet = (m[1] ?? '').trim();
  return { bullet, value: m[2] ?? '', mark: m[3] ?? '', length: m[0].length };
}

function successor(value: string): string {
  if (/^\d+$/.test(value)) return String(Number(value) + 1);
  return String.fromCharCode(value.charCodeAt(0) + 1);
}

function isFirst(value: string): boolean {
  return /^\d+$/.test(value) ? true : value === 'a' || value === 'A';
}

/** Offsets in [start, end) where a new item of an inline enumeration starts (the first excluded). */
export function enumerationCuts(text: string, start: number, end: number): number[] {
  let at = start;
  while (at < end && isSpaceChar(text[at])) at++;
  const label = readLabel(text, at, end);
  if (!label || !isFirst(label.value)) return [];
  const cuts: number[] = [];
  const para = text.slice(at, end); // indexOf never looks past the paragraph: linear in the text
  let want = successor(label.value);
  let pos = at + label.length;
  while (pos < end) {
    const found = para.indexOf(label.bullet || want + label.mark, pos - at);
    if (found < 0) break;
    const i = at + found;
    pos = i + 1;
    if (!isSpaceChar(text[i - 1])) continue;
    const next = readLabel(text, i, end);
    if (!next || next.value !== want || next.mark !== label.mark || next.bullet !== label.bullet) continue;
    cuts.push(i);
    want = successor(want);
    pos = i + next.length;
  }
  return cuts;
}

function isSpaceChar(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Whether text[sentenceStart, at) is only an enumeration label before its full stop ("1", "• 4", "a"). */
export function isEnumerationLabel(text: string, sentenceStart: number, at: number): boolean {
  if (at - sentenceStart > 6) return false;
  return LABEL.test(text.slice(sentenceStart, at + 6).trimStart()) && LABEL_HEAD.test(text.slice(sentenceStart, at).trim());
}
