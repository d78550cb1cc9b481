import { splitLede } from './split-lede.js';

/** A sentence ends at . ! or ? (and any closing quote), before a space and a capital or quote. */
const SENTENCE_END = /[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9£])/g;
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Co|Ltd|Cllr|Rev|Gen|Sgt|Insp|Supt|vs?|e\.g|i\.e|etc)\.$/;
const SHORT = 120;
const MAX = 320;

/**
 * The story's own summary: the first sentence of its lede, and the second too when the first
 * is short (under 120 characters) and both fit in 320. Nothing is generated; text is only cut.
 * A lede without a sentence end is returned whole, cut at a word with an ellipsis past 320.
 * @example summariseLede('One. Two.\n\nThree.') // 'One. Two.'
 */
export function summariseLede(bodyText: string): string {
  const lede = splitLede(bodyText.trim())[0].replace(/\s+/g, ' ').trim();
  const ends: number[] = [];
  for (const match of lede.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (!ABBREVIATIONS.test(lede.slice(0, match.index + 1))) ends.push(end);
    if (ends.length === 2) break;
  }
  const [first, second] = ends;
  if (first === undefined) return cut(lede);
  if (second !== undefined && first < SHORT && second <= MAX) return lede.slice(0, second);
  return cut(lede.slice(0, first));
}

function cut(text: string): string {
  if (text.length <= MAX) return text;
  const space = text.lastIndexOf(' ', MAX - 1);
  return `${text.slice(0, space > MAX / 2 ? space : MAX - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}
