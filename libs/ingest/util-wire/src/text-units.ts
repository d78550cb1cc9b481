import { splitLines } from './text-normalise.js';

const WRAP_MIN = 50;
const WRAP_MAX = 100;
const WRAP_SPREAD = 30;
const NO_WRAP_END = /[>»›:]$/;
const LIST_MARKER = /^(?:[-–•*▪●]|\d{1,2}[.)])\s/;

function isHardWrapped(lines: readonly string[], standsAlone: (line: string) => boolean): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  const last = lines[lines.length - 1] ?? '';
  let shortest = WRAP_MAX;
  let longest = 0;
  for (const line of body) {
    if (line.length < WRAP_MIN || line.length > WRAP_MAX || NO_WRAP_END.test(line)) return false;
    if (LIST_MARKER.test(line)) return false;
    shortest = Math.min(shortest, line.length);
    longest = Math.max(longest, line.length);
  }
  // A column-wrapped paragraph has lines of similar width; a date or byline line never wraps.
  if (longest - shortest > WRAP_SPREAD || last.length > WRAP_MAX || LIST_MARKER.test(last))
    return false;
  return !lines.some(standsAlone);
}

function addBlock(
  units: string[],
  block: readonly string[],
  standsAlone: (line: string) => boolean,
): void {
  if (isHardWrapped(block, standsAlone)) units.push(block.join(' '));
  else units.push(...block);
}

/**
 * Splits text into units: one per line, except that a block of lines hard-wrapped to a column
 * (as plain-text wire copy often is) is joined back into one paragraph, unless `standsAlone`
 * says one of its lines (a date, a byline) must stay a line of its own. Whitespace is collapsed
 * and blank lines dropped.
 * @param plain true when {@link isPlainText} holds for the text (see {@link splitLines}).
 */
export function splitUnits(
  text: string,
  standsAlone: (line: string) => boolean,
  plain = false,
): string[] {
  const lines = splitLines(text, plain);
  const units: string[] = [];
  let start = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && lines[index] !== '') continue;
    // Most blocks are one line: a paragraph or a label between blank lines.
    if (index - start === 1) units.push(lines[start] as string);
    else if (index - start > 1) addBlock(units, lines.slice(start, index), standsAlone);
    start = index + 1;
  }
  return units;
}
