import { BOUNDARY, getFoldTables, KIND_SPACE } from '@bulletin/taxonomy';

/** Symbol of every character that appears in no phrase. */
export const SYMBOL_OTHER = 0;
/** Symbol of the virtual word boundary between a word and a non-word character. */
export const SYMBOL_BOUNDARY = 1;
const SPACE = 0x20;
const MAX_SYMBOLS = 1 << 14;

/**
 * An Aho–Corasick automaton compiled to a dense DFA: failure links are folded into the
 * transition table, so scanning costs one table read per character and never backtracks.
 */
export interface Automaton {
  /** Alphabet size: other, boundary, then every folded character used by a phrase. */
  readonly symbolCount: number;
  /** UTF-16 code unit → `(symbol << 2) | kind`; one read folds, classifies and maps a char. */
  readonly classes: Uint16Array;
  /**
   * `row + symbol` → the next state's row, where a state's row is `state * symbolCount` (the
   * root's is 0), so a step is one add and one read. A next state where a pattern ends is stored
   * as `~row` (negative); only boundary steps can reach one, since every pattern ends with a
   * boundary, so the scan tests the sign on boundary steps alone.
   */
  readonly delta: Int32Array;
  /** State → the longest pattern that ends there (the state's own or via suffix links), or -1. */
  readonly longest: Int32Array;
  /** Pattern → its length in symbols, to find where a match starts. */
  readonly patternLength: Int32Array;
}

/**
 * Compiles folded phrases (from `foldPhrase`) into one automaton. Pattern ids are the indexes in
 * `patterns`, which must be distinct.
 */
export function compileAutomaton(patterns: readonly (readonly number[])[]): Automaton {
  const alphabet = collectAlphabet(patterns);
  const symbolCount = alphabet.size + 2;
  const trie = buildTrie(patterns, alphabet);
  const { delta, longest } = linkTrie(trie, symbolCount);
  return {
    symbolCount,
    classes: buildClassTable(alphabet),
    delta: toRows(delta, longest, symbolCount),
    longest,
    patternLength: Int32Array.from(patterns, (p) => p.length),
  };
}

function collectAlphabet(patterns: readonly (readonly number[])[]): Map<number, number> {
  const alphabet = new Map<number, number>();
  for (const pattern of patterns) {
    for (const code of pattern) {
      if (code !== BOUNDARY && !alphabet.has(code)) alphabet.set(code, alphabet.size + 2);
    }
  }
  if (alphabet.size + 2 > MAX_SYMBOLS)
    throw new RangeError('phrases use too many distinct characters');
  return alphabet;
}

interface Trie {
  readonly children: Map<number, number>[];
  readonly terminal: number[];
}

function buildTrie(patterns: readonly (readonly number[])[], alphabet: Map<number, number>): Trie {
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[] = [-1];
  patterns.forEach((pattern, id) => {
    let state = 0;
    for (const code of pattern) {
      const symbol = code === BOUNDARY ? SYMBOL_BOUNDARY : (alphabet.get(code) ?? SYMBOL_OTHER);
      const edges = children[state] ?? new Map<number, number>();
      let next = edges.get(symbol);
      if (next === undefined) {
        next = children.length;
        edges.set(symbol, next);
        children.push(new Map());
        terminal.push(-1);
      }
      state = next;
    }
    if (terminal[state] !== -1) throw new RangeError(`pattern ${id} is a duplicate`);
    terminal[state] = id;
  });
  return { children, terminal };
}

/** Breadth-first, so a state's failure target is always complete before the state itself. */
function linkTrie(trie: Trie, symbolCount: number): { delta: Int32Array; longest: Int32Array } {
  const stateCount = trie.children.length;
  const delta = new Int32Array(stateCount * symbolCount);
  const fail = new Int32Array(stateCount);
  const longest = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const state = queue[head++] ?? 0;
    const back = fail[state] ?? 0;
    if (state !== 0) longest[state] = trie.terminal[state] ?? -1;
    if (state !== 0 && longest[state] === -1) longest[state] = longest[back] ?? -1;
    for (let symbol = 0; symbol < symbolCount; symbol++) {
      const child = trie.children[state]?.get(symbol);
      const viaFailure = state === 0 ? 0 : (delta[back * symbolCount + symbol] ?? 0);
      if (child === undefined) {
        delta[state * symbolCount + symbol] = viaFailure;
      } else {
        delta[state * symbolCount + symbol] = child;
        fail[child] = viaFailure;
        queue[tail++] = child;
      }
    }
  }
  return { delta, longest };
}

function toRows(delta: Int32Array, longest: Int32Array, symbolCount: number): Int32Array {
  if (longest.length * symbolCount >= 2 ** 31) throw new RangeError('too many phrases');
  return delta.map((next) => {
    const row = next * symbolCount;
    return (longest[next] ?? -1) >= 0 ? ~row : row;
  });
}

function buildClassTable(alphabet: Map<number, number>): Uint16Array {
  const { fold, kind } = getFoldTables();
  const classes = new Uint16Array(0x10000);
  const spaceSymbol = alphabet.get(SPACE) ?? SYMBOL_OTHER;
  for (let code = 0; code < 0x10000; code++) {
    const k = kind[code] ?? 0;
    const symbol =
      k === KIND_SPACE ? spaceSymbol : (alphabet.get(fold[code] ?? code) ?? SYMBOL_OTHER);
    classes[code] = (symbol << 2) | k;
  }
  return classes;
}
