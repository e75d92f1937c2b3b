// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds with fast-xml-parser: one Article per item/entry.
// A malformed document -> BriefingError('bad_input'); a broken item -> ItemFailure, others kept.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { BriefingError } from '../errors.ts';
import { toIsoDate } from './dates.ts';
import { buildFeedArticle, collectItems, plainTitle, type FeedItemFields, type ParseResult } from './feed-item.ts';

type Node = Record<string, unknown>;

const OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name: string) => ['item', 'entry', 'link', 'author'].includes(name),
} as const;

export interface FeedSource {
  file: string | null;
  url: string | null;
}

function malformed(msg: string, source: FeedSource, detail: Record<string, unknown> = {}): BriefingError {
  return new BriefingError('bad_input', `This feed is malformed: ${msg}`, { context: { file: source.file, url: source.url, ...detail } });
}

/** The text of a node: "x", {"#text": "x", "@_type": ...}, or the first of an array. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

function obj(v: unknown): Node | null {
  if (Array.isArray(v)) return obj(v[0]);
  return v && typeof v === 'object' ? (v as Node) : null;
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** Feed readers forgive a bare "&" ("Tom & Jerry"); so do we: escape it outside CDATA sections. */
function escapeBareAmpersands(xml: string): string {
  return xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part, i) =>
    i % 2 === 1 ? part : part.replace(/&(?!#\d+;|#x[\da-f]+;|[a-z][\w.-]*;)/gi, '&amp;')).join('');
}

/** fast-xml-parser's validator messages, in plainer words where they are cryptic. */
function describeXmlError(msg: string, line: number): string {
  const unclosed = /^Invalid '\[([\s\S]*)\]' found/.exec(msg);
  if (unclosed) {
    const tags = [...(unclosed[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
    return `the document ends before ${tags.join(', ')} ${tags.length === 1 ? 'is' : 'are'} closed (a truncated download?)`;
  }
  return `${msg.replace(/\.$/, '')} (line ${line})`;
}

function parseXml(raw: string, source: FeedSource): Node {
  const xml = escapeBareAmpersands(raw);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw malformed(describeXmlError(valid.err.msg, valid.err.line), source, { code: valid.err.code, line: valid.err.line, col: valid.err.col, detail: valid.err.msg });
  try {
    return new XMLParser(OPTIONS).parse(xml) as Node;
  } catch (e) {
    throw malformed(e instanceof Error ? e.message : String(e), source);
  }
}

function rssItem(item: unknown): FeedItemFields {
  const it = obj(item);
  if (!it) throw new BriefingError('bad_input', 'the item is empty');
  const guidNode = it['guid'];
  const guid = text(guidNode);
  const permalink = obj(guidNode)?.['@_isPermaLink'] !== 'false' && guid !== null && /^https?:\/\//i.test(guid);
  const links = list(it['link']).map(text).filter((l): l is string => l !== null);
  return {
    guid,
    url: links[0] ?? (permalink ? guid : null),
    title: text(it['title']),
    content: text(it['content:encoded']),
    summary: text(it['description']),
    published: toIsoDate(text(it['pubDate']) ?? text(it['dc:date'])),
    byline: text(it['dc:creator']) ?? text(it['author']),
  };
}

function atomLink(entry: Node): string | null {
  const links = list(entry['link']).map(obj).filter((l): l is Node => l !== null);
  const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return typeof alt?.['@_href'] === 'string' ? alt['@_href'] : null;
}

/** Atom text constructs: type="xhtml" content arrives as a parsed tree; serialise it back. */
function atomContent(v: unknown): string | null {
  const node = obj(v);
  if (node && node['@_type'] === 'xhtml') {
    const { ['@_type']: _type, ...rest } = node;
    return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' }).build(rest) as string;
  }
  return text(v);
}

function atomEntry(entry: unknown): FeedItemFields {
  const e = obj(entry);
  if (!e) throw new BriefingError('bad_input', 'the entry is empty');
  return {
    guid: text(e['id']),
    url: atomLink(e),
    title: atomContent(e['title']),
    content: atomContent(e['content']),
    summary: atomContent(e['summary']),
    published: toIsoDate(text(e['published']) ?? text(e['updated'])),
    byline: list(e['author']).map((a) => text(obj(a)?.['name'])).filter((n): n is string => n !== null).join(', ') || null,
  };
}

const itemId = (f: () => FeedItemFields) => {
  const fields = f();
  return fields.guid ?? fields.url ?? plainTitle(fields.title);
};

export function parseRss(xml: string, source: FeedSource): ParseResult {
  const doc = parseXml(xml, source);
  const rdf = obj(doc['rdf:RDF']);
  const channel = obj(obj(doc['rss'])?.['channel']) ?? obj(rdf?.['channel']);
  if (!channel) throw malformed('an RSS document needs a <channel>', source);
  const feedTitle = plainTitle(text(channel['title']));
  const items = list(channel['item'] ?? rdf?.['item']);
  const ctx = { file: source.file, baseUrl: source.url, source: feedTitle, format: 'rss' as const };
  return collectItems(items, (it) => buildFeedArticle(rssItem(it), ctx), (it) => itemId(() => rssItem(it)));
}

export function parseAtom(xml: string, source: FeedSource): ParseResult {
  const doc = parseXml(xml, source);
  const feed = obj(doc['feed']);
  if (!feed) throw malformed('an Atom document needs a <feed> root', source);
  const ctx = { file: source.file, baseUrl: source.url, source: plainTitle(atomContent(feed['title'])), format: 'atom' as const };
  const entries = list(feed['entry']);
  return collectItems(entries, (e) => buildFeedArticle(atomEntry(e), ctx), (e) => itemId(() => atomEntry(e)));
}
