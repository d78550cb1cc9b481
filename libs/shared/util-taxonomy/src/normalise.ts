/**
 * Character folding shared by phrases and text, so both sides of a match are normalised by the
 * same rules:
 * - letters are lower-cased and stripped of accents (`É` → `e`); combining marks, soft hyphens
 *   and zero-width characters are ignored;
 * - typographic apostrophes fold to `'` and typographic quotes to `"` (`children’s` ==
 *   `children's`);
 * - every whitespace character, hyphen and dash folds to one space, and runs of them collapse, so
 *   `looked-after` == `looked after` and `local\n\n  authority` == `local authority`.
 *
 * A word character is a letter or digit; anything else (apostrophes included) ends a word, so
 * `council` matches in `council’s` but not in `councillors`.
 */

/** Kind of a character, stored in the low two bits of a class table entry. */
export const KIND_OTHER = 0;
export const KIND_WORD = 1;
export const KIND_SPACE = 2;
export const KIND_IGNORE = 3;

/** Folded code and kind for every UTF-16 code unit. */
export interface FoldTables {
  readonly fold: Uint16Array;
  readonly kind: Uint8Array;
}

const SPACE = 0x20;
const DASHES = [
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d,
];
const APOSTROPHES = [0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07];
const QUOTES = [0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02];
const IGNORED = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

let tables: FoldTables | undefined;

/** The fold tables, built on first use (about 20 ms) and shared by every tagger. */
export function getFoldTables(): FoldTables {
  tables ??= buildFoldTables();
  return tables;
}

function buildFoldTables(): FoldTables {
  const fold = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const [folded, k] = classifyCodeUnit(code);
    fold[code] = folded;
    kind[code] = k;
  }
  return { fold, kind };
}

const markRe = /^\p{M}+$/u;
const wordRe = /^[\p{L}\p{N}]$/u;
const spaceRe = /^\s$/u;

function classifyCodeUnit(code: number): [number, number] {
  // Lone surrogates: astral characters (emoji, rare scripts) are treated as punctuation.
  if (code >= 0xd800 && code <= 0xdfff) return [code, KIND_OTHER];
  const char = String.fromCharCode(code);
  if (IGNORED.includes(code) || markRe.test(char)) return [code, KIND_IGNORE];
  if (spaceRe.test(char) || DASHES.includes(code)) return [SPACE, KIND_SPACE];
  if (APOSTROPHES.includes(code)) return [0x27, KIND_OTHER];
  if (QUOTES.includes(code)) return [0x22, KIND_OTHER];
  const folded = foldLetter(char);
  return [folded.charCodeAt(0), wordRe.test(folded) ? KIND_WORD : KIND_OTHER];
}

function foldLetter(char: string): string {
  const lower = char.toLowerCase();
  // Some capitals lower-case to two code units (İ); keep those as they are.
  const single = lower.length === 1 ? lower : char;
  const decomposed = single.normalize('NFD');
  return decomposed.length > 1 && markRe.test(decomposed.slice(1)) ? decomposed.charAt(0) : single;
}

/** Marks a word boundary in a folded symbol sequence. */
export const BOUNDARY = -1;

/**
 * Folds a phrase into the symbol sequence the automaton matches: folded character codes with
 * {@link BOUNDARY} wherever a word starts or ends. Leading and trailing spaces are dropped.
 * @example foldPhrase("Children’s services") // B c h i l d r e n B ' B s B ␣ B s e r v i c e s B
 */
export function foldPhrase(text: string): number[] {
  const { fold, kind } = getFoldTables();
  const out: number[] = [];
  let prevWord = false;
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const k = kind[code] ?? KIND_OTHER;
    if (k === KIND_IGNORE || (k === KIND_SPACE && prevSpace)) continue;
    prevSpace = k === KIND_SPACE;
    const isWord = k === KIND_WORD;
    if (isWord !== prevWord) out.push(BOUNDARY);
    prevWord = isWord;
    out.push(fold[code] ?? code);
  }
  if (prevWord) out.push(BOUNDARY);
  while (out.at(-1) === SPACE) out.pop();
  return out;
}

/** True when a folded phrase starts and ends on a word, as every matchable phrase must. */
export function isWordBounded(symbols: readonly number[]): boolean {
  return symbols.length > 2 && symbols[0] === BOUNDARY && symbols.at(-1) === BOUNDARY;
}

/** Human-readable form of a folded phrase, used to name duplicates in taxonomy errors. */
export function describeFolded(symbols: readonly number[]): string {
  return symbols
    .filter((s) => s !== BOUNDARY)
    .map((s) => String.fromCharCode(s))
    .join('');
}
