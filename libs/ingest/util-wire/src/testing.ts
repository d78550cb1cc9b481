/**
 * Fixtures for other projects' tests and the benchmark. This door may read files; the main one
 * never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, relative as relativeTo, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The user's own example: a scraped Public Sector Executive article with its page furniture. */
export const SEED_FIXTURE = 'text/pse-rotherham-2014-11-18.txt';

/**
 * Absolute path of a fixture, e.g. `fixturePath('rss/normal.xml')`.
 * @throws RangeError when the path would leave the fixtures folder.
 */
export function fixturePath(relative: string): string {
  const path = resolve(FIXTURES_DIR, relative);
  const inside = relativeTo(FIXTURES_DIR, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new RangeError(`fixture "${relative}" is outside ${FIXTURES_DIR}`);
  }
  return path;
}

/** The raw bytes of a fixture; pass them as `WireInput.bytes` so charset handling is exercised. */
export function readFixture(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/**
 * Every fixture of one kind, as paths relative to the fixtures folder, sorted.
 * @example listFixtures('text') // ['text/council-budget-….txt', …]
 */
export function listFixtures(
  kind: 'text' | 'rss' | 'atom' | 'ninjs' | 'nitf' | 'html' | 'hostile',
): string[] {
  return readdirSync(fixturePath(kind))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => `${kind}/${name}`);
}

export {
  buildDuplicatePairs,
  scoreDuplicates,
  type DuplicatePair,
  type DuplicateScore,
  type PairKind,
} from './duplicate-pairs.js';
