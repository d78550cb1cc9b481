import { laterOf } from './build-story.js';
import { readWireDate, type WireDate } from './wire-date.js';

/** One date field as the source wrote it, named as the source names it (`pubDate`, `date.issue`). */
export interface RawDate {
  field: string;
  value: unknown;
}

/** The story's dates and what had to be flagged to get them. */
export interface StoryDates {
  firstcreated: string;
  versioncreated: string;
  dateOnly?: true;
  /** The date the source gave, published or else updated; undefined when it gave none readable. */
  sourceDate?: string;
  warnings: string[];
}

function rawText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '_' in value) {
    const inner = (value as { _: unknown })._;
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}

/** The first candidate that reads, with a warning for each one present that does not. */
function firstReadable(candidates: readonly RawDate[], warnings: string[]): WireDate | undefined {
  let found: WireDate | undefined;
  for (const { field, value } of candidates) {
    const raw = rawText(value)?.trim();
    if (raw === undefined || raw === '') continue;
    const date = readWireDate(raw);
    if (date === undefined) warnings.push(`unreadable date in ${field}: "${raw.slice(0, 64)}"`);
    else found ??= date;
  }
  return found;
}

/**
 * Resolves a story's dates from the source's published and updated fields, strictly: a date
 * that cannot be read is flagged in `warnings` and never guessed at; with no readable date at
 * all the arrival time stands in, and that is flagged too. `versioncreated` never goes back
 * before `firstcreated`.
 */
export function resolveDates(
  published: readonly RawDate[],
  updated: readonly RawDate[],
  receivedAt: string,
): StoryDates {
  const warnings: string[] = [];
  const first = firstReadable(published, warnings);
  const latest = firstReadable(updated, warnings);
  const known = first ?? latest;
  if (known === undefined) warnings.push('no readable date: arrival time used');
  const firstcreated = known?.iso ?? receivedAt;
  return {
    firstcreated,
    versioncreated: laterOf(firstcreated, latest?.iso),
    ...(known === undefined ? {} : { sourceDate: known.iso }),
    ...(known?.dateOnly === true && (latest === undefined || latest.dateOnly)
      ? { dateOnly: true as const }
      : {}),
    warnings,
  };
}
