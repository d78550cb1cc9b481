// Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 control characters (as latin-1
// does), not as the curly quotes, dashes and euro sign that byte range holds in windows-1252.
// WHATWG maps the unused bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D to themselves.
const C1_AS_WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const C1 = /[\u0080-\u009f]/g;

/** The character windows-1252 puts at byte (or code point) 0x80..0x9F. */
export function windows1252C1(code: number): string {
  return C1_AS_WINDOWS_1252[code - 0x80] ?? '\uFFFD';
}

/** Replaces C1 control characters left by a latin-1 decode with their windows-1252 meaning. */
export function repairC1(text: string): string {
  return text.replace(C1, (char) => windows1252C1(char.charCodeAt(0)));
}
