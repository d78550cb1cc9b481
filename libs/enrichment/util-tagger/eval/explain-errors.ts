/**
 * Explains the development stories a tagger gets wrong: for each, the topics it wrongly added
 * or missed, with the evidence and score behind every topic that scored at all (including those
 * below the threshold), so a taxonomy editor can see which phrase tipped a story or fell short.
 */
import type { Subject } from '@bulletin/story';
import type { Tagger } from '../src/index.js';
import type { LabelledStory } from './evaluate.js';

/** Inverts the tagger's `confidence = 1 - exp(-score / 6)`: the score behind a confidence. */
const scoreOf = (confidence: number): string => (-6 * Math.log(1 - confidence)).toFixed(1);

function describeSubject(subject: Subject, mark: string): string {
  const evidence = (subject.evidence ?? [])
    .map((e) => `${e.kind === 'entity' ? '@' : ''}${e.text} [${e.where.join(',')}]×${e.count}`)
    .join('; ');
  return `    ${mark} ${subject.slug} (score ${scoreOf(subject.confidence)}): ${evidence}`;
}

/**
 * Lines describing every story `tagger` tags differently from its labels. `probe` is the same
 * taxonomy compiled with a near-zero threshold, which shows what a missed topic did score.
 */
export function explainErrors(
  tagger: Tagger,
  probe: Tagger,
  stories: readonly LabelledStory[],
): string[] {
  const lines: string[] = [];
  for (const story of stories) {
    const input = { headline: story.headline, bodyText: story.body };
    const got = new Set(tagger.tag(input).map((s) => s.slug));
    const want = new Set(story.topics);
    const wrong = [...got, ...want].filter((slug) => got.has(slug) !== want.has(slug));
    if (wrong.length === 0) continue;
    lines.push(`${story.id}: ${story.headline}`);
    for (const subject of probe.tag(input)) {
      const mark = !want.has(subject.slug)
        ? got.has(subject.slug)
          ? '+'
          : ' '
        : got.has(subject.slug)
          ? '='
          : '-';
      lines.push(describeSubject(subject, mark));
    }
    const unscored = [...want].filter((slug) => !probe.tag(input).some((s) => s.slug === slug));
    for (const slug of unscored) lines.push(`    - ${slug} (no evidence at all)`);
  }
  return lines;
}
