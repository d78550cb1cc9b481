// Finding the root element of an XML document past its prolog, without parsing it.

const ROOT_ELEMENT = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?=[\s/>])/y;
const NOT_SPACE = /\S/g;

/** Closing marker of each prolog construct that may come before the root element. */
const PROLOG: ReadonlyArray<readonly [string, string]> = [
  ['<?', '?>'],
  ['<!--', '-->'],
];

/** Index of the first non-whitespace character at or after `from`; the length when none. */
export function skipSpace(text: string, from: number): number {
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
