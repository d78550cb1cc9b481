/**
 * Precision and recall of cross-source duplicate detection on the duplicates corpus, per
 * SimHash threshold and shingle size, and the distances each kind of pair gives. Not a test:
 *   node --import tsx libs/ingest/util-wire/bench/duplicates.ts
 */
import {
  hammingDistance,
  simhashWords,
  normaliseForFingerprint,
  fingerprintStory,
  SHINGLE_WORDS,
} from '../src/fingerprint.js';
import { buildDuplicatePairs, scoreDuplicates, type PairKind } from '../src/testing.js';
import { fixtureBodies } from './corpus-bodies.js';

const pairs = buildDuplicatePairs(await fixtureBodies());
const positives = pairs.filter((pair) => pair.duplicate).length;
console.log(
  `${pairs.length} pairs: ${positives} same story, ${pairs.length - positives} different stories on the same subjects`,
);

for (const shingle of [1, 2, 3]) {
  const fingerprint = (text: string) => {
    const normal = normaliseForFingerprint(text);
    return {
      textHash: fingerprintStory(text).textHash,
      simhash: simhashWords(normal.split(' '), shingle),
    };
  };
  const byKind = new Map<PairKind, number[]>();
  for (const pair of pairs) {
    const distance = hammingDistance(fingerprint(pair.a).simhash, fingerprint(pair.b).simhash);
    byKind.set(pair.kind, [...(byKind.get(pair.kind) ?? []), distance]);
  }
  console.log(
    `\nshingles of ${shingle} word(s)${shingle === SHINGLE_WORDS ? ' (the default)' : ''}: distances by kind`,
  );
  for (const [kind, distances] of byKind) {
    const sorted = [...distances].sort((x, y) => x - y);
    console.log(
      `  ${kind.padEnd(10)} min ${sorted[0]} median ${sorted[Math.floor(sorted.length / 2)]} max ${sorted[sorted.length - 1]}`,
    );
  }
  console.log('  threshold  precision  recall  (tp/fp/fn)');
  for (const threshold of [3, 6, 8, 10, 12, 14, 16, 18, 20, 22]) {
    const s = scoreDuplicates(pairs, fingerprint, hammingDistance, threshold);
    console.log(
      `  ${String(threshold).padStart(9)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`,
    );
  }
}
