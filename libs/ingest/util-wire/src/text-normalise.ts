// JavaScript's \s already covers non-breaking and the other Unicode spaces. Matching only runs
// and non-space whitespace leaves ordinary single spaces alone, which keeps this fast.
const SPACES = /\s{2,}|[^\S ]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const TAG = /<\/?[A-Za-z!][^>]*>/g;

/** Collapses every run of whitespace (non-breaking and Unicode spaces too) to one space. */
export function collapseSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Removes markup, keeping the text between tags. */
export function stripTags(html: string): string {
  return html.includes('<') ? html.replace(TAG, '') : html;
}
