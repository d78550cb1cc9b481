import { findRootStart, readElementName } from './xml-root.js';

/** A feed cut into its items, each to be parsed on its own inside a minimal wrapper. */
export interface SplitFeed {
  /** Everything before the first item: channel or feed metadata. */
  head: string;
  /** One XML document per item, in document order. */
  documents: string[];
}

const ITEM_START = /<(item|entry)(?=[\s>/])/g;
const FIRST_ITEM = /<(?:item|entry)(?=[\s>/])/;
const DOCUMENT_CLOSE = /<\/(?:channel|feed|rdf:RDF|rss)\s*>/;

function rootOpenTag(xml: string): { name: string; tag: string } | undefined {
  const start = findRootStart(xml);
  const name = start === -1 ? undefined : readElementName(xml, start);
  const end = name === undefined ? -1 : xml.indexOf('>', start);
  return name === undefined || end === -1 ? undefined : { name, tag: xml.slice(start, end + 1) };
}

function wrap(root: { name: string; tag: string }, item: string): string {
  // Keeping the original root tag keeps its namespace declarations (content:, dc:, media:).
  if (root.name.endsWith('RDF'))
    return `${root.tag}<channel><title>item</title></channel>${item}</${root.name}>`;
  if (root.name.endsWith('feed')) return `${root.tag}${item}</${root.name}>`;
  return `${root.tag}<channel><title>item</title>${item}</channel></${root.name}>`;
}

function itemEnd(xml: string, start: number, next: number, element: string): number {
  const close = `</${element}>`;
  const found = xml.indexOf(close, start);
  if (found !== -1 && found < next) return found + close.length;
  // Unterminated: the item runs to the next one, or to the closing tags of the document.
  const trailing = xml.slice(start, next);
  const lastClose = trailing.search(DOCUMENT_CLOSE);
  return lastClose === -1 ? next : start + lastClose;
}

/**
 * Splits a feed into one small document per `<item>`/`<entry>`, so that when the whole feed is
 * not well-formed, each item can be parsed alone and one broken item costs only itself.
 * @returns undefined when the document has no root element or no items.
 */
export function splitFeed(xml: string): SplitFeed | undefined {
  const root = rootOpenTag(xml);
  if (root === undefined) return undefined;
  const starts = [...xml.matchAll(ITEM_START)].map((match) => ({
    index: match.index,
    element: match[1] ?? 'item',
  }));
  const first = starts[0];
  if (first === undefined) return undefined;
  const documents = starts.map(({ index, element }, position) => {
    const next = starts[position + 1]?.index ?? xml.length;
    return wrap(root, xml.slice(index, itemEnd(xml, index, next, element)));
  });
  return { head: xml.slice(0, first.index), documents };
}

/** The part of a feed before its first item, where channel/feed metadata lives. */
export function feedHead(xml: string): string {
  const first = xml.search(FIRST_ITEM);
  return first === -1 ? xml : xml.slice(0, first);
}
