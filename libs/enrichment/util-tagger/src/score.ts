import type { CompiledTaxonomy } from './compile-taxonomy.js';

/** A topic's summed score and the positive entries that contributed, in taxonomy order. */
export interface TopicScore {
  readonly topic: number;
  readonly score: number;
  readonly entries: readonly number[];
}

/** Repeats of one phrase beyond this count add nothing. */
const REPEAT_CAP = 3;

/**
 * Turns per-pattern weighted counts into per-topic scores, and zeroes the counts it read so the
 * buffers are clean for the next story. Only topics with at least one positive hit are returned.
 */
export function scoreTopics(
  compiled: CompiledTaxonomy,
  counts: Float64Array,
  touched: Int32Array,
  touchedCount: number,
): TopicScore[] {
  const { entryOffsets, entryIds, entryTopic, entryWeight } = compiled;
  const scores = new Map<number, number>();
  const hits = new Map<number, number[]>();
  for (let k = 0; k < touchedCount; k++) {
    const pattern = touched[k] ?? 0;
    const count = Math.min(counts[pattern] ?? 0, REPEAT_CAP);
    counts[pattern] = 0;
    for (let j = entryOffsets[pattern] ?? 0; j < (entryOffsets[pattern + 1] ?? 0); j++) {
      const entry = entryIds[j] ?? 0;
      const topic = entryTopic[entry] ?? 0;
      const weight = entryWeight[entry] ?? 0;
      scores.set(topic, (scores.get(topic) ?? 0) + weight * count);
      if (weight <= 0) continue;
      const list = hits.get(topic);
      if (list === undefined) hits.set(topic, [entry]);
      else list.push(entry);
    }
  }
  return [...hits].map(([topic, entries]) => ({
    topic,
    score: scores.get(topic) ?? 0,
    entries: entries.sort((a, b) => a - b),
  }));
}
