const SAMPLE_CHARS = 4096;
const SIGNATURE_CHARS = 8;
const MAX_CONTROL_RATIO = 0.02;
const PDF_SIGNATURE = '%PDF-';
// Any character the loop below counts (controls other than \t \n \f \r, DEL, U+FFFD), written
// as the complement of what text is made of. Text has none, and one regex scan costs a fraction
// of a loop over every character.
const CONTROL = /[^\t\n\f\r\x20-\x7e\x80-\ufffc\ufffe\uffff]/;

function isControl(code: number): boolean {
  // Tab, line feed, form feed and carriage return are ordinary in text.
  if (code === 9 || code === 10 || code === 12 || code === 13) return false;
  return code < 32 || code === 127 || code === 0xfffd;
}

/**
 * True when the text is really a binary file: a NUL or a control character among the first
 * bytes (PNG, JPEG, ZIP, gzip signatures all have one), a PDF signature, or more than 2% control
 * or replacement characters in the first 4 KiB.
 * @param controlFree true when the caller knows the text has no control characters (see
 * isPlainText), which leaves only the PDF signature to check.
 */
export function looksBinary(text: string, controlFree = false): boolean {
  if (text.startsWith(PDF_SIGNATURE)) return true;
  if (controlFree) return false;
  const length = Math.min(text.length, SAMPLE_CHARS);
  if (!CONTROL.test(length < text.length ? text.slice(0, length) : text)) return false;
  let controls = 0;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (!isControl(code)) continue;
    if (index < SIGNATURE_CHARS && code !== 0xfffd) return true;
    controls += 1;
  }
  return controls > length * MAX_CONTROL_RATIO;
}
