// Document -> Article[]. PLACEHOLDER until the parsers land (issue 2).
import type { Article } from '../article.ts';

export interface DocumentInput {
  content: string;
  file: string | null;
  url: string | null;
  contentType?: string | null;
}

export function parseDocument(input: DocumentInput): Article[] {
  const paras = input.content.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const body = paras.join('\n\n');
  let pos = 0;
  const blocks = paras.map((p) => { const b = { kind: 'paragraph' as const, start: pos, end: pos + p.length }; pos += p.length + 2; return b; });
  return [{ guid: null, url: input.url, file: input.file, source: null, format: 'text', headline: null, byline: null, published: null, bullets: [], body, blocks }];
}
