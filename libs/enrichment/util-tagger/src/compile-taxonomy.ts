import { compileAutomaton, type Automaton } from './automaton.js';
import { foldPhrase } from '@bulletin/taxonomy';
import type { Taxonomy } from '@bulletin/taxonomy';
import type { Gazetteer } from './gazetteer.js';
import { phraseVariants } from './variants.js';

/**
 * A taxonomy ready for scanning. Each distinct folded phrase is one automaton pattern; a pattern
 * maps to one or more entries (the same phrase may serve several topics). Entry ids follow the
 * taxonomy's order, so sorting them lists a topic's phrases as the taxonomy does. Gazetteer
 * forms are patterns too: their entries name the entity (and topic -1 when the entity is evidence
 * for no topic), so one scan finds phrases and entities alike.
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
  /** Entry → the phrase as written in the taxonomy, or the entity's name. */
  readonly entryText: readonly string[];
  /** Entry → gazetteer entity index, or -1 for a taxonomy phrase. */
  readonly entryEntity: Int32Array;
  /** Pattern → the gazetteer form it was compiled from, for entity patterns. */
  readonly patternForm: ReadonlyMap<number, string>;
  /** Pattern → 1 for entity forms and negative phrases, whose words are not read again. */
  readonly patternShield: Uint8Array;
}

interface Entry {
  readonly topic: number;
  readonly weight: number;
  readonly text: string;
  readonly pattern: number;
  readonly entity: number;
}

/**
 * Builds the automaton and the pattern → topic index for a validated taxonomy. Each phrase also
 * matches its variants (number, British/American spelling; see `phraseVariants`), unless a
 * variant is a phrase of the same topic in its own right, which then keeps its own weight.
 */
export function compileTaxonomy(
  taxonomy: Taxonomy,
  gazetteer: Gazetteer = { entities: [] },
): CompiledTaxonomy {
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
          entity: -1,
        });
      });
    }
  });
  const patternForm = addEntities(gazetteer, taxonomy, entries, patternOf);
  const patternShield = new Uint8Array(patterns.length);
  for (const entry of entries)
    if (entry.weight < 0 || entry.entity >= 0) patternShield[entry.pattern] = 1;
  return {
    automaton: compileAutomaton(patterns),
    patternCount: patterns.length,
    patternForm,
    patternShield,
    ...index(entries, patterns.length),
  };
}

/**
 * An entity's topic entry is skipped where one of that topic's phrases already has the same
 * pattern (`Ofsted` is an education phrase and an inspectorate), so it is not counted twice.
 */
function addEntities(
  gazetteer: Gazetteer,
  taxonomy: Taxonomy,
  entries: Entry[],
  patternOf: (folded: number[]) => number,
): Map<number, string> {
  const topicIndex = new Map(taxonomy.topics.map((topic, t) => [topic.slug, t]));
  const phraseTopics = new Set(entries.map((e) => `${e.pattern}:${e.topic}`));
  const patternForm = new Map<number, string>();
  gazetteer.entities.forEach((entity, id) => {
    const topics = Object.entries(entity.topics)
      .map(([slug, weight]) => [topicIndex.get(slug), weight] as const)
      .filter((pair): pair is readonly [number, number] => pair[0] !== undefined);
    for (const form of entity.forms) {
      const pattern = patternOf(foldPhrase(form));
      if (patternForm.has(pattern)) continue;
      patternForm.set(pattern, form);
      const base = { text: entity.name, pattern, entity: id };
      entries.push({ ...base, topic: -1, weight: 0 });
      for (const [topic, weight] of topics) {
        if (!phraseTopics.has(`${pattern}:${topic}`)) entries.push({ ...base, topic, weight });
      }
    }
  });
  return patternForm;
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
    entryEntity: Int32Array.from(entries, (e) => e.entity),
  };
}
