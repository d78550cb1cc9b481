// A strict XML 1.0 + Namespaces well-formedness check for tests, covering what bulletin emits
// (declaration, elements, attributes, text, references, CDATA, comments, PIs; no DTD).
// Node's usual parsers (sax, xml2js) accept `<` in attributes, control characters and a
// stray `]]>`, exactly the faults we guard against, so they cannot be the judge.

const NOT_CHAR =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = '[A-Za-z_:\\u00C0-\\uFFEF][A-Za-z0-9_:.\\-\\u00B7\\u00C0-\\uFFEF]*';
const REFERENCE = '&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);';
const DECLARATION =
  /^<\?xml\s+version="1\.\d+"(?:\s+encoding="[A-Za-z][\w.-]*")?(?:\s+standalone="(?:yes|no)")?\s*\?>/;
const START_TAG = new RegExp(
  `<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"(?:[^<&"]|${REFERENCE})*"|'(?:[^<&']|${REFERENCE})*'))*)\\s*(/?)>`,
  'y',
);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const TEXT = new RegExp(`(?:[^<&]|${REFERENCE})*`, 'y');
const CHAR_REFERENCE = /&#(x?)([0-9a-fA-F]+);/g;

interface Open {
  readonly name: string;
  readonly prefixes: ReadonlySet<string>;
}

/** Thrown by {@link assertWellFormedXml}; the message names the fault and its offset. */
export class XmlWellFormednessError extends Error {}

function fail(message: string, at: number): never {
  throw new XmlWellFormednessError(`${message} at offset ${at}`);
}

function checkCharReferences(text: string, at: number): void {
  for (const [, hex, digits] of text.matchAll(CHAR_REFERENCE)) {
    const code = Number.parseInt(digits ?? '', hex ? 16 : 10);
    const char = code > 0x10ffff ? '\u0000' : String.fromCodePoint(code);
    if (NOT_CHAR.test(char) || (code >= 0xd800 && code <= 0xdfff))
      fail(`reference to a non-XML character ${code}`, at);
  }
}

function checkPrefix(name: string, prefixes: ReadonlySet<string>, at: number): void {
  const colon = name.indexOf(':');
  if (colon === -1) return;
  const prefix = name.slice(0, colon);
  if (prefix !== 'xml' && prefix !== 'xmlns' && !prefixes.has(prefix))
    fail(`undeclared prefix ${prefix}`, at);
}

function openElement(match: RegExpExecArray, parent: Open | undefined, at: number): Open {
  const prefixes = new Set(parent?.prefixes);
  const names = new Set<string>();
  const attributes = [...(match[2] ?? '').matchAll(ATTRIBUTE)];
  for (const [, name = ''] of attributes) {
    if (names.has(name)) fail(`duplicate attribute ${name}`, at);
    names.add(name);
    if (name.startsWith('xmlns:')) prefixes.add(name.slice(6));
  }
  checkPrefix(match[1] ?? '', prefixes, at);
  for (const [, name = '', double, single] of attributes) {
    checkPrefix(name, prefixes, at);
    checkCharReferences(double ?? single ?? '', at);
  }
  return { name: match[1] ?? '', prefixes };
}

function skipMarkup(xml: string, at: number, open: string, close: string): number {
  const end = xml.indexOf(close, at + open.length);
  if (end === -1) fail(`unterminated ${open}`, at);
  if (open === '<!--' && xml.slice(at + 4, end).includes('--')) fail('"--" inside a comment', at);
  return end + close.length;
}

function readText(xml: string, at: number, inRoot: boolean): number {
  TEXT.lastIndex = at;
  TEXT.exec(xml);
  const text = xml.slice(at, TEXT.lastIndex);
  if (xml[TEXT.lastIndex] === '&') fail('"&" that starts no reference', TEXT.lastIndex);
  if (text.includes(']]>')) fail('"]]>" in text', at);
  if (!inRoot && text.trim() !== '') fail('text outside the root element', at);
  checkCharReferences(text, at);
  return TEXT.lastIndex;
}

/**
 * Throws {@link XmlWellFormednessError} unless `xml` is a well-formed, namespace-well-formed
 * XML 1.0 document without a DTD.
 * @example expect(() => assertWellFormedXml(renderAtom(feed, stories, ctx))).not.toThrow();
 */
export function assertWellFormedXml(xml: string): void {
  const bad = NOT_CHAR.exec(xml);
  if (bad) fail(`non-XML character U+${bad[0].charCodeAt(0).toString(16)}`, bad.index);
  const stack: Open[] = [];
  let at = DECLARATION.exec(xml)?.[0].length ?? 0;
  let roots = 0;
  while (at < xml.length) {
    if (xml[at] !== '<') at = readText(xml, at, stack.length > 0);
    else if (xml.startsWith('<!--', at)) at = skipMarkup(xml, at, '<!--', '-->');
    else if (xml.startsWith('<![CDATA[', at)) {
      if (stack.length === 0) fail('CDATA outside the root element', at);
      at = skipMarkup(xml, at, '<![CDATA[', ']]>');
    } else if (xml.startsWith('<!', at)) fail('DTDs and unknown declarations are not expected', at);
    else if (xml.startsWith('<?', at)) {
      if (/^<\?xml[\s?]/i.test(xml.slice(at, at + 6))) fail('misplaced XML declaration', at);
      at = skipMarkup(xml, at, '<?', '?>');
    } else if (xml.startsWith('</', at)) {
      END_TAG.lastIndex = at;
      const end = END_TAG.exec(xml) ?? fail('malformed end tag', at);
      if (stack.pop()?.name !== end[1]) fail(`mismatched end tag </${end[1]}>`, at);
      at = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = at;
      const start = START_TAG.exec(xml) ?? fail('malformed start tag', at);
      if (stack.length === 0 && ++roots > 1) fail('more than one root element', at);
      const element = openElement(start, stack.at(-1), at);
      if (start[3] !== '/') stack.push(element);
      at = START_TAG.lastIndex;
    }
  }
  if (roots === 0) fail('no root element', at);
  if (stack.length > 0) fail(`unclosed <${stack.at(-1)?.name}>`, at);
}
