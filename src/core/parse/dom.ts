// A small, typed view of the linkedom DOM (the project compiles without the DOM lib).
// linkedom is a pure in-memory DOM: no I/O, no network, no scripts run.
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

export function isElement(n: DomNode): n is DomElement {
  return n.nodeType === ELEMENT_NODE;
}

/** Parses a whole page. */
export function parseDom(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** Parses an HTML fragment (feed item content) and returns its container. */
export function parseFragment(html: string): DomElement {
  const doc = parseDom(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const body = doc.body ?? doc.documentElement;
  if (!body) throw new Error('linkedom returned no body');
  return body;
}
