import type { Subject } from '@bulletin/story';
import { compileTaxonomy, type CompiledTaxonomy } from './compile-taxonomy.js';
import { TaggerOptionsError } from './errors.js';
import { MatchBuffer, scanText } from './scan.js';
import { scoreTopics, type TopicScore } from './score.js';
import type { Taxonomy } from '@bulletin/taxonomy';

/** The parts of a story the tagger reads. */
export interface TagInput {
  headline: string;
  bodyText: string;
  summary?: string;
}

/** Tuning for {@link createTagger}. */
export interface TaggerOptions {
  /**
   * Minimum score for a topic to be assigned. A score is the sum of the weights of the matched
   * phrases (see {@link createTagger}); the default asks for more than one passing mention.
   * @defaultValue 3
   */
  threshold?: number;
  /**
   * Weight multiplier for hits in the headline; the summary and body count once.
   * @defaultValue 2
   */
  headlineWeight?: number;
}

/** Tags stories against one taxonomy. Reuses its scratch buffers: one call at a time. */
export interface Tagger {
  /** Subjects sorted by confidence (highest first), then slug. */
  tag(input: TagInput): Subject[];
}

/** Confidence reaches about 0.39 at the default threshold and 0.81 at a score of 10. */
const CONFIDENCE_SCALE = 6;

/**
 * Compiles a taxonomy into one Aho–Corasick automaton and returns a tagger that reads each field
 * of a story in a single pass.
 *
 * Overlaps: where one match lies wholly inside a longer one (`sexual exploitation` inside
 * `child sexual exploitation`), only the longer one counts; matches that merely overlap both count.
 *
 * Scoring: each phrase adds `weight × min(n, 3)`, where `n` counts its matches (a headline match
 * counts `headlineWeight`), so a story cannot reach a topic by repeating one word. Negative
 * phrases subtract the same way. A topic whose score reaches `threshold` becomes a
 * subject with `confidence = 1 - exp(-score / 6)` (3 decimals) and `matched` = the distinct
 * positive phrases found, as written in the taxonomy and in its order.
 * @throws TaggerOptionsError when an option is out of range.
 * @example createTagger(defaultTaxonomy).tag({ headline, bodyText }).map((s) => s.slug)
 */
export function createTagger(taxonomy: Taxonomy, options: TaggerOptions = {}): Tagger {
  const threshold = options.threshold ?? 3;
  const headlineWeight = options.headlineWeight ?? 2;
  if (!(Number.isFinite(threshold) && threshold > 0)) {
    throw new TaggerOptionsError(`threshold must be a number greater than 0, got ${threshold}`);
  }
  if (!(Number.isFinite(headlineWeight) && headlineWeight >= 0)) {
    throw new TaggerOptionsError(`headlineWeight must be a number >= 0, got ${headlineWeight}`);
  }
  return new AutomatonTagger(taxonomy, compileTaxonomy(taxonomy), threshold, headlineWeight);
}

class AutomatonTagger implements Tagger {
  private readonly matches = new MatchBuffer();
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly compiled: CompiledTaxonomy,
    private readonly threshold: number,
    private readonly headlineWeight: number,
  ) {
    this.counts = new Float64Array(compiled.patternCount);
    this.touched = new Int32Array(compiled.patternCount);
  }

  tag(input: TagInput): Subject[] {
    this.countField(input.headline, this.headlineWeight);
    if (input.summary !== undefined) this.countField(input.summary, 1);
    this.countField(input.bodyText, 1);
    const scores = scoreTopics(this.compiled, this.counts, this.touched, this.touchedCount);
    this.touchedCount = 0;
    return scores
      .filter((score) => score.score >= this.threshold)
      .map((score) => this.toSubject(score))
      .sort((a, b) => b.confidence - a.confidence || (a.slug < b.slug ? -1 : 1));
  }

  private countField(text: string, weight: number): void {
    // A field that counts for nothing is not scanned, which also keeps `touched` duplicate-free.
    if (weight === 0) return;
    scanText(this.compiled.automaton, text, this.matches);
    const { patterns, size } = this.matches;
    for (let i = 0; i < size; i++) {
      const pattern = patterns[i] as number;
      if (this.counts[pattern] === 0) this.touched[this.touchedCount++] = pattern;
      this.counts[pattern] = (this.counts[pattern] as number) + weight;
    }
  }

  private toSubject({ topic, score, entries }: TopicScore): Subject {
    const { slug, name, codes } = this.taxonomy.topics[topic] ?? unreachable(topic);
    const confidence = Math.round((1 - Math.exp(-score / CONFIDENCE_SCALE)) * 1000) / 1000;
    const matched = entries.map((entry) => this.compiled.entryText[entry] ?? '');
    return { slug, name, codes: [...codes], confidence, matched };
  }
}

function unreachable(topic: number): never {
  throw new RangeError(`no topic at index ${topic}`);
}
