import { describe, expect, it } from 'vitest';
import {
  endsWithArrow,
  endsWithColon,
  endsWithQuestion,
  endsWithSentence,
  hasWords,
  isSpaceCode,
} from './text-shape.js';

// Every string of up to three of these characters, after a few stems: all the endings the
// character tests must judge exactly as the regexes they replace.
const TAIL = ['.', '!', '?', ':', '"', "'", '”', '’', ')', ']', '>', '»', '›', '→', ' ', '\u00a0'];
const STEMS = ['', 'a', 'The council met', 'x.'];

function endings(): string[] {
  const tails = [''];
  for (let length = 1; length <= 3; length += 1) {
    for (const tail of tails.filter((candidate) => candidate.length === length - 1)) {
      for (const char of TAIL) tails.push(tail + char);
    }
  }
  return STEMS.flatMap((stem) => tails.map((tail) => stem + tail));
}

describe('character tests', () => {
  it('isSpaceCode agrees with \\s on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['endsWithSentence', (text: string) => endsWithSentence(text), /[.!?]["'”’)]*$/],
    ['endsWithSentence with ]', (text: string) => endsWithSentence(text, true), /[.!?]["'”’)\]]*$/],
    ['endsWithColon', endsWithColon, /:["'”’]?$/],
    ['endsWithQuestion', endsWithQuestion, /[?!]["'”’]?$/],
    ['endsWithArrow', endsWithArrow, /(?:>|»|›|→)\s*$/],
  ] as const)('%s agrees with the regex it replaces', (_name, test, regex) => {
    const texts = endings();
    expect(texts.length).toBeGreaterThan(10_000);
    expect(texts.filter((text) => test(text) !== regex.test(text))).toEqual([]);
  });

  it('hasWords agrees with counting \\S+ runs', () => {
    const texts = [
      '',
      '   ',
      'one',
      ' one  two\tthree\u00a0four\u2009five ',
      'a b c d e f g h',
      '\u200bzero-width\u200bis\u200ba\u200bword',
      'Clive Betts MP, chair of the Committee, said: “We heard alarming evidence.”',
      ` ${'thirty-one words and then some more '.repeat(6)}`,
    ];
    for (const text of texts) {
      const words = text.match(/\S+/g)?.length ?? 0;
      for (let count = 0; count <= words + 2; count += 1) {
        expect(hasWords(text, count), `${JSON.stringify(text)} count ${count}`).toBe(
          words >= count,
        );
      }
    }
  });
});
