// HTML -> typed paragraphs, shared by html.ts (readability's content) and feed.ts (item content).
// p/div -> paragraph, h1-h6 -> heading, blockquote -> blockquote, li -> list; <br><br> splits a
// paragraph; scripts, styles, forms, figure captions and navigation are dropped.
import { collapseSpace, type BlockKind, type Para } from './blocks.ts';
import { isElement, parseFragment, TEXT_NODE, type DomElement, type DomNode } from './dom.ts';

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO',
  'AUDIO', 'FORM', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'FIGCAPTION', 'NAV', 'HEAD', 'TITLE', 'META', 'LINK',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'LI', 'DL', 'DT',
  'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'HR',
  'ADDRESS', 'DETAILS', 'SUMMARY', 'CENTER', 'BODY', 'HTML', ...HEADINGS,
]);
const BREAK = '\u0000';

interface Walk {
  out: Para[];
  buffer: string;
}

function flush(w: Walk, kind: BlockKind): void {
  const parts = w.buffer.split(new RegExp(`${BREAK}[ \\t\\n\\r]*${BREAK}`));
  for (const part of parts) {
    const text = collapseSpace(part.split(BREAK).join(' '));
    if (text) w.out.push({ kind, text });
  }
  w.buffer = '';
}

function walk(node: DomNode, kind: BlockKind, w: Walk): void {
  const children = Array.from(node.childNodes);
  for (const child of children) {
    if (child.nodeType === TEXT_NODE) { w.buffer += child.textContent ?? ''; continue; }
    if (!isElement(child)) continue;
    const tag = child.tagName.toUpperCase();
    if (SKIP.has(tag) || child.getAttribute('hidden') !== null || child.getAttribute('aria-hidden') === 'true') continue;
    if (tag === 'BR') { w.buffer += BREAK; continue; }
    if (!BLOCKS.has(tag)) { walk(child, kind, w); continue; }
    flush(w, kind);
    if (HEADINGS.has(tag)) {
      const text = collapseSpace(child.textContent ?? '');
      if (text) w.out.push({ kind: 'heading', text });
      continue;
    }
    const inner: BlockKind = tag === 'BLOCKQUOTE' ? 'blockquote' : tag === 'LI' ? 'list' : kind;
    walk(child, inner, w);
    flush(w, inner);
  }
}

/** The paragraphs of an element, in document order. */
export function elementToParas(root: DomElement): Para[] {
  const w: Walk = { out: [], buffer: '' };
  walk(root, 'paragraph', w);
  flush(w, 'paragraph');
  return w.out;
}

/** The paragraphs of an HTML fragment (e.g. a feed item's content:encoded). */
export function htmlToParas(html: string): Para[] {
  return elementToParas(parseFragment(html));
}

/** Does this string contain HTML markup (rather than plain text)? */
export function looksLikeHtml(s: string): boolean {
  return /<\/?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|blockquote|img|figure|table|section|article)\b[^>]*>/i.test(s);
}
