// Lists of feeds an operator gives: the FEEDS_FILE format and OPML (what feed readers export).
//
//   parseFeedList(text)  -> FeedList; OPML when the text is XML, else the line format below
//   parseFeedsFile(text) -> FeedList for the line format:
//       # a comment line; blank lines are skipped
//       https://news.example.org/rss.xml Harbour News      <- a URL, then an optional label
//       https://other.example/feed.atom                    <- label null
//   parseOpml(xml)       -> FeedList: every <outline xmlUrl=...> at any depth, label = title ?? text
//
// URLs must be http(s) (checkSourceUrl); a bad or repeated one is a problem with its line, the
// rest are kept. Pure.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkSourceUrl } from '../source-url.ts';
import { BriefingError } from '../errors.ts';

export interface FeedListEntry {
  url: string;
  label: string | null;
}

export interface FeedListProblem {
  /** 1-based line in the file (null in OPML, whose parser does not keep lines). */
  line: number | null;
  /** The URL or line as written, shortened. */
  text: string;
  reason: string;
}

export interface FeedList {
  feeds: FeedListEntry[];
  problems: FeedListProblem[];
}

const short = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

function cleanLabel(label: string | null | undefined): string | null {
  const l = (label ?? '').replace(/^[|\-–—:,]\s*/u, '').replace(/^(["'“])(.*)["'”]$/u, '$2').replace(/\s+/g, ' ').trim();
  return l ? l.slice(0, 200) : null;
}

class ListBuilder {
  readonly list: FeedList = { feeds: [], problems: [] };
  private readonly seen = new Map<string, number | null>();
  add(raw: string, label: string | null, line: number | null): void {
    const checked = checkSourceUrl(raw);
    if (!checked.ok) { this.list.problems.push({ line, text: short(raw), reason: checked.reason }); return; }
    if (this.seen.has(checked.url)) {
      const first = this.seen.get(checked.url);
      this.list.problems.push({ line, text: short(raw), reason: first ? `the same feed as line ${first}` : 'listed twice' });
      return;
    }
    this.seen.set(checked.url, line);
    this.list.feeds.push({ url: checked.url, label: cleanLabel(label) });
  }
}

export function parseFeedsFile(text: string): FeedList {
  const b = new ListBuilder();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\S+)(?:\s+(.*))?$/.exec(line);
    b.add(m?.[1] ?? line, m?.[2] ?? null, i + 1);
  });
  return b.list;
}

type Node = Record<string, unknown>;

function attr(node: Node, name: string): string | null {
  const key = Object.keys(node).find((k) => k.toLowerCase() === `@_${name.toLowerCase()}`);
  const v = key ? node[key] : undefined;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function walk(outlines: unknown, b: ListBuilder): void {
  const list = Array.isArray(outlines) ? outlines : outlines ? [outlines] : [];
  for (const o of list) {
    if (!o || typeof o !== 'object') continue;
    const node = o as Node;
    const xmlUrl = attr(node, 'xmlUrl');
    if (xmlUrl) b.add(xmlUrl, attr(node, 'title') ?? attr(node, 'text'), null);
    walk(node['outline'], b);
  }
}

export function parseOpml(xml: string): FeedList {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new BriefingError('bad_input', `This OPML file is malformed: ${valid.err.msg.replace(/\.$/, '')} (line ${valid.err.line})`, { context: { line: valid.err.line } });
  }
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, htmlEntities: true, isArray: (n) => n === 'outline' }).parse(xml) as Node;
  const opml = doc['opml'] as Node | undefined;
  if (!opml || typeof opml !== 'object') throw new BriefingError('bad_input', 'This XML file is not OPML (no <opml> root)');
  const b = new ListBuilder();
  walk((opml['body'] as Node | undefined)?.['outline'], b);
  return b.list;
}

/** OPML when the text is XML (starts with "<"), else the FEEDS_FILE line format. */
export function parseFeedList(text: string): FeedList {
  return /^\uFEFF?\s*</.test(text) ? parseOpml(text.replace(/^\uFEFF/, '')) : parseFeedsFile(text);
}
