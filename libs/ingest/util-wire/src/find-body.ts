import { isQuestionHeadline } from './classify-unit.js';
import { endsWithColon } from './text-shape.js';
import type { UnitList } from './unit-list.js';

/** The article body: which units are its paragraphs, and where it stopped. */
export interface BodyRun {
  /** Index of the first prose unit. */
  start: number;
  /** Indexes of the units that make up the body, in order. */
  paragraphs: number[];
  /** Index of the first unit after the body (where scanning stopped). */
  end: number;
  /** Characters of prose, used to pick the main run. */
  chars: number;
}

// Two furniture-like lines in a row end the body; one may be a sub-heading between paragraphs.
const MAX_GAP = 2;

function extendRun(units: UnitList, start: number): BodyRun {
  const paragraphs = [start];
  let chars = units.at(start).text.length;
  let pending: number[] = [];
  let gaps = 0;
  let index = start + 1;
  for (; index < units.length && gaps < MAX_GAP; index += 1) {
    const unit = units.at(index);
    if (unit.kind === 'chrome') break;
    if (unit.kind === 'prose') {
      paragraphs.push(...pending, index);
      chars += unit.text.length;
      pending = [];
      gaps = 0;
    } else if (unit.kind === 'bullet') {
      pending.push(index);
    } else if (unit.kind !== 'meta' && unit.kind !== 'aside') {
      pending.push(index);
      gaps += 1;
    }
  }
  // A list closing the article counts when the paragraph before it introduced it.
  const last = units.at(paragraphs[paragraphs.length - 1] ?? start);
  if (endsWithColon(last.text)) {
    const list = pending.filter((candidate) => units.at(candidate).kind === 'bullet');
    if (list.length === pending.length) paragraphs.push(...list);
  }
  return { start, paragraphs, end: index, chars };
}

/** "Is X ready for winter?" set apart from the body by a byline or date is its headline. */
function dropQuestionHeadline(units: UnitList, run: BodyRun): BodyRun {
  const [first, second] = run.paragraphs;
  if (first === undefined || second === undefined || second === first + 1) return run;
  if (!isQuestionHeadline(units.at(first))) return run;
  const chars = run.chars - units.at(first).text.length;
  return { ...run, start: second, paragraphs: run.paragraphs.slice(1), chars };
}

/**
 * Finds the article body: runs of prose paragraphs that continue through bullet lists, image
 * credits and single sub-headings, and end at furniture or at two non-prose lines in a row.
 * The run with the most prose is the article; teasers and banners make only short runs.
 * @returns undefined when the text has no prose at all.
 */
export function findBody(units: UnitList): BodyRun | undefined {
  let best: BodyRun | undefined;
  let index = 0;
  while (index < units.length) {
    if (!units.isProse(index)) {
      index += 1;
      continue;
    }
    const run = dropQuestionHeadline(units, extendRun(units, index));
    if (best === undefined || run.chars > best.chars) best = run;
    index = Math.max(run.end, index + 1);
  }
  return best;
}
