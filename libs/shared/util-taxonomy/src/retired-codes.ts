import data from '../data/retired-codes.json' with { type: 'json' };

/** A Media Topic code IPTC has retired. */
export interface RetiredCode {
  readonly code: string;
  readonly label: string;
  /** The release that retired it. */
  readonly retired: string;
}

/**
 * Media Topic codes that are retired (`data/retired-codes.json`): a taxonomy that maps a topic to
 * one is refused, because subscribers downstream no longer file stories under it.
 */
export const RETIRED_CODES: readonly RetiredCode[] = Object.freeze(
  data.codes.map((entry) => Object.freeze({ ...entry })),
);

const byCode = new Map(RETIRED_CODES.map((entry) => [entry.code, entry]));

/** The retirement record of `code`, if IPTC has retired it. */
export function findRetiredCode(code: string): RetiredCode | undefined {
  return byCode.get(code);
}
