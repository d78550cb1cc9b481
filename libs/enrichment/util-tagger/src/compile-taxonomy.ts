import { compileAutomaton, type Automaton } from './automaton.js';
import { phraseVariants } from './variants.js';
import { foldPhrase } from '@bulletin/taxonomy';
import type { Taxonomy } from '@bulletin/taxonomy';

/**
 * A taxonomy ready for scanning. Each distinct folded phrase is one automaton pattern; a pattern
 * maps to one or more entries (the same phrase may serve several topics). Entry ids follow the
 * taxonomy's order, so sorting them lists a topic's phrases as the taxonomy does.
 */
export interface CompiledTaxonomy {
  readonly automaton: Automaton;
  readonly patternCount: number;
  /** Entries of pattern `p` are `entryIds[entryOffsets[p] .. entryOffsets[p + 1])`. */
  readonly entryOffsets: Int32Array;
  readonly entryIds: Int32Array;
  /** Entry → topic index. */
  readonly entryTopic: Int32Array;
  /** Entry → signed weight: negative phrases carry a negative weight. */
  readonly entryWeight: Float64Array;
  /** Entry → the phrase as written in the taxonomy. */
  readonly entryText: readonly string[];
}

interface Entry {
  readonly topic: number;
  readonly weight: number;
  readonly text: string;
  readonly pattern: number;
}

/**
 * Builds the automaton and the pattern → topic index for a validated taxonomy. Each phrase also
 * matches its variants (number, British/American spelling; see `phraseVariants`), unless a
 * variant is a phrase of the same topic in its own right, which then keeps its own weight.
 */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const patternIds = new Map<string, number>();
  const patterns: number[][] = [];
  const entries: Entry[] = [];
  const patternOf = (folded: number[]): number => {
    const key = folded.join(',');
    let pattern = patternIds.get(key);
    if (pattern === undefined) {
      pattern = patterns.push(folded) - 1;
      patternIds.set(key, pattern);
    }
    return pattern;
  };
  taxonomy.topics.forEach((topic, t) => {
    const phrases = [
      ...topic.phrases.map((p) => ({ text: p.text, weight: p.weight })),
      ...topic.negative.map((p) => ({ text: p.text, weight: -p.weight })),
    ];
    const own = new Set(phrases.map((p) => foldPhrase(p.text).join(',')));
    for (const phrase of phrases) {
      const seen = new Set<string>();
      phraseVariants(phrase.text).forEach((variant, i) => {
        const folded = foldPhrase(variant);
        const key = folded.join(',');
        if (seen.has(key) || (i > 0 && own.has(key))) return;
        seen.add(key);
        entries.push({
          topic: t,
          weight: phrase.weight,
          text: phrase.text,
          pattern: patternOf(folded),
        });
      });
    }
  });
  return {
    automaton: compileAutomaton(patterns),
    patternCount: patterns.length,
    ...index(entries, patterns.length),
  };
}

function index(entries: readonly Entry[], patternCount: number) {
  const entryOffsets = new Int32Array(patternCount + 1);
  for (const entry of entries)
    entryOffsets[entry.pattern + 1] = (entryOffsets[entry.pattern + 1] ?? 0) + 1;
  for (let p = 0; p < patternCount; p++) {
    entryOffsets[p + 1] = (entryOffsets[p + 1] ?? 0) + (entryOffsets[p] ?? 0);
  }
  const fill = entryOffsets.slice(0, patternCount);
  const entryIds = new Int32Array(entries.length);
  entries.forEach((entry, id) => {
    const slot = fill[entry.pattern] ?? 0;
    entryIds[slot] = id;
    fill[entry.pattern] = slot + 1;
  });
  return {
    entryOffsets,
    entryIds,
    entryTopic: Int32Array.from(entries, (e) => e.topic),
    entryWeight: Float64Array.from(entries, (e) => e.weight),
    entryText: entries.map((e) => e.text),
  };
}
