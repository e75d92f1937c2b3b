// What kind of document is this? Decided from the content; the file name and the HTTP
// content-type only break ties (a .txt holding RSS is RSS, an .xml holding Atom is Atom).

/** 'json' is JSON that is not a JSON Feed; 'xml' is XML that is neither RSS nor Atom. */
export type DocumentKind = 'text' | 'html' | 'rss' | 'atom' | 'jsonfeed' | 'json' | 'xml';

export interface KindHint {
  name?: string | null;
  contentType?: string | null;
}

const HTML_TAGS = /^(?:html|head|body|meta|title|link|script|style|div|p|article|section|main|header|h[1-6]|span|a|table|ul|ol|img|br|nav|form)$/i;

type Hinted = 'html' | 'xml' | 'json' | 'text' | null;

function hinted(hint: KindHint): Hinted {
  const type = (hint.contentType ?? '').toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(hint.name ?? '')?.[1]?.toLowerCase() ?? '';
  if (/html/.test(type) || ['html', 'htm', 'xhtml'].includes(ext)) return 'html';
  if (/json/.test(type) || ext === 'json') return 'json';
  if (/xml|rss|atom/.test(type) || ['xml', 'rss', 'atom', 'rdf'].includes(ext)) return 'xml';
  if (/text\/plain/.test(type) || ['txt', 'text', 'md'].includes(ext)) return 'text';
  return null;
}

/** Skips the XML declaration, comments, processing instructions and a doctype. */
function prolog(s: string): { rest: string; doctype: string | null } {
  let rest = s;
  let doctype: string | null = null;
  for (;;) {
    rest = rest.trimStart();
    const m = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+([^\s>[]+)(?:\s+[^>[]*)?(?:\[[\s\S]*?\])?\s*>)/i.exec(rest);
    if (!m) return { rest, doctype };
    if (m[1]) doctype = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
}

function detectJson(s: string, hint: Hinted): DocumentKind {
  try {
    const doc: unknown = JSON.parse(s);
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
      const o = doc as Record<string, unknown>;
      if (typeof o['version'] === 'string' && /jsonfeed\.org\/version/i.test(o['version'])) return 'jsonfeed';
      if (Array.isArray(o['items'])) return 'jsonfeed';
    }
    return 'json';
  } catch {
    // Broken JSON: a feed if its name or type says so (so the user hears what is wrong), else text.
    return hint === 'json' || /"version"\s*:\s*"https?:\/\/jsonfeed\.org/i.test(s.slice(0, 2000)) ? 'jsonfeed' : 'text';
  }
}

export function detectKind(content: string, hint: KindHint = {}): DocumentKind {
  const s = content.replace(/^\uFEFF/, '').trimStart();
  const h = hinted(hint);
  if (s.startsWith('{')) return detectJson(s, h);
  if (!s.startsWith('<')) {
    return /<!DOCTYPE\s+html|<html[\s>]|<body[\s>]/i.test(s.slice(0, 2048)) ? 'html' : 'text';
  }
  const { rest, doctype } = prolog(s.slice(0, 65536));
  if (doctype === 'html') return 'html';
  const root = /^<([A-Za-z_][\w:.-]*)/.exec(rest)?.[1] ?? '';
  const local = root.toLowerCase().replace(/^[\w.-]+:/, '');
  if (local === 'rss') return 'rss';
  if (root.toLowerCase() === 'rdf:rdf' || (local === 'rdf' && /<(?:\w+:)?channel[\s>]/i.test(rest))) return 'rss';
  if (local === 'feed') return 'atom';
  if (HTML_TAGS.test(root)) return 'html';
  if (h === 'html') return 'html';
  if (s.startsWith('<?xml') || h === 'xml' || root.includes(':')) return 'xml';
  return root ? (h === 'text' ? 'text' : 'xml') : 'text';
}
