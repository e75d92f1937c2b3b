// Shared by every parser: a list of typed paragraphs -> Article.body + Article.blocks.
import type { Block } from '../article.ts';

export type BlockKind = Block['kind'];

export interface Para {
  kind: BlockKind;
  text: string;
}

/** Joins paragraphs with "\n\n" and records each one's offsets; empty paragraphs are dropped. */
export function assembleBody(paras: readonly Para[]): { body: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let body = '';
  for (const p of paras) {
    const text = p.text.trim();
    if (!text) continue;
    if (body) body += '\n\n';
    const start = body.length;
    body += text;
    blocks.push({ kind: p.kind, start, end: body.length });
  }
  return { body, blocks };
}

/** Collapses HTML-style whitespace (any run of spaces, tabs, newlines) into one space. */
export function collapseSpace(s: string): string {
  return s.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}
