import { describeError } from '@bulletin/errors';
import { decodeWire } from './decode.js';
import { sniffFormat } from './detect-format.js';
import { WireParseError } from './errors.js';
import { parseFeed } from './parse-feed.js';
import { parseHtmlPage } from './parse-html.js';
import { parseNinjs } from './parse-ninjs.js';
import { parseNitf } from './parse-nitf.js';
import { parseTextStory } from './parse-text.js';
import type { WireFormat, WireInput, WireLimits, WireResult } from './types.js';

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

function checkSize(bytes: Uint8Array | string, maxBytes: number | undefined): void {
  if (maxBytes === undefined) return;
  // A string's UTF-8 length is at most three bytes per UTF-16 unit: count only when it matters.
  const size =
    typeof bytes !== 'string'
      ? bytes.length
      : bytes.length * 3 <= maxBytes
        ? 0
        : Buffer.byteLength(bytes);
  if (size > maxBytes) {
    throw new WireParseError(
      'WIRE_TOO_LARGE',
      `payload is ${size} bytes, over the ${maxBytes}-byte limit`,
    );
  }
}

/**
 * Parses one wire payload into stories. The format is detected from the content (never the
 * filename), helped by the Content-Type for JSON; bytes are decoded by the header's charset, a
 * BOM, the XML declaration, or UTF-8 (damaged bytes become U+FFFD and are flagged) with a
 * windows-1252 fallback. Text, NITF and HTML pages give one story; RSS, Atom and ninjs lists give
 * one per usable item, with the rest listed in `rejected`. Same input, same stories, byte for
 * byte. What had to be flagged (a date that could not be read, damaged bytes) is in each story's
 * `warnings`.
 * @throws WireParseError (permanent) naming what was wrong: `WIRE_EMPTY`, `WIRE_BINARY`,
 * `WIRE_TOO_LARGE`, `WIRE_TOO_MANY_ITEMS`, `WIRE_UNRECOGNISED`, `WIRE_NO_HEADLINE`,
 * `WIRE_NO_BODY`, `WIRE_XML_INVALID`, `WIRE_XML_ENTITIES`, `WIRE_NO_ITEMS`, `WIRE_JSON_INVALID`,
 * `WIRE_NINJS_INVALID`, `WIRE_NITF_INVALID`.
 * @example
 * const { format, stories } = await parseWire(
 *   { bytes, source: { id: 'pse', name: 'Public Sector Executive' }, receivedAt: '2024-03-14T09:00:00Z' },
 *   { maxBytes: 5 * 1024 * 1024, maxItems: 5000 },
 * );
 */
export async function parseWire(input: WireInput, limits: WireLimits = {}): Promise<WireResult> {
  const receivedAt = normaliseReceivedAt(input.receivedAt);
  checkSize(input.bytes, limits.maxBytes);
  const { text, warnings } = decodeWire(input.bytes, input.contentType);
  const context = { source: input.source, receivedAt, warnings, ...limits };
  const { format, plain } = sniffFormat(text, input.contentType);
  try {
    return await parseAs(format, text, plain, context);
  } catch (error) {
    throw asWireError(error, format);
  }
}

/**
 * The one error type callers handle. A library's own failure on hostile input (a stack
 * overflow in a DOM, a story the model refuses) becomes a permanent, coded wire error that keeps
 * the original as its cause.
 */
function asWireError(error: unknown, format: WireFormat): WireParseError {
  if (error instanceof WireParseError) return error;
  const detail = describeError(error).split('\n')[0] ?? 'unknown error';
  return new WireParseError('WIRE_UNREADABLE', `${format} payload could not be read: ${detail}`, {
    cause: error,
  });
}

type Context = Parameters<typeof parseNinjs>[1];

async function parseAs(
  format: WireFormat,
  text: string,
  plain: boolean,
  context: Context,
): Promise<WireResult> {
  switch (format) {
    case 'text':
      return { format, stories: [parseTextStory(text, context, plain)], rejected: [] };
    case 'ninjs':
      return parseNinjs(text, context);
    case 'nitf':
      return { format, stories: [parseNitf(text, context)], rejected: [] };
    case 'html':
      return { format, stories: [parseHtmlPage(text, context)], rejected: [] };
    default:
      return parseFeed(text, { ...context, format });
  }
}
