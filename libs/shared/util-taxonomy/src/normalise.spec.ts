import { describe, expect, it } from 'vitest';
import {
  BOUNDARY,
  describeFolded,
  foldPhrase,
  getFoldTables,
  isWordBounded,
  KIND_IGNORE,
  KIND_OTHER,
  KIND_SPACE,
  KIND_WORD,
} from './normalise.js';

const B = BOUNDARY;
const codes = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

describe('foldPhrase', () => {
  it('lower-cases and marks word boundaries', () => {
    expect(foldPhrase('MBC')).toEqual([B, ...codes('mbc'), B]);
    expect(foldPhrase('Local Authority')).toEqual([
      B,
      ...codes('local'),
      B,
      32,
      B,
      ...codes('authority'),
      B,
    ]);
  });

  it('folds typographic apostrophes to the ASCII one', () => {
    const straight = foldPhrase("children's services");
    expect(foldPhrase('children’s services')).toEqual(straight);
    expect(foldPhrase('children‘s services')).toEqual(straight);
    expect(foldPhrase('childrenʼs services')).toEqual(straight);
    expect(straight).toEqual([
      B,
      ...codes('children'),
      B,
      39,
      B,
      115,
      B,
      32,
      B,
      ...codes('services'),
      B,
    ]);
  });

  it('folds typographic quotes to the ASCII double quote', () => {
    expect(foldPhrase('“council”')).toEqual(foldPhrase('"council"'));
  });

  it('folds hyphens and dashes to a space, so hyphenated and spaced forms are one phrase', () => {
    const spaced = foldPhrase('looked after children');
    expect(foldPhrase('looked-after children')).toEqual(spaced);
    expect(foldPhrase('looked‐after children')).toEqual(spaced);
    expect(foldPhrase('looked – after children')).toEqual(spaced);
  });

  it('collapses runs of whitespace of any kind and trims the ends', () => {
    expect(foldPhrase('  local \n\n\t authority\u00a0 ')).toEqual(foldPhrase('local authority'));
  });

  it('strips accents and ignores soft hyphens and zero-width characters', () => {
    expect(foldPhrase('Café')).toEqual(foldPhrase('cafe'));
    expect(foldPhrase('cafe\u0301')).toEqual(foldPhrase('cafe'));
    expect(foldPhrase('coun\u00adcil\u200b')).toEqual(foldPhrase('council'));
  });
});

describe('isWordBounded', () => {
  it('accepts phrases that start and end on a letter or digit', () => {
    expect(isWordBounded(foldPhrase('A&E'))).toBe(true);
    expect(isWordBounded(foldPhrase('section 114'))).toBe(true);
  });

  it('rejects phrases that start or end on punctuation, or hold no word', () => {
    expect(isWordBounded(foldPhrase("magistrates'"))).toBe(false);
    expect(isWordBounded(foldPhrase('#council'))).toBe(false);
    expect(isWordBounded(foldPhrase('--'))).toBe(false);
    expect(isWordBounded(foldPhrase(''))).toBe(false);
  });
});

describe('getFoldTables', () => {
  it('classifies letters, digits, spaces, punctuation and ignorable marks', () => {
    const { kind } = getFoldTables();
    const kindOf = (c: string): number | undefined => kind[c.charCodeAt(0)];
    expect([kindOf('a'), kindOf('Ä'), kindOf('7'), kindOf('ж')]).toEqual([
      KIND_WORD,
      KIND_WORD,
      KIND_WORD,
      KIND_WORD,
    ]);
    expect([kindOf(' '), kindOf('\n'), kindOf('\u00a0'), kindOf('—')]).toEqual([
      KIND_SPACE,
      KIND_SPACE,
      KIND_SPACE,
      KIND_SPACE,
    ]);
    expect([kindOf("'"), kindOf('’'), kindOf('.'), kindOf('&')]).toEqual([
      KIND_OTHER,
      KIND_OTHER,
      KIND_OTHER,
      KIND_OTHER,
    ]);
    expect([kindOf('\u00ad'), kindOf('\u0301')]).toEqual([KIND_IGNORE, KIND_IGNORE]);
  });

  it('is built once and shared', () => {
    expect(getFoldTables()).toBe(getFoldTables());
  });
});

describe('describeFolded', () => {
  it('renders a folded phrase without boundary markers', () => {
    expect(describeFolded(foldPhrase('Children’s  Services'))).toBe("children's services");
  });
});
