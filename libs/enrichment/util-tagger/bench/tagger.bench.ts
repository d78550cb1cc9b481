/**
 * Throughput of `tagger.tag` on ~800-word stories, beside a naive baseline (one case-insensitive
 * word-boundary RegExp per phrase). Not a test: run from the workspace root with
 *   node --import tsx libs/enrichment/util-tagger/bench/tagger.bench.ts
 * Prints both rates and writes bench/results/tagger.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultTaxonomy, type Taxonomy } from '@bulletin/taxonomy';
import { createTagger, type TagInput } from '../src/index.js';
import { buildStories } from './stories.js';

const WARMUP_MS = 1_000;
const MEASURE_MS = 4_000;
const RESULTS = new URL('../../../../bench/results/tagger.json', import.meta.url);

type TagFn = (input: TagInput) => unknown;

/** Stories per second of `tag` over the corpus, after a warm-up so the JIT has settled. */
function measure(tag: TagFn, stories: readonly TagInput[]): number {
  let sink = 0;
  const runFor = (ms: number): { count: number; elapsed: number } => {
    const start = performance.now();
    let count = 0;
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 100; i++) {
        const result = tag(stories[(count + i) % stories.length] as TagInput);
        sink += Array.isArray(result) ? result.length : 0;
      }
      count += 100;
      elapsed = performance.now() - start;
    }
    return { count, elapsed };
  };
  runFor(WARMUP_MS);
  const { count, elapsed } = runFor(MEASURE_MS);
  if (sink < 0) console.log(sink); // keeps the results observable to the optimiser
  return (count / elapsed) * 1000;
}

/** The baseline a first implementation would write: a RegExp per phrase, run over each field. */
function createNaiveTagger(taxonomy: Taxonomy, threshold = 3, headlineWeight = 2): TagFn {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rules = taxonomy.topics.flatMap((topic) => [
    ...topic.phrases.map((p) => ({ topic: topic.slug, weight: p.weight, text: p.text })),
    ...topic.negative.map((p) => ({ topic: topic.slug, weight: -p.weight, text: p.text })),
  ]);
  const compiled = rules.map((r) => ({ ...r, re: new RegExp(`\\b${escape(r.text)}\\b`, 'gi') }));
  return (input) => {
    const scores = new Map<string, number>();
    for (const rule of compiled) {
      const hits =
        headlineWeight * (input.headline.match(rule.re)?.length ?? 0) +
        (input.bodyText.match(rule.re)?.length ?? 0);
      if (hits > 0)
        scores.set(rule.topic, (scores.get(rule.topic) ?? 0) + rule.weight * Math.min(hits, 3));
    }
    return [...scores].filter(([, score]) => score >= threshold).map(([slug]) => slug);
  };
}

function main(): void {
  const stories = buildStories(64, 800);
  const words = Math.round(
    stories.reduce((sum, s) => sum + s.bodyText.split(/\s+/).length, 0) / stories.length,
  );
  const phrases = defaultTaxonomy.topics.reduce(
    (n, t) => n + t.phrases.length + t.negative.length,
    0,
  );
  const tagger = createTagger(defaultTaxonomy);
  const naive = createNaiveTagger(defaultTaxonomy);
  const storiesPerSecond = Math.round(measure((s) => tagger.tag(s), stories));
  const naivePerSecond = Math.round(measure(naive, stories));
  const ratio = Math.round((storiesPerSecond / naivePerSecond) * 10) / 10;
  const result = {
    storiesPerSecond,
    naivePerSecond,
    ratio,
    words,
    phrases,
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log(`stories of ~${words} words, ${phrases} phrases, node ${process.version}`);
  console.log(`automaton: ${storiesPerSecond.toLocaleString('en-GB')} stories/s`);
  console.log(`naive:     ${naivePerSecond.toLocaleString('en-GB')} stories/s (RegExp per phrase)`);
  console.log(`ratio:     ${ratio}x`);
  mkdirSync(new URL('.', RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}

main();
