// Printable ASCII, LF and CR, then blocks of letters and punctuation whose characters NFC leaves
// alone, on their own and next to one another: Latin-1 and Latin Extended (bar the soft hyphen),
// general punctuation (bar the odd spaces, invisible and bidi characters), currency signs, arrows
// and geometric shapes. plain-text.spec.ts checks every character and pair of these ranges.
const NOT_PLAIN =
  /[^\n\r\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2190-\u21ff\u25a0-\u25ff]/;

/**
 * True when the fast paths may take every character of the text as it is: no control characters
 * (so it is not binary), no whitespace but spaces, non-breaking spaces and line breaks (LF, CR),
 * nothing invisible, and nothing NFC would change. One scan answers all three, where asking each
 * question separately would take three.
 */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}
