// JavaScript's \s already covers non-breaking and the other Unicode spaces. Matching only runs
// and non-space whitespace leaves ordinary single spaces alone, which keeps this fast.
const SPACES = /\s{2,}|[^\S ]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const TAG = /<\/?[A-Za-z!][^>]*>/g;
// Whitespace other than the space, and the invisible characters: without them (or a run of
// spaces), collapsing is trimming.
const ODD_SPACE_OR_RUN =
  /[\t\n\v\f\r\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}/;
// What splitLines still looks for once CRs are gone, bar the space runs and non-breaking spaces
// it collapses on its own. Tab, VT and FF are looked for with includes(): a class of high
// characters alone scans faster.
const RARE_SPACE = /[\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;
const CARRIAGE_RETURN = /\r\n?/g;
const SPACE_RUN = / {2,}/g;
const SPACE = 32;

/** Collapses every run of whitespace (non-breaking and Unicode spaces too) to one space. */
export function collapseSpace(text: string): string {
  if (!ODD_SPACE_OR_RUN.test(text)) return text.trim();
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

function hasRareSpace(text: string): boolean {
  return text.includes('\t') || text.includes('\v') || text.includes('\f') || RARE_SPACE.test(text);
}

/**
 * The lines of a text, split at CR, LF, CRLF, U+2028 and U+2029, each as {@link collapseSpace}
 * leaves it ('' for a blank line). Usual text takes a few passes over the whole string rather
 * than several per line: once every break is a LF, no run of whitespace spans two lines.
 * @param plain true when {@link isPlainText} holds for the text, which spares a scan for odd
 * whitespace.
 */
export function splitLines(text: string, plain = false): string[] {
  // CR and CRLF are line breaks like LF; making them LF leaves the same lines.
  const unix = text.includes('\r') ? text.replace(CARRIAGE_RETURN, '\n') : text;
  if (!plain && hasRareSpace(unix)) return unix.split(LINE_BREAK).map(collapseSpace);
  const spaced = unix.replaceAll('\u00a0', ' ').replace(SPACE_RUN, ' ');
  const lines: string[] = [];
  for (let start = 0; start <= spaced.length;) {
    const next = spaced.indexOf('\n', start);
    const end = next === -1 ? spaced.length : next;
    // Runs are single spaces now, so trimming takes one space off either end at most.
    const from = spaced.charCodeAt(start) === SPACE ? start + 1 : start;
    lines.push(
      spaced.slice(from, end > from && spaced.charCodeAt(end - 1) === SPACE ? end - 1 : end),
    );
    start = end + 1;
  }
  return lines;
}

/** Removes markup, keeping the text between tags. */
export function stripTags(html: string): string {
  return html.includes('<') ? html.replace(TAG, '') : html;
}
