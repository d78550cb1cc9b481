import { RenderError } from './render-error.js';

function fault(message: string): RenderError {
  return new RenderError('RENDER_UNSAFE_OUTPUT', `feed output changed shape: ${message}`);
}

/**
 * Adds attributes (namespace declarations) to the start tag that begins with `tagStart`, which
 * must occur exactly once. `feed` declares only the namespaces it uses itself; this declares
 * the ones our own elements need (`media:`, `fh:`).
 * @throws RenderError `RENDER_UNSAFE_OUTPUT` when the tag is missing or repeated.
 */
export function addRootAttributes(
  xml: string,
  tagStart: string,
  attributes: readonly (readonly [string, string])[],
): string {
  const at = xml.indexOf(tagStart);
  if (at === -1 || xml.indexOf(tagStart, at + 1) !== -1) throw fault(`no single ${tagStart}`);
  const added = attributes.map(([name, value]) => ` ${name}="${value}"`).join('');
  const end = at + tagStart.length;
  return `${xml.slice(0, end)}${added}${xml.slice(end)}`;
}

/**
 * Inserts lines after the one line that reads `anchor` (ignoring indentation), indented like
 * it. Used for elements `feed` has no option for, such as RFC 5005 links.
 * @throws RenderError `RENDER_UNSAFE_OUTPUT` unless exactly one line reads `anchor`.
 */
export function insertAfterLine(xml: string, anchor: string, lines: readonly string[]): string {
  if (lines.length === 0) return xml;
  const all = xml.split('\n');
  const found = all.flatMap((line, index) => (line.trim() === anchor ? [index] : []));
  const [index] = found;
  if (index === undefined || found.length > 1) throw fault(`no single line ${anchor}`);
  const indent = /^[ \t]*/.exec(all[index] ?? '')?.[0] ?? '';
  all.splice(index + 1, 0, ...lines.map((line) => `${indent}${line}`));
  return all.join('\n');
}
