import { isHttpUrl } from '@bulletin/markup';
import { RenderError } from './render-error.js';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const PERCENT_ESCAPE = /^%[0-9A-Fa-f]{2}/;
// RFC 3986 unreserved and reserved characters; everything else must be percent-encoded.
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;
// RFC 2141 URN characters, which the W3C feed validator holds `urn:` ids to (no `~`, `/`, `&`).
const URN_CHAR = /[A-Za-z0-9()+,\-.:=@;$_!*']/;
const URN_NID = /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/;

/** A URI is "absolute" here when it has a scheme and only characters RFC 3986 allows. */
const ABSOLUTE_URI =
  /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;

const UTF8 = new TextEncoder();

function percentEncode(char: string): string {
  let out = '';
  for (const byte of UTF8.encode(char))
    out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

function encodeOutside(value: string, allowed: RegExp): string {
  let out = '';
  for (let at = 0; at < value.length;) {
    const escape = PERCENT_ESCAPE.exec(value.slice(at, at + 3))?.[0];
    const char = escape ?? String.fromCodePoint(value.codePointAt(at) ?? 0);
    out += escape !== undefined || allowed.test(char) ? char : percentEncode(char);
    at += char.length;
  }
  return out;
}

/**
 * The value as a valid absolute URI, percent-encoding only what RFC 3986 (or, for `urn:`,
 * RFC 2141) does not allow; a well-formed URI comes back unchanged, so an id stays stable.
 * A value without a scheme, or a `urn:` that RFC 2141 would refuse (a one-letter namespace, no
 * specific string), becomes `urn:bulletin:{value percent-encoded}`. Expects input
 * already free of characters XML forbids (lone surrogates cannot be encoded).
 * @example toUri('urn:bulletin:gov-uk:item-1') // unchanged
 * @example toUri('urn:x:a"b') // 'urn:x:a%22b'
 */
export function toUri(value: string): string {
  if (!SCHEME.test(value)) return `urn:bulletin:${encodeOutside(value, URN_CHAR)}`;
  if (/^urn:/i.test(value)) {
    const [nid = '', ...rest] = value.slice(4).split(':');
    const nss = encodeOutside(rest.join(':'), URN_CHAR);
    // RFC 2141 needs a 2-32 character namespace id and a non-empty specific string.
    if (URN_NID.test(nid) && nss !== '') return `urn:${nid}:${nss}`;
    return `urn:bulletin:${encodeOutside(value, URN_CHAR)}`;
  }
  return encodeOutside(value, URI_CHAR);
}

/** True for an absolute URI made only of the characters RFC 3986 allows. */
export function isAbsoluteUri(value: string | undefined): value is string {
  return value !== undefined && ABSOLUTE_URI.test(value);
}

/**
 * Returns the value when it is an absolute http(s) URL; feeds need absolute links, and a
 * relative one is a configuration fault worth failing on rather than publishing.
 * @throws RenderError `RENDER_INVALID_URL` naming the field.
 */
export function requireHttpUrl(value: string, field: string): string {
  if (!isHttpUrl(value)) {
    throw new RenderError(
      'RENDER_INVALID_URL',
      `${field} must be an absolute http(s) URL: ${JSON.stringify(value)}`,
    );
  }
  return value;
}
