// Character-level tests that stand in for regexes anchored at the end of a line (`…$`) and for
// `\S+` word counts. V8 runs an end-anchored regex from every position of the string, so on a
// paragraph it costs a pass over the whole text; these look only at the last few characters.

const FULL_STOP = 0x2e;
const COLON = 0x3a;

function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019; // " ' ” ’
}

function isQuestionOrExclamation(code: number): boolean {
  return code === 0x3f || code === 0x21;
}

/** True for exactly the characters JavaScript's `\s` matches. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// One regex per word count asked about: a handful, so the cache stays small.
const AT_LEAST_WORDS = new Map<number, RegExp>();

/**
 * Same as `(text.match(/\S+/g)?.length ?? 0) >= count`, without collecting the words: the regex
 * stops at the count-th word, so a long paragraph is never walked to its end.
 */
export function hasWords(text: string, count: number): boolean {
  if (count <= 0) return true;
  let regex = AT_LEAST_WORDS.get(count);
  if (regex === undefined) {
    regex = new RegExp(`^\\s*(?:\\S+\\s+){${count - 1}}\\S`);
    AT_LEAST_WORDS.set(count, regex);
  }
  return regex.test(text);
}

/**
 * Same as `/[.!?]["'”’)]*$/`: a sentence end, then only closing quotes or brackets; with
 * `bracket`, `]` closes too (`/[.!?]["'”’)\]]*$/`).
 */
export function endsWithSentence(text: string, bracket = false): boolean {
  let index = text.length - 1;
  let code = text.charCodeAt(index);
  while (isQuote(code) || code === 0x29 || (bracket && code === 0x5d)) {
    index -= 1;
    code = text.charCodeAt(index);
  }
  return code === FULL_STOP || isQuestionOrExclamation(code);
}

/** Same as `/:["'”’]?$/`: a colon, then at most one quote mark. */
export function endsWithColon(text: string): boolean {
  const last = text.length - 1;
  const code = text.charCodeAt(last);
  return code === COLON || (isQuote(code) && text.charCodeAt(last - 1) === COLON);
}

/** Same as `/[?!]["'”’]?$/`: a question or exclamation mark, then at most one quote mark. */
export function endsWithQuestion(text: string): boolean {
  const last = text.length - 1;
  const code = text.charCodeAt(last);
  if (isQuestionOrExclamation(code)) return true;
  return isQuote(code) && isQuestionOrExclamation(text.charCodeAt(last - 1));
}

/** Same as `/(?:>|»|›|→)\s*$/`: a navigation arrow, then only whitespace. */
export function endsWithArrow(text: string): boolean {
  let index = text.length - 1;
  while (index >= 0 && isSpaceCode(text.charCodeAt(index))) index -= 1;
  const code = text.charCodeAt(index);
  return code === 0x3e || code === 0xbb || code === 0x203a || code === 0x2192; // > » › →
}
