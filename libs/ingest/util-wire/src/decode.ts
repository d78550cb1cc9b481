import { repairC1 } from './windows-1252.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');
const LATIN1 = new TextDecoder('latin1');
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const HEAD_BYTES = 256;

function decodeBom(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return UTF8_LENIENT.decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return UTF16LE.decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return UTF16BE.decode(bytes.subarray(2));
  return undefined;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII by definition, so reading the head as latin-1 is safe.
  const head = String.fromCharCode(...bytes.subarray(0, HEAD_BYTES));
  const label = XML_ENCODING.exec(head)?.[1]?.toLowerCase();
  return label === undefined || label === 'utf-8' || label === 'utf8' ? undefined : label;
}

type Decoder = InstanceType<typeof TextDecoder>;

function decoderFor(label: string): Decoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

function decodeUtf8OrLegacy(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    // Not valid UTF-8: UK copy of that kind is almost always windows-1252 (a superset of latin-1).
    return repairC1(LATIN1.decode(bytes));
  }
}

/**
 * Turns a payload into text. A byte-order mark wins; then an XML declaration's `encoding`
 * (rss-parser ignores it); then UTF-8, falling back to windows-1252 when the bytes are not
 * valid UTF-8. A string payload is taken as already decoded, less any leading BOM.
 */
export function decodeWire(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes;
  const fromBom = decodeBom(bytes);
  if (fromBom !== undefined) return fromBom;
  const label = declaredEncoding(bytes);
  const decoder = label === undefined ? undefined : decoderFor(label);
  if (decoder === undefined) return decodeUtf8OrLegacy(bytes);
  const text = decoder.decode(bytes);
  // WHATWG treats every latin-1 label as windows-1252; see windows-1252.ts for why this is needed.
  return decoder.encoding === 'windows-1252' ? repairC1(text) : text;
}
