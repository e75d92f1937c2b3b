// A minimal Article from plain text (paragraphs split on blank lines, or on single lines when the text
// has no blank lines; a short first line without a final period is the headline). Used by tests and the
// evaluation script (scripts/eval-quotes.ts) when no real parser result is at hand. Test and dev tooling only.
import type { Article, Block } from '../../src/core/article.ts';

export function articleFromText(content: string, file: string | null = null): Article {
  const text = content.replace(/\r\n?/g, '\n');
  const parts = (/\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n')).map((p) => p.trim()).filter(Boolean);
  let headline: string | null = null;
  const first = parts[0];
  if (first && parts.length > 1 && !first.includes('\n') && first.split(/\s+/).length <= 25) {
    headline = first;
    parts.shift();
  }
  const blocks: Block[] = [];
  let body = '';
  for (const p of parts) {
    if (body) body += '\n\n';
    const kind: Block['kind'] = p.length < 60 && !/[.!?"”:]$/.test(p) && blocks.length > 0 ? 'heading' : 'paragraph';
    blocks.push({ kind, start: body.length, end: body.length + p.length });
    body += p;
  }
  return { guid: null, url: null, file, source: null, format: 'text', headline, byline: null, published: null, bullets: [], body, blocks };
}

/** The article as the project's text parser reads it, or the plain splitter when the parser finds no headline. */
export function articleFromDocument(content: string, file: string | null, parse: (content: string, file: string | null) => Article[]): Article {
  try {
    const parsed = parse(content, file)[0];
    if (parsed && parsed.headline !== null) return parsed;
  } catch {
    // fall back to the plain splitter
  }
  return articleFromText(content, file);
}
