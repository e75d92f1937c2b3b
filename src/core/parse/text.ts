// Plain-text articles (the seed format, BBC-style files, body-only files):
//   [date YYYY-MM-DD ...]      optional first line -> published (the rest of the line is ignored)
//   Headline                   optional: decided by looksLikeHeadline (length, case, punctuation)
//   • key point                optional bullets (•, -, *) right after it -> Article.bullets
//   Paragraphs                 separated by blank lines (or one per line when the file has none);
//                              short unpunctuated lines -> 'heading'; an unquoted paragraph after
//                              "X told a press conference:" -> 'blockquote'; later bullets -> 'list'.
// Text inside a paragraph is kept byte for byte (lines trimmed), so quote offsets stay exact.
import type { Article } from '../article.ts';
import { BriefingError } from '../errors.ts';
import { assembleBody, type Para } from './blocks.ts';
import {
  hasQuoteMark, introducesBlockQuote, isBulletLine, isFirstPerson, looksLikeHeadline,
  looksLikeSubheading, startsWithQuoteMark, stripBullet,
} from './text-rules.ts';

export interface TextSource {
  file: string | null;
  url: string | null;
}

interface Line {
  text: string;
  /** Index of the blank-line-separated chunk this line belongs to. */
  chunk: number;
}

/** BOM, CRLF/CR, Unicode line separators -> "\n". */
export function normaliseNewlines(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
}

function isBlank(s: string): boolean {
  return s.replace(/[\u200B\uFEFF]/g, '').trim() === '';
}

function toLines(content: string): Line[] {
  const out: Line[] = [];
  let chunk = 0;
  let prevBlank = true;
  for (const raw of normaliseNewlines(content).split('\n')) {
    if (isBlank(raw)) { prevBlank = true; continue; }
    if (prevBlank && out.length > 0) chunk++;
    prevBlank = false;
    out.push({ text: raw.trim(), chunk });
  }
  return out;
}

const DATE_LINE = /^date\s+(\d{4})-(\d{2})-(\d{2})\b/iu;

function parseDateLine(line: string): string | null {
  const m = DATE_LINE.exec(line);
  if (!m) return null;
  const [, y, mo, d] = m;
  const iso = `${y}-${mo}-${d}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** A file is hard-wrapped when its multi-line chunks are made of lines of similar, modest width. */
function isHardWrapped(lines: readonly Line[]): boolean {
  const byChunk = new Map<number, Line[]>();
  for (const l of lines) {
    const chunk = byChunk.get(l.chunk);
    if (chunk) chunk.push(l);
    else byChunk.set(l.chunk, [l]);
  }
  let wrappedChunks = 0;
  let multi = 0;
  let innerLines = 0;
  for (const chunk of byChunk.values()) {
    if (chunk.length < 2) continue;
    multi++;
    const inner = chunk.slice(0, -1).map((l) => l.text.length);
    innerLines += inner.length;
    const max = inner.reduce((a, b) => Math.max(a, b), 0);
    const min = inner.reduce((a, b) => Math.min(a, b), Infinity);
    // Wrapped lines break mid-sentence; one-paragraph-per-line files end their lines with punctuation.
    const midSentence = chunk.slice(0, -1).filter((l) => !/[.!?:"”’]$/u.test(l.text)).length;
    if (max <= 100 && min >= 40 && min >= max * 0.6 && midSentence * 2 > inner.length && !chunk.some((l) => isBulletLine(l.text))) wrappedChunks++;
  }
  return multi >= 2 && innerLines >= 3 && wrappedChunks / multi >= 0.6;
}

/** Lines -> paragraphs: a line continues the previous one when the file is hard-wrapped, or when
 *  the previous line stops mid-sentence and this one starts in lower case. */
function toParagraphs(lines: readonly Line[]): { text: string; lines: number; alone: boolean }[] {
  const wrapped = isHardWrapped(lines);
  const out: { text: string; lines: number; chunk: number }[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const sameChunk = prev !== undefined && prev.chunk === l.chunk;
    const bullet = isBulletLine(l.text);
    const continues = sameChunk && !bullet && !isBulletLine(prev.text) && (
      wrapped || (!/[.!?:;"”’)]$/u.test(prev.text) && /^\p{Ll}/u.test(l.text))
    );
    if (continues && prev) { prev.text += ` ${l.text}`; prev.lines++; }
    else out.push({ text: l.text, lines: 1, chunk: l.chunk });
  }
  const perChunk = new Map<number, number>();
  for (const p of out) perChunk.set(p.chunk, (perChunk.get(p.chunk) ?? 0) + 1);
  return out.map((p) => ({ ...p, alone: perChunk.get(p.chunk) === 1 }));
}

export function parseText(content: string, source: TextSource): Article {
  const lines = toLines(content);
  let published: string | null = null;
  const first = lines[0];
  if (first && DATE_LINE.test(first.text)) {
    published = parseDateLine(first.text);
    lines.shift();
  }
  const paras = toParagraphs(lines);

  let i = 0;
  let headline: string | null = null;
  const top = paras[0];
  if (top && top.lines === 1 && looksLikeHeadline(top.text, paras.length > 1)) {
    headline = top.text;
    i = 1;
  }

  const bullets: string[] = [];
  while (i < paras.length && isBulletLine(paras[i]?.text ?? '')) {
    bullets.push(stripBullet(paras[i]?.text ?? ''));
    i++;
  }

  const out: Para[] = [];
  let inQuote = false;
  for (; i < paras.length; i++) {
    const p = paras[i];
    if (!p) continue;
    const next = paras[i + 1]?.text ?? null;
    const prevPara = out[out.length - 1];
    if (isBulletLine(p.text)) {
      out.push({ kind: 'list', text: stripBullet(p.text) });
      inQuote = false;
      continue;
    }
    const afterIntro = prevPara !== undefined && prevPara.kind === 'paragraph' && introducesBlockQuote(prevPara.text);
    const continuing = inQuote && !hasQuoteMark(p.text) && isFirstPerson(p.text) && !p.text.endsWith(':');
    if ((afterIntro && !startsWithQuoteMark(p.text)) || continuing) {
      out.push({ kind: 'blockquote', text: p.text });
      inQuote = true;
      continue;
    }
    inQuote = false;
    if (p.lines === 1 && p.alone && looksLikeSubheading(p.text, paras[i - 1]?.text ?? null, next)) out.push({ kind: 'heading', text: p.text });
    else out.push({ kind: 'paragraph', text: p.text });
  }

  const { body, blocks } = assembleBody(out);
  if (!body && bullets.length === 0 && headline === null) {
    throw new BriefingError('bad_input', 'This file has no article text', { context: { file: source.file, url: source.url, published } });
  }
  return {
    guid: null,
    url: source.url,
    file: source.file,
    source: null,
    format: 'text',
    headline,
    byline: null,
    published,
    bullets,
    body,
    blocks,
  };
}
