const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s)/g;
const TRAILING_JOINERS = /[\s,;:–—-]+$/;

/**
 * Shortens text to at most `max` characters, preferring the end of a sentence; failing that a
 * word boundary with an ellipsis.
 * @defaultValue max 300
 * @example trimSummary('One. Two three.', 8) // 'One.'
 */
export function trimSummary(text: string, max = 300): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max + 1);
  let cut = -1;
  for (const match of window.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end <= max) cut = end;
  }
  // A sentence end very early would throw most of the summary away; a word cut reads better.
  if (cut >= max * 0.4) return text.slice(0, cut);
  const space = text.lastIndexOf(' ', max - 1);
  const end = space > max * 0.4 ? space : max - 1;
  return `${text.slice(0, end).replace(TRAILING_JOINERS, '')}…`;
}
