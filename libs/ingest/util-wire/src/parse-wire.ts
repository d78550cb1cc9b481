import { decodeWire } from './decode.js';
import { sniffFormat } from './detect-format.js';
import { WireParseError } from './errors.js';
import { parseFeed } from './parse-feed.js';
import { parseTextStory } from './parse-text.js';
import type { WireInput, WireResult } from './types.js';

function normaliseReceivedAt(receivedAt: string): string {
  const ms = Date.parse(receivedAt);
  if (Number.isNaN(ms)) {
    throw new WireParseError(
      'WIRE_INPUT_INVALID',
      `receivedAt must be an ISO date-time, got "${receivedAt}"`,
    );
  }
  return new Date(ms).toISOString();
}

/**
 * Parses one wire payload into stories. The format is detected from the content (never the
 * filename); bytes are decoded by BOM, XML declaration or UTF-8 with a windows-1252 fallback.
 * Scraped or plain text gives one story; RSS and Atom give one per usable item, with the rest
 * listed in `rejected`. Same input, same stories, byte for byte.
 * @throws WireParseError (permanent) naming what was wrong: `WIRE_EMPTY`, `WIRE_BINARY`,
 * `WIRE_UNRECOGNISED`, `WIRE_NO_HEADLINE`, `WIRE_NO_BODY`, `WIRE_XML_INVALID`, `WIRE_NO_ITEMS`.
 * @example
 * const { format, stories } = await parseWire({
 *   bytes, source: { id: 'pse', name: 'Public Sector Executive' }, receivedAt: '2024-03-14T09:00:00Z',
 * });
 */
export async function parseWire(input: WireInput): Promise<WireResult> {
  const context = { source: input.source, receivedAt: normaliseReceivedAt(input.receivedAt) };
  const text = decodeWire(input.bytes);
  const { format, plain } = sniffFormat(text);
  if (format === 'text') {
    return { format, stories: [parseTextStory(text, context, plain)], rejected: [] };
  }
  return parseFeed(text, { ...context, format });
}
