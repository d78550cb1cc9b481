import { WireParseError } from './errors.js';
import { findRootStart } from './xml-root.js';

const ENTITY_DECLARATION = /<!ENTITY\b([^>]*)/i;
const EXTERNAL = /\b(?:SYSTEM|PUBLIC)\b/;

/**
 * Refuses XML whose prolog declares entities. bulletin never expands them (so "billion laughs"
 * cannot grow, and an external entity never reads a file or a URL), but a payload that declares
 * them is an attack or broken, and saying so beats publishing `&lol9;` as text. A DOCTYPE that
 * only names an external DTD (RSS 0.91, NITF) is allowed: nothing ever fetches it.
 * @throws WireParseError `WIRE_XML_ENTITIES`
 */
export function refuseEntityDeclarations(xml: string): void {
  if (!xml.includes('<!')) return;
  const root = findRootStart(xml);
  const declaration = ENTITY_DECLARATION.exec(root === -1 ? xml : xml.slice(0, root));
  if (declaration === null) return;
  const reason = EXTERNAL.test(declaration[1] ?? '')
    ? 'XML declares an external entity (<!ENTITY … SYSTEM/PUBLIC>): refused, nothing is ever read from files or the network'
    : 'XML declares entities (<!ENTITY>): refused, entities are never expanded (entity expansion attack)';
  throw new WireParseError('WIRE_XML_ENTITIES', reason);
}
