import { looksBinary } from './binary.js';
import { WireParseError } from './errors.js';
import { isPlainText } from './plain-text.js';
import type { WireFormat } from './types.js';
import { findRootStart, readElementName, skipSpace } from './xml-root.js';

// Elements an HTML page may open with once the parser has skipped its doctype.
const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'title', 'link']);

function formatOfRoot(name: string): WireFormat {
  const local = name.slice(name.indexOf(':') + 1);
  if (local === 'rss' || local === 'RDF') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'nitf') return 'nitf';
  if (HTML_ROOTS.has(local.toLowerCase())) return 'html';
  throw new WireParseError(
    'WIRE_UNRECOGNISED',
    `XML root element <${name}> is neither RSS (<rss>, <rdf:RDF>), Atom (<feed>), NITF (<nitf>) nor an HTML page (<html>)`,
  );
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b|^text\/json\b/i;

/** True when the payload is JSON by its first character or by the Content-Type it came with. */
function isJson(text: string, start: number, contentType: string | undefined): boolean {
  const first = text[start];
  if (first === '{') return true;
  if (first !== '[') return false;
  // Wire copy may open with "[Embargoed …]": a bracket alone is JSON only if it parses.
  if (contentType !== undefined && JSON_TYPE.test(contentType)) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Where the content starts, past any BOM and whitespace. @throws WIRE_EMPTY when it never does. */
function findContentStart(text: string): number {
  const start = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start === text.length) throw new WireParseError('WIRE_EMPTY', 'wire payload is empty');
  return start;
}

function checkNotBinary(text: string, controlFree: boolean): void {
  if (looksBinary(text, controlFree)) {
    throw new WireParseError('WIRE_BINARY', 'wire payload is binary data, not text or XML');
  }
}

function formatFrom(text: string, start: number): WireFormat {
  if (text[start] !== '<') return 'text';
  const root = findRootStart(text, start);
  const name = root === -1 ? undefined : readElementName(text, root);
  if (name !== undefined) return formatOfRoot(name);
  if (root === start) return 'text';
  throw new WireParseError('WIRE_UNRECOGNISED', 'XML payload has no root element after its prolog');
}

/**
 * Tells the format from content: a JSON document (`{`, or `[` that parses or comes as
 * `application/json`) is ninjs; after any BOM, whitespace, XML declaration, comments and
 * DOCTYPE, a root `<rss>` or `<rdf:RDF>` is RSS, `<feed>` Atom, `<nitf>` NITF and `<html>` an
 * HTML page; text that does not start with markup is scraped or plain wire text.
 * @throws WireParseError `WIRE_EMPTY`, `WIRE_BINARY`, or `WIRE_UNRECOGNISED` for other XML roots.
 * @example detectFormat('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">') // 'atom'
 */
export function detectFormat(text: string, contentType?: string): WireFormat {
  return sniffFormat(text, contentType).format;
}

/**
 * {@link detectFormat}, also telling whether a payload that does not start with markup is plain
 * text ({@link isPlainText}). That scan rules out control characters too, so for such text it
 * stands in for the scan for binary data instead of adding to it.
 */
export function sniffFormat(
  text: string,
  contentType?: string,
): { format: WireFormat; plain: boolean } {
  const start = findContentStart(text);
  if (isJson(text, start, contentType)) {
    checkNotBinary(text, false);
    return { format: 'ninjs', plain: false };
  }
  const plain = text[start] !== '<' && isPlainText(text);
  checkNotBinary(text, plain);
  return { format: formatFrom(text, start), plain };
}
