import { looksBinary } from './binary.js';
import { WireParseError } from './errors.js';
import type { WireFormat } from './types.js';

const ROOT_ELEMENT = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?=[\s/>])/y;
const NOT_SPACE = /\S/g;

/** Closing marker of each prolog construct that may come before the root element. */
const PROLOG: ReadonlyArray<readonly [string, string]> = [
  ['<?', '?>'],
  ['<!--', '-->'],
];

function skipSpace(text: string, from: number): number {
  NOT_SPACE.lastIndex = from;
  return NOT_SPACE.exec(text)?.index ?? text.length;
}

function skipDoctype(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const subset = text.indexOf('[', from);
  // An internal subset may itself contain '>' characters, so it is closed by ']>' instead.
  if (subset !== -1 && (close === -1 || subset < close)) {
    const end = text.indexOf(']', subset);
    return end === -1 ? -1 : text.indexOf('>', end) + 1 || -1;
  }
  return close === -1 ? -1 : close + 1;
}

/** Index of the root element's `<`, past declaration, comments, PIs and DOCTYPE; -1 if unclosed. */
export function findRootStart(text: string, from = 0): number {
  let index = skipSpace(text, from);
  for (;;) {
    const prolog = PROLOG.find(([open]) => text.startsWith(open, index));
    if (prolog !== undefined) {
      const end = text.indexOf(prolog[1], index + prolog[0].length);
      if (end === -1) return -1;
      index = skipSpace(text, end + prolog[1].length);
    } else if (text.startsWith('<!', index)) {
      const end = skipDoctype(text, index);
      if (end === -1) return -1;
      index = skipSpace(text, end);
    } else {
      return index;
    }
  }
}

/** Name of the element starting at `index` (`rss`, `rdf:RDF`, `feed`), or undefined. */
export function readElementName(text: string, index: number): string | undefined {
  ROOT_ELEMENT.lastIndex = index;
  return ROOT_ELEMENT.exec(text)?.[1];
}

function formatOfRoot(name: string): WireFormat {
  const local = name.slice(name.indexOf(':') + 1);
  if (local === 'rss' || local === 'RDF') return 'rss';
  if (local === 'feed') return 'atom';
  throw new WireParseError(
    'WIRE_UNRECOGNISED',
    `XML root element <${name}> is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>)`,
  );
}

/**
 * Tells the format from content alone: after any BOM, whitespace, XML declaration, comments and
 * DOCTYPE, a root `<rss>` or `<rdf:RDF>` is RSS and `<feed>` is Atom; text that does not start
 * with markup is scraped or plain wire text.
 * @throws WireParseError `WIRE_EMPTY`, `WIRE_BINARY`, or `WIRE_UNRECOGNISED` for other XML roots.
 * @example detectFormat('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">') // 'atom'
 */
export function detectFormat(text: string): WireFormat {
  const start = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start === text.length) throw new WireParseError('WIRE_EMPTY', 'wire payload is empty');
  if (looksBinary(text)) {
    throw new WireParseError('WIRE_BINARY', 'wire payload is binary data, not text or XML');
  }
  if (text[start] !== '<') return 'text';
  const root = findRootStart(text, start);
  const name = root === -1 ? undefined : readElementName(text, root);
  if (name !== undefined) return formatOfRoot(name);
  if (root === start) return 'text';
  throw new WireParseError('WIRE_UNRECOGNISED', 'XML payload has no root element after its prolog');
}
