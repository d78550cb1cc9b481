import { describe, expect, it } from 'vitest';
import { parseWire } from './index.js';
import { isPlainText } from './plain-text.js';
import { readFixture, SEED_FIXTURE } from './testing.js';
import { collapseSpace, splitLines } from './text-normalise.js';

/** What splitLines promises: the lines, each collapsed on its own. */
function splitEachLine(text: string): string[] {
  return text.split(/\r\n?|\n|\u2028|\u2029/).map(collapseSpace);
}

const TEXTS = [
  '',
  '\n',
  ' \n \n',
  'One line',
  '  Leading and trailing  \n\nNext  line   with runs \n',
  'Windows\r\nline\r\n\r\nendings\rand a lone CR\n\r',
  'Non\u00a0breaking \u00a0 spaces\u00a0\n\u00a0\n',
  'Tabs\tand\t\ttabs \t\nform\ffeed and vertical\vtab',
  'Zero\u200bwidth, soft\u00adhyphen, \u200b spaced \u200b out, BOM\ufeff here',
  'Thin\u2009space, ideographic\u3000space, narrow\u202fno-break',
  'Unicode\u2028line\u2029separators\u2028',
];

describe('collapseSpace', () => {
  it.each(TEXTS)('collapses %j as one replace of every whitespace run would', (text) => {
    const expected = text
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(collapseSpace(text)).toBe(expected);
  });
});

describe('splitLines', () => {
  it.each(TEXTS)('splits %j into collapsed lines', (text) => {
    expect(splitLines(text)).toEqual(splitEachLine(text));
    if (isPlainText(text)) expect(splitLines(text, true)).toEqual(splitEachLine(text));
  });

  it('splits the seed fixture into the same lines on its plain path', () => {
    const seed = readFixture(SEED_FIXTURE).toString('utf8');
    expect(isPlainText(seed)).toBe(true);
    expect(splitLines(seed, true)).toEqual(splitEachLine(seed));
    expect(splitLines(seed.replace(/\n/g, '\r\n'), true)).toEqual(splitEachLine(seed));
  });
});

describe('parseWire on text that is not plain', () => {
  const source = { id: 'test', name: 'Test' };
  const parse = async (text: string) =>
    (await parseWire({ bytes: text, source, receivedAt: '2030-01-01T00:00:00Z' })).stories[0];
  const seed = readFixture(SEED_FIXTURE).toString('utf8');

  it('gives the same story when odd whitespace only pads or spaces the words', async () => {
    const padded = seed.replace(/ /g, '\t').replace(/\n/g, '\u2009\u200b\n\u3000');
    expect(isPlainText(padded)).toBe(false);
    expect(await parse(padded)).toEqual(await parse(seed));
  });

  it('gives the same story for decomposed (NFD) text as for composed text', async () => {
    const composed = seed.replace('Circumstances', 'Circumstancés');
    const decomposed = composed.normalize('NFD');
    expect(isPlainText(decomposed)).toBe(false);
    expect(await parse(decomposed)).toEqual(await parse(composed));
  });
});
