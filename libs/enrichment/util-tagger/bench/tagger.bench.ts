/**
 * Throughput of `tagger.tag` on ~800-word stories with the default taxonomy (and gazetteer), with
 * a taxonomy ten times its size (synthetic topics of generated phrases), and beside a naive
 * baseline (one case-insensitive word-boundary RegExp per phrase). Not a test: run from the
 * workspace root with
 *   node --import tsx libs/enrichment/util-tagger/bench/tagger.bench.ts
 * Prints both rates and writes bench/out/tagger.json; with `-- --record`, bench/results/tagger.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultTaxonomy, loadTaxonomy, type Taxonomy } from '@bulletin/taxonomy';
import { createTagger, type TagInput } from '../src/index.js';
import { buildStories } from './stories.js';

const WARMUP_MS = 1_000;
const MEASURE_MS = 4_000;
// Like `npm run bench`: a run leaves the tree clean unless it is asked to record.
const RESULTS = new URL(
  `../../../../bench/${process.argv.includes('--record') ? 'results' : 'out'}/tagger.json`,
  import.meta.url,
);

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

const SYLLABLES =
  'ba be bi bo ca ce co da de di fa fe fo ga ge la le li lo ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vi wa we'.split(
    ' ',
  );

/** The default taxonomy plus synthetic topics, `factor` times as many phrases in all. */
function scaledTaxonomy(factor: number): Taxonomy {
  let seed = 7;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const word = () =>
    Array.from({ length: 2 + random(3) }, () => SYLLABLES[random(SYLLABLES.length)]).join('');
  const base = defaultTaxonomy.topics.reduce((n, t) => n + t.phrases.length + t.negative.length, 0);
  const extra = base * (factor - 1);
  const perTopic = 60;
  const topics = Array.from({ length: Math.ceil(extra / perTopic) }, (_, i) => {
    const texts = new Set<string>();
    while (texts.size < perTopic) texts.add(Array.from({ length: 1 + random(3) }, word).join(' '));
    return {
      slug: `synthetic-${i + 1}`,
      name: `Synthetic ${i + 1}`,
      codes: ['medtop:01000000'],
      description: 'A generated topic for the benchmark.',
      phrases: [...texts].map((text) => ({ text, weight: 1 + random(3) })),
    };
  });
  return loadTaxonomy({ topics: [...defaultTaxonomy.topics, ...topics] });
}

const phraseCount = (taxonomy: Taxonomy): number =>
  taxonomy.topics.reduce((n, t) => n + t.phrases.length + t.negative.length, 0);

function main(): void {
  const stories = buildStories(64, 800);
  const words = Math.round(
    stories.reduce((sum, s) => sum + s.bodyText.split(/\s+/).length, 0) / stories.length,
  );
  const phrases = phraseCount(defaultTaxonomy);
  const large = scaledTaxonomy(10);
  const tagger = createTagger(defaultTaxonomy);
  const largeTagger = createTagger(large);
  const naive = createNaiveTagger(defaultTaxonomy);
  const storiesPerSecond = Math.round(measure((s) => tagger.tag(s), stories));
  const largePerSecond = Math.round(measure((s) => largeTagger.tag(s), stories));
  const analysePerSecond = Math.round(measure((s) => tagger.analyse(s).subjects, stories));
  const naivePerSecond = Math.round(measure(naive, stories));
  const ratio = Math.round((storiesPerSecond / naivePerSecond) * 10) / 10;
  const slowdownAt10x = Math.round((storiesPerSecond / largePerSecond) * 100) / 100;
  const result = {
    storiesPerSecond,
    largeTaxonomyPerSecond: largePerSecond,
    slowdownAt10x,
    analysePerSecond,
    naivePerSecond,
    ratio,
    words,
    phrases,
    largePhrases: phraseCount(large),
    node: process.version,
    date: new Date().toISOString(),
  };
  const rate = (n: number) => n.toLocaleString('en-GB');
  console.log(
    `stories of ~${words} words, ${phrases} phrases (+ gazetteer), node ${process.version}`,
  );
  console.log(`automaton:      ${rate(storiesPerSecond)} stories/s (default taxonomy)`);
  console.log(
    `automaton, 10x: ${rate(largePerSecond)} stories/s (${result.largePhrases} phrases; ${slowdownAt10x}x slower)`,
  );
  console.log(
    `analyse:        ${rate(analysePerSecond)} stories/s (tags, people, organisations, places)`,
  );
  console.log(`naive:          ${rate(naivePerSecond)} stories/s (RegExp per phrase)`);
  console.log(`ratio:          ${ratio}x`);
  mkdirSync(new URL('.', RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${RESULTS.pathname}`);
}

main();
