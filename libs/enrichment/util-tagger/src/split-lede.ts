const PARAGRAPH_BREAK = /\n[ \t]*\n/;

/**
 * `[lede, rest]` of a plain-text body: the lede is the first paragraph (up to the first blank
 * line), which carries more weight than the rest, as a news story puts its point there.
 * @example splitLede('One.\n\nTwo.') // ['One.', 'Two.']
 */
export function splitLede(bodyText: string): [string, string] {
  const match = PARAGRAPH_BREAK.exec(bodyText);
  if (match === null) return [bodyText, ''];
  return [bodyText.slice(0, match.index), bodyText.slice(match.index + match[0].length)];
}
