/**
 * Scores a tagger against bulletin's labelled stories (`dev.json`, `held-out.json`): per-topic
 * precision, recall and F1, and every trap a story sets that the tagger fell into.
 */
import { readFileSync } from 'node:fs';
import type { Tagger } from '../src/index.js';

/** One labelled story: every topic it should get, and the traps it sets. */
export interface LabelledStory {
  readonly id: string;
  readonly headline: string;
  /** Paragraphs separated by a blank line; the first is the lede. */
  readonly body: string;
  readonly topics: readonly string[];
  /** Topics the story must not get (a trap), with `trap` saying why. */
  readonly notTopics?: readonly string[];
  readonly trap?: string;
}

export interface TopicScore {
  readonly slug: string;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  readonly stories: number;
  readonly topics: readonly TopicScore[];
  /** `story-id: topic (why)` for every trap the tagger fell into. */
  readonly trapsHit: readonly string[];
  /** `story-id: +got -missed` for every story not tagged exactly as labelled. */
  readonly errors: readonly string[];
}

export type EvalSplit = 'dev' | 'held-out';

/** The stories of one half of the evaluation set. */
export function readEvalSet(split: EvalSplit): LabelledStory[] {
  const file = new URL(`./${split}.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { stories: LabelledStory[] }).stories;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Tags every story and scores each of `slugs` (every topic of the taxonomy). */
export function evaluate(
  tagger: Tagger,
  stories: readonly LabelledStory[],
  slugs: readonly string[],
): Evaluation {
  const counts = new Map(slugs.map((slug) => [slug, { tp: 0, fp: 0, fn: 0 }]));
  const trapsHit: string[] = [];
  const errors: string[] = [];
  for (const story of stories) {
    const got = new Set(
      tagger.tag({ headline: story.headline, bodyText: story.body }).map((s) => s.slug),
    );
    const want = new Set(story.topics);
    for (const [slug, count] of counts) {
      if (got.has(slug) && want.has(slug)) count.tp++;
      else if (got.has(slug)) count.fp++;
      else if (want.has(slug)) count.fn++;
    }
    for (const slug of story.notTopics ?? []) {
      if (got.has(slug)) trapsHit.push(`${story.id}: ${slug} (${story.trap ?? 'trap'})`);
    }
    const extra = [...got].filter((slug) => !want.has(slug)).map((slug) => `+${slug}`);
    const missed = [...want].filter((slug) => !got.has(slug)).map((slug) => `-${slug}`);
    if (extra.length + missed.length > 0)
      errors.push(`${story.id}: ${[...extra, ...missed].join(' ')}`);
  }
  const topics = [...counts].map(([slug, { tp, fp, fn }]) => {
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return {
      slug,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
    };
  });
  return { stories: stories.length, topics, trapsHit, errors };
}
