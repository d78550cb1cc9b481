import iconv from 'iconv-lite';
import { countUtf8 } from './utf8-scan.js';

const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i;
const HEAD_BYTES = 256;
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
// As browsers do, and the CMSs that write them expect: 0x80-0x9F are curly quotes, dashes, €.
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
]);

/** Text of a payload, and what decoding it had to flag. */
export interface Decoded {
  text: string;
  /** E.g. invalid UTF-8 replaced by U+FFFD; copied onto every story of the payload. */
  warnings: string[];
}

function bomEncoding(bytes: Uint8Array): { label: string; length: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', length: 2 };
  return undefined;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII by definition, so reading the head as latin-1 is safe.
  const head = String.fromCharCode(...bytes.subarray(0, HEAD_BYTES));
  return XML_ENCODING.exec(head)?.[1]?.toLowerCase();
}

/** The charset named by a `Content-Type` header, when iconv-lite knows it. */
export function headerCharset(contentType: string | undefined): string | undefined {
  const label = HEADER_CHARSET.exec(contentType ?? '')?.[1]?.toLowerCase();
  return label !== undefined && iconv.encodingExists(label) ? label : undefined;
}

/**
 * UTF-8, or windows-1252 when the bytes are not UTF-8 at all. A file with valid multi-byte
 * sequences and a few stray bytes is UTF-8 with damage: those bytes become U+FFFD and the rest
 * is kept, where re-decoding the whole file as windows-1252 would turn every `’` into `â€™`.
 */
function decodeUtf8(bytes: Uint8Array, trusted: boolean): Decoded {
  const { valid, invalid } = countUtf8(bytes);
  if (invalid === 0) return { text: iconv.decode(Buffer.from(bytes), 'utf-8'), warnings: [] };
  if (!trusted && valid === 0) {
    // No UTF-8 sequence at all: UK copy of that kind is windows-1252 (a superset of latin-1).
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), warnings: [] };
  }
  return {
    text: iconv.decode(Buffer.from(bytes), 'utf-8'),
    warnings: [`invalid UTF-8: ${invalid} byte sequence(s) replaced by U+FFFD`],
  };
}

function decodeAs(bytes: Uint8Array, label: string, trusted: boolean): Decoded {
  if (UTF8_LABELS.has(label)) return decodeUtf8(bytes, trusted);
  const charset = WINDOWS_1252_LABELS.has(label) ? 'windows-1252' : label;
  return { text: iconv.decode(Buffer.from(bytes), charset), warnings: [] };
}

/**
 * Turns a payload into text, trusting in order: the charset of the HTTP `Content-Type`, a
 * byte-order mark, an XML declaration's `encoding` (rss-parser ignores it), then UTF-8 with a
 * windows-1252 fallback for bytes with no UTF-8 in them. Unknown labels are skipped. A string
 * payload is taken as already decoded, less any leading BOM.
 * @example decodeWire(bytes, 'application/rss+xml; charset=windows-1252').text
 */
export function decodeWire(bytes: Uint8Array | string, contentType?: string): Decoded {
  if (typeof bytes === 'string') {
    return { text: bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes, warnings: [] };
  }
  const bom = bomEncoding(bytes);
  const header = headerCharset(contentType);
  if (header !== undefined) {
    const body = bom !== undefined && bom.label === header ? bytes.subarray(bom.length) : bytes;
    return decodeAs(body, header, true);
  }
  if (bom !== undefined) return decodeAs(bytes.subarray(bom.length), bom.label, true);
  const declared = declaredEncoding(bytes);
  if (declared !== undefined && iconv.encodingExists(declared)) {
    return decodeAs(bytes, declared, false);
  }
  return decodeUtf8(bytes, false);
}
