import { SYMBOL_BOUNDARY, type Automaton } from './automaton.js';
import { KIND_IGNORE, KIND_SPACE, KIND_WORD } from '@bulletin/taxonomy';

/**
 * The maximal matches of one scan, in text order. A match that lies wholly inside a longer one
 * is dropped as the longer one arrives, so `child sexual exploitation` is counted once, not also
 * as `sexual exploitation`. Partly overlapping matches are both kept, except that a match which
 * starts inside a shielding match (a name, or a negative phrase) is dropped: in
 * `European Council leaders`, `council leaders` is not read once `European Council` is; and a
 * shielding match that starts inside the match before it removes that match.
 */
export class MatchBuffer {
  starts = new Int32Array(64);
  patterns = new Int32Array(64);
  size = 0;

  /**
   * @param shields pattern → 1 when its matches shield the words inside them
   * @param lengths pattern → its length in symbols
   */
  constructor(
    private readonly shields: Uint8Array = new Uint8Array(0),
    private readonly lengths: Int32Array = new Int32Array(0),
  ) {}

  /**
   * Matches arrive in order of their end, so a new match contains exactly the trailing matches
   * that start at or after its start; those are popped before it is pushed.
   */
  push(start: number, pattern: number): void {
    while (this.size > 0 && (this.starts[this.size - 1] ?? -1) >= start) this.size--;
    if (this.size > 0) {
      const previous = this.patterns[this.size - 1] ?? 0;
      const end = (this.starts[this.size - 1] ?? 0) + (this.lengths[previous] ?? 0);
      if (start < end) {
        if (this.shields[previous] === 1) return;
        // A name that starts inside the phrase before it wins: `the Council of Europe`.
        if (this.shields[pattern] === 1) this.size--;
      }
    }
    if (this.size === this.starts.length) this.grow();
    this.starts[this.size] = start;
    this.patterns[this.size] = pattern;
    this.size++;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const patterns = new Int32Array(this.patterns.length * 2);
    starts.set(this.starts);
    patterns.set(this.patterns);
    this.starts = starts;
    this.patterns = patterns;
  }
}

/**
 * Runs the automaton once over `text`, folding characters on the fly (no intermediate string),
 * and leaves the maximal matches in `matches`.
 *
 * The automaton reads a virtual BOUNDARY symbol wherever the text switches between word and
 * non-word characters, and every phrase starts and ends with one; a match therefore can never
 * start or end inside a word, with no look-behind or look-ahead.
 */
export function scanText(automaton: Automaton, text: string, matches: MatchBuffer): void {
  const { classes, delta } = automaton;
  matches.size = 0;
  let row = 0;
  let position = 0;
  let inWord = false;
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    // Typed-array reads below are in range by construction (code units < 0x10000, rows and
    // symbols from the compiled table); `as number` avoids a per-character undefined check.
    const cls = classes[text.charCodeAt(i)] as number;
    const kind = cls & 3;
    if (kind === KIND_SPACE) {
      if (afterSpace) continue;
      afterSpace = true;
    } else if (kind === KIND_IGNORE) {
      continue;
    } else afterSpace = false;
    if ((kind === KIND_WORD) !== inWord) {
      inWord = !inWord;
      position++;
      row = delta[row + SYMBOL_BOUNDARY] as number;
      if (row < 0) {
        row = ~row;
        recordMatch(automaton, row, position, matches);
      }
    }
    row = delta[row + (cls >> 2)] as number;
    position++;
  }
  if (inWord) {
    const last = delta[row + SYMBOL_BOUNDARY] as number;
    if (last < 0) recordMatch(automaton, ~last, position + 1, matches);
  }
}

/** Off the hot path: runs once per match, not per character. */
function recordMatch(automaton: Automaton, row: number, end: number, matches: MatchBuffer): void {
  const pattern = automaton.longest[row / automaton.symbolCount] ?? -1;
  matches.push(end - (automaton.patternLength[pattern] ?? 0), pattern);
}
