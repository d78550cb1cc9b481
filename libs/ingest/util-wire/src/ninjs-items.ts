import { WireParseError } from './errors.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An envelope entry `{ item: {…} }` (AP-style) gives its item; anything else is the item. */
function unwrap(entry: unknown): unknown {
  return isRecord(entry) && isRecord(entry.item) && !('uri' in entry) ? entry.item : entry;
}

function envelopeItems(document: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(document.items)) return document.items;
  const data = document.data;
  if (isRecord(data) && Array.isArray(data.items)) return data.items;
  if (isRecord(data) && isRecord(data.item)) return [data.item];
  return undefined;
}

/**
 * The ninjs items a JSON document holds: itself, the entries of a top-level array, or of an
 * envelope's `items` (`data.items`). `single` tells a lone item, whose fault fails the payload,
 * from a list, whose faulty items are rejected one by one.
 * @throws WireParseError `WIRE_NINJS_INVALID` for JSON of another shape, naming what it lacks;
 * `WIRE_TOO_MANY_ITEMS` past `maxItems`.
 */
export function listItems(
  document: unknown,
  maxItems?: number,
): { items: unknown[]; single: boolean } {
  let items: unknown[];
  if (Array.isArray(document)) items = document;
  else if (isRecord(document)) {
    const listed = 'uri' in document ? undefined : envelopeItems(document);
    if (listed === undefined) return { items: [unwrap(document)], single: true };
    items = listed;
  } else {
    throw new WireParseError(
      'WIRE_NINJS_INVALID',
      `ninjs item is not valid: (document): expected an object with "uri", got ${document === null ? 'null' : typeof document}`,
    );
  }
  if (maxItems !== undefined && items.length > maxItems) {
    throw new WireParseError(
      'WIRE_TOO_MANY_ITEMS',
      `ninjs list has ${items.length} items, more than the ${maxItems} one payload may carry`,
    );
  }
  return { items: items.map(unwrap), single: false };
}
