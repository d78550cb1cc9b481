import { WireParseError } from './errors.js';

const TAG = /<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Deepest element nesting bulletin reads; real articles stay far below it. */
export const MAX_NESTING = 512;

/**
 * Refuses markup nested deeper than {@link MAX_NESTING} before a DOM is built from it: the DOM
 * and Readability walk it recursively, and 20,000 nested `<div>`s cost seconds and then the
 * stack. One pass over the tags, counting opens against closes.
 * @throws WireParseError `WIRE_TOO_DEEP`
 */
export function refuseDeepNesting(markup: string, what: string): void {
  let depth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(markup); match !== null; match = TAG.exec(markup)) {
    if (match[1] === '/') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (match[3] === '/' || VOID.has((match[2] ?? '').toLowerCase())) continue;
    depth += 1;
    if (depth > MAX_NESTING) {
      throw new WireParseError(
        'WIRE_TOO_DEEP',
        `${what} nests elements more than ${MAX_NESTING} deep: refused before building a document`,
      );
    }
  }
}
