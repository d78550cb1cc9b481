/**
 * Characters XML 1.0 forbids (C0 controls except tab, LF and CR; U+FFFE and U+FFFF) and lone
 * surrogates, which no encoder can write as UTF-8. HTML treats the same controls as parse errors,
 * so every format drops them, keeping the same item identical across feeds and pages.
 */
const NOT_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const MARKUP_CHARS = /[&<>"']/g;
const HAS_MARKUP_CHAR = /[&<>"']/;

const MARKUP_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Removes every character that may not appear in an XML 1.0 document.
 * @example stripInvalidChars('a\u0000b') // 'ab'
 */
export function stripInvalidChars(value: string): string {
  return value.replace(NOT_XML_CHARS, '');
}

/**
 * Escapes `& < > " '` so the value is safe as XML or HTML text and inside a quoted attribute.
 * Escaping `>` also means the result can never contain `]]>`.
 * @example escapeMarkup('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeMarkup(value: string): string {
  // Most text has nothing to escape; a test is much cheaper than a replace that calls back.
  if (!HAS_MARKUP_CHAR.test(value)) return value;
  return value.replace(MARKUP_CHARS, (char) => MARKUP_ENTITIES[char] ?? char);
}

/** {@link stripInvalidChars} then {@link escapeMarkup}: any string to safe markup text. */
export function toMarkupText(value: string): string {
  return escapeMarkup(stripInvalidChars(value));
}

/** True when the value is an absolute http(s) URL, the only kind we link to or embed. */
export function isHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/[^\s]/i.test(value);
}
