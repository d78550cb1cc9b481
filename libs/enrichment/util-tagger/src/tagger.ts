import type { Evidence, EvidenceField, StoryEntity, Subject } from '@bulletin/story';
import type { Taxonomy } from '@bulletin/taxonomy';
import { compileTaxonomy, type CompiledTaxonomy } from './compile-taxonomy.js';
import { collectEntities } from './collect-entities.js';
import { TaggerOptionsError } from './errors.js';
import { findPeople } from './find-people.js';
import { defaultGazetteer, type Gazetteer } from './gazetteer.js';
import { MatchBuffer, scanText } from './scan.js';
import {
  FIELD_BODY,
  FIELD_HEADLINE,
  FIELD_LEDE,
  scoreTopics,
  type PatternTallies,
  type TopicScore,
} from './score.js';
import { splitLede } from './split-lede.js';

/** The parts of a story the tagger reads. */
export interface TagInput {
  headline: string;
  /** Plain text, paragraphs separated by a blank line; the first paragraph is the lede. */
  bodyText: string;
  /** Not read: the summary is taken from the lede, which is already counted. */
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
   * Weight multiplier for hits in the headline.
   * @defaultValue 2
   */
  headlineWeight?: number;
  /**
   * Weight multiplier for hits in the lede (the first paragraph); the rest of the body counts once.
   * @defaultValue 1.5
   */
  ledeWeight?: number;
  /**
   * Weight multiplier for hits in the body after the lede. (0.8 was tried: on the development
   * set it cost more recall than it gained precision.)
   * @defaultValue 1
   */
  bodyWeight?: number;
  /**
   * The organisations and places to recognise; each found is evidence for its topics.
   * @defaultValue bulletin's gazetteer (`data/gazetteer.json`)
   */
  gazetteer?: Gazetteer;
}

/** Everything the tagger reads out of a story. */
export interface Analysis {
  subjects: Subject[];
  people: StoryEntity[];
  organisations: StoryEntity[];
  places: StoryEntity[];
}

/** Tags stories against one taxonomy. Reuses its scratch buffers: one call at a time. */
export interface Tagger {
  /** Subjects sorted by confidence (highest first), then slug. */
  tag(input: TagInput): Subject[];
  /** Subjects as {@link Tagger.tag} gives them, and the people, organisations and places named. */
  analyse(input: TagInput): Analysis;
}

/** Confidence reaches about 0.39 at the default threshold and 0.81 at a score of 10. */
const CONFIDENCE_SCALE = 6;

function checkWeight(name: string, value: number, min: number): void {
  if (!(Number.isFinite(value) && value >= min)) {
    throw new TaggerOptionsError(`${name} must be a number >= ${min}, got ${value}`);
  }
}

/**
 * Compiles a taxonomy into one Aho–Corasick automaton and returns a tagger that reads each field
 * of a story in a single pass.
 *
 * Overlaps: where one match lies wholly inside a longer one (`sexual exploitation` inside
 * `child sexual exploitation`), only the longer one counts; matches that merely overlap both count.
 *
 * Scoring: each phrase adds `weight × min(n, 3)`, where `n` counts its matches (a headline match
 * counts `headlineWeight`, a lede match `ledeWeight`, a later one `bodyWeight`), so a story cannot reach a topic by
 * repeating one word. Negative phrases subtract the same way. A topic whose score reaches
 * `threshold` becomes a subject with `confidence = 1 - exp(-score / 6)` (3 decimals), `matched`
 * = the distinct positive phrases found, as written in the taxonomy and in its order, and
 * `evidence` = the same phrases with where they were found and how often.
 * @throws TaggerOptionsError when an option is out of range.
 * @example createTagger(defaultTaxonomy).tag({ headline, bodyText }).map((s) => s.slug)
 */
export function createTagger(taxonomy: Taxonomy, options: TaggerOptions = {}): Tagger {
  const threshold = options.threshold ?? 3;
  const weights = {
    headline: options.headlineWeight ?? 2,
    lede: options.ledeWeight ?? 1.5,
    body: options.bodyWeight ?? 1,
  };
  if (!(Number.isFinite(threshold) && threshold > 0)) {
    throw new TaggerOptionsError(`threshold must be a number greater than 0, got ${threshold}`);
  }
  checkWeight('headlineWeight', weights.headline, 0);
  checkWeight('ledeWeight', weights.lede, 0);
  checkWeight('bodyWeight', weights.body, 0);
  const gazetteer = options.gazetteer ?? defaultGazetteer;
  return new AutomatonTagger(
    taxonomy,
    gazetteer,
    compileTaxonomy(taxonomy, gazetteer),
    threshold,
    weights,
  );
}

const FIELD_NAMES: readonly [number, EvidenceField][] = [
  [FIELD_HEADLINE, 'headline'],
  [FIELD_LEDE, 'lede'],
  [FIELD_BODY, 'body'],
];

class AutomatonTagger implements Tagger {
  private readonly matches: MatchBuffer;
  private readonly tallies: PatternTallies;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly gazetteer: Gazetteer,
    private readonly compiled: CompiledTaxonomy,
    private readonly threshold: number,
    private readonly weights: { headline: number; lede: number; body: number },
  ) {
    const n = compiled.patternCount;
    this.matches = new MatchBuffer(compiled.patternShield, compiled.automaton.patternLength);
    this.tallies = {
      counts: new Float64Array(n),
      hits: new Int32Array(n),
      fields: new Uint8Array(n),
      touched: new Int32Array(n),
      touchedCount: 0,
    };
  }

  tag(input: TagInput): Subject[] {
    return this.run(input).subjects;
  }

  analyse(input: TagInput): Analysis {
    const found = this.run(input);
    const people = findPeople([input.headline, input.bodyText]).map((name) => ({ name }));
    return { ...found, people };
  }

  private run(input: TagInput): Omit<Analysis, 'people'> {
    const [lede, rest] = splitLede(input.bodyText);
    this.countField(input.headline, this.weights.headline, FIELD_HEADLINE);
    this.countField(lede, this.weights.lede, FIELD_LEDE);
    this.countField(rest, this.weights.body, FIELD_BODY);
    const texts = [input.headline, input.bodyText];
    const found = collectEntities(this.compiled, this.gazetteer, this.tallies, texts);
    const subjects = scoreTopics(this.compiled, this.tallies, found.suppressed)
      .filter((score) => score.score >= this.threshold)
      .map((score) => this.toSubject(score))
      .sort((a, b) => b.confidence - a.confidence || (a.slug < b.slug ? -1 : 1));
    return { subjects, organisations: found.organisations, places: found.places };
  }

  private countField(text: string, weight: number, field: number): void {
    // A field that counts for nothing is not scanned.
    if (weight === 0 || text === '') return;
    scanText(this.compiled.automaton, text, this.matches);
    const { patterns, size } = this.matches;
    const { counts, hits, fields, touched } = this.tallies;
    for (let i = 0; i < size; i++) {
      const pattern = patterns[i] as number;
      if (hits[pattern] === 0) touched[this.tallies.touchedCount++] = pattern;
      counts[pattern] = (counts[pattern] as number) + weight;
      hits[pattern] = (hits[pattern] as number) + 1;
      fields[pattern] = (fields[pattern] as number) | field;
    }
  }

  private toSubject({ topic, score, entries, fields, hits }: TopicScore): Subject {
    const { slug, name, codes } = this.taxonomy.topics[topic] ?? unreachable(topic);
    const confidence = Math.round((1 - Math.exp(-score / CONFIDENCE_SCALE)) * 1000) / 1000;
    // Variants of a phrase, and forms of an entity, are entries with one text: merge them.
    const byText = new Map<string, { mask: number; count: number; entity: boolean }>();
    entries.forEach((entry, i) => {
      const text = this.compiled.entryText[entry] ?? '';
      const entity = (this.compiled.entryEntity[entry] ?? -1) >= 0;
      const key = `${entity ? 'e' : 'p'}:${text}`;
      const seen = byText.get(key) ?? { mask: 0, count: 0, entity };
      byText.set(key, {
        ...seen,
        mask: seen.mask | (fields[i] ?? 0),
        count: seen.count + (hits[i] ?? 0),
      });
    });
    const evidence: Evidence[] = [...byText].map(([key, { mask, count, entity }]) => ({
      text: key.slice(2),
      kind: entity ? 'entity' : 'phrase',
      where: FIELD_NAMES.filter(([bit]) => (mask & bit) !== 0).map(([, where]) => where),
      count,
    }));
    const matched = evidence.filter((e) => e.kind === 'phrase').map((e) => e.text);
    return { slug, name, codes: [...codes], confidence, matched, evidence };
  }
}

function unreachable(topic: number): never {
  throw new RangeError(`no topic at index ${topic}`);
}
