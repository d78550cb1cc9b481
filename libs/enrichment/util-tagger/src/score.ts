import type { CompiledTaxonomy } from './compile-taxonomy.js';

/** Where in a story a phrase was found, as bits of a mask. */
export const FIELD_HEADLINE = 1;
export const FIELD_LEDE = 2;
export const FIELD_BODY = 4;

/** A topic's summed score and the positive entries that contributed, in taxonomy order. */
export interface TopicScore {
  readonly topic: number;
  readonly score: number;
  readonly entries: readonly number[];
  /** Entry → the field mask and number of its matches (parallel to `entries`). */
  readonly fields: readonly number[];
  readonly hits: readonly number[];
}

/** Per-pattern tallies of one story, reset by {@link scoreTopics} as it reads them. */
export interface PatternTallies {
  /** Weighted count (a headline hit counts the headline weight). */
  readonly counts: Float64Array;
  /** Raw number of matches. */
  readonly hits: Int32Array;
  /** Field mask of the matches. */
  readonly fields: Uint8Array;
  readonly touched: Int32Array;
  touchedCount: number;
}

/** Repeats of one phrase beyond this count add nothing. */
const REPEAT_CAP = 3;

/**
 * Turns per-pattern weighted counts into per-topic scores, and zeroes the tallies it read so the
 * buffers are clean for the next story. Only topics with at least one positive hit are returned.
 * Entity patterns in `suppressed` count for nothing.
 */
export function scoreTopics(
  compiled: CompiledTaxonomy,
  tallies: PatternTallies,
  suppressed: ReadonlySet<number> = new Set(),
): TopicScore[] {
  const { entryOffsets, entryIds, entryTopic, entryWeight, entryEntity } = compiled;
  const { counts, hits, fields, touched } = tallies;
  const scores = new Map<number, number>();
  const found = new Map<number, [number, number, number][]>();
  for (let k = 0; k < tallies.touchedCount; k++) {
    const pattern = touched[k] ?? 0;
    const count = Math.min(counts[pattern] ?? 0, REPEAT_CAP);
    const evidence: [number, number] = [fields[pattern] ?? 0, hits[pattern] ?? 0];
    counts[pattern] = 0;
    hits[pattern] = 0;
    fields[pattern] = 0;
    for (let j = entryOffsets[pattern] ?? 0; j < (entryOffsets[pattern + 1] ?? 0); j++) {
      const entry = entryIds[j] ?? 0;
      const topic = entryTopic[entry] ?? -1;
      // Topic -1 marks an entity that is evidence for nothing; a suppressed pattern is an
      // entity form found in lower case ("reading", not Reading), which is not the entity.
      if (topic < 0 || ((entryEntity[entry] ?? -1) >= 0 && suppressed.has(pattern))) continue;
      const weight = entryWeight[entry] ?? 0;
      scores.set(topic, (scores.get(topic) ?? 0) + weight * count);
      if (weight <= 0) continue;
      const list = found.get(topic);
      if (list === undefined) found.set(topic, [[entry, ...evidence]]);
      else list.push([entry, ...evidence]);
    }
  }
  tallies.touchedCount = 0;
  return [...found].map(([topic, list]) => {
    list.sort((a, b) => a[0] - b[0]);
    return {
      topic,
      score: scores.get(topic) ?? 0,
      entries: list.map((e) => e[0]),
      fields: list.map((e) => e[1]),
      hits: list.map((e) => e[2]),
    };
  });
}
