import { describe, expect, it } from 'vitest';
import { compileAutomaton } from './automaton.js';
import { foldPhrase } from '@bulletin/taxonomy';
import { MatchBuffer, scanText } from './scan.js';

const PHRASES = [
  'child sexual exploitation',
  'sexual exploitation',
  'child',
  'council',
  'council tax',
  'tax credits',
  "children's services",
  'MBC',
  'A&E',
  'a b a',
  'b a b',
];

const compiled = new Map<readonly string[], ReturnType<typeof compileAutomaton>>();

function scan(phrases: readonly string[], text: string): string[] {
  const automaton = compiled.get(phrases) ?? compileAutomaton(phrases.map(foldPhrase));
  compiled.set(phrases, automaton);
  const matches = new MatchBuffer();
  scanText(automaton, text, matches);
  return Array.from(matches.patterns.subarray(0, matches.size), (p) => phrases[p] ?? '?');
}

/** Brute force over the folded text: every occurrence, then only those inside no other. */
function referenceScan(phrases: readonly string[], text: string): string[] {
  const stream = foldPhrase(text);
  const found: { start: number; end: number; phrase: string }[] = [];
  for (const phrase of phrases) {
    const pattern = foldPhrase(phrase);
    for (let s = 0; s + pattern.length <= stream.length; s++) {
      if (pattern.every((code, k) => stream[s + k] === code)) {
        found.push({ start: s, end: s + pattern.length, phrase });
      }
    }
  }
  const inside = (a: (typeof found)[number], b: (typeof found)[number]): boolean =>
    a !== b && b.start <= a.start && a.end <= b.end;
  return found
    .filter((a) => !found.some((b) => inside(a, b)))
    .sort((a, b) => a.end - b.end)
    .map((m) => m.phrase);
}

describe('scanText', () => {
  it('finds phrases case-insensitively on word boundaries only', () => {
    expect(scan(PHRASES, 'The Council met. Councillors and the council’s MBC staff')).toEqual([
      'council',
      'council',
      'MBC',
    ]);
    expect(scan(PHRASES, 'MBCX xMBC MBC2 MBC.')).toEqual(['MBC']);
    expect(scan(PHRASES, 'A&E')).toEqual(['A&E']);
  });

  it('keeps only the longest of nested matches', () => {
    expect(scan(PHRASES, 'organised child sexual exploitation.')).toEqual([
      'child sexual exploitation',
    ]);
    expect(scan(PHRASES, 'the risks of sexual exploitation to a child')).toEqual([
      'sexual exploitation',
      'child',
    ]);
  });

  it('keeps both of two partly overlapping matches', () => {
    expect(scan(PHRASES, 'council tax credits')).toEqual(['council tax', 'tax credits']);
    expect(scan(PHRASES, 'a b a b a')).toEqual(['a b a', 'b a b', 'a b a']);
  });

  it('matches across folded apostrophes, dashes and collapsed whitespace', () => {
    expect(scan(PHRASES, 'CHILDREN’S\n\n   SERVICES')).toEqual(["children's services"]);
    expect(
      scan(['looked-after children'], 'looked after  children, looked—after children'),
    ).toHaveLength(2);
  });

  it('grows its buffer past its initial size', () => {
    expect(scan(PHRASES, 'council '.repeat(500))).toHaveLength(500);
  });

  it('agrees with a brute-force reference on random texts', () => {
    const tokens = [
      'child',
      'children',
      'sexual',
      'exploitation',
      'council',
      'councils',
      'tax',
      'credits',
      'MBC',
      "'s",
      '’s',
      'services',
      'A',
      '&',
      'E',
      'a',
      'b',
      'x',
      ' ',
      '  ',
      '\n',
      '-',
      '—',
      '.',
      ',',
    ];
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const parts = Array.from({ length: 5 + Math.floor(random() * 30) }, () => {
        const token = tokens[Math.floor(random() * tokens.length)] ?? '';
        return random() < 0.6 ? ` ${token}` : token;
      });
      const text = parts.join('');
      expect(scan(PHRASES, text), text).toEqual(referenceScan(PHRASES, text));
    }
  });
});
