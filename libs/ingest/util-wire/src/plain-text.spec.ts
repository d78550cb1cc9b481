import { describe, expect, it } from 'vitest';
import { looksBinary } from './binary.js';
import { isPlainText } from './plain-text.js';
import { collapseSpace } from './text-normalise.js';
import { listFixtures, readFixture, SEED_FIXTURE } from './testing.js';

/** Every UTF-16 code unit isPlainText accepts on its own. */
function plainCharacters(): string[] {
  const chars: string[] = [];
  for (let code = 0; code <= 0xffff; code += 1) {
    const char = String.fromCharCode(code);
    if (isPlainText(char)) chars.push(char);
  }
  return chars;
}

describe('isPlainText', () => {
  it('accepts article text with curly quotes, dashes, accents, pound signs and line breaks', () => {
    expect(isPlainText('Café “news” – £20m, 50% more…\r\nNext\u00a0line • ▪ → €5')).toBe(true);
    expect(isPlainText(readFixture(SEED_FIXTURE).toString('utf8'))).toBe(true);
    for (const fixture of listFixtures('text')) {
      const text = readFixture(fixture).toString('utf8');
      if (isPlainText(text)) expect(text.normalize('NFC'), fixture).toBe(text);
    }
  });

  it.each([
    ['a tab', 'a\tb'],
    ['a control character', 'a\u0001b'],
    ['a replacement character', 'a\ufffdb'],
    ['a zero-width space', 'a\u200bb'],
    ['a soft hyphen', 'a\u00adb'],
    ['a thin space', 'a\u2009b'],
    ['a line separator', 'a\u2028b'],
    ['a BOM', '\ufeffab'],
    ['a combining accent', 'cafe\u0301'],
    ['an emoji', 'ok 👍'],
    ['a letter NFC would change', 'an \u212b'],
  ])('rejects text with %s', (_name, text) => {
    expect(isPlainText(text)).toBe(false);
  });

  it('accepts only characters that NFC leaves alone, alone and next to any other', () => {
    const chars = plainCharacters();
    expect(chars.length).toBeGreaterThan(1000);
    for (const char of chars) expect(/\p{M}/u.test(char), char).toBe(false);
    for (const first of chars) {
      // One string holds every pair that starts with `first`, and every pair that ends with it.
      const row = chars.map((second) => first + second).join('');
      expect(row.normalize('NFC') === row, `pairs with U+${first.charCodeAt(0).toString(16)}`).toBe(
        true,
      );
    }
  });

  it('accepts no control character and no whitespace that needs more than trimming', () => {
    const lineBreaks = ['\n', '\r'];
    for (const char of plainCharacters()) {
      expect(looksBinary(`text ${char}`), char).toBe(false);
      if (lineBreaks.includes(char) || char === '\u00a0') continue;
      expect(collapseSpace(`a${char}b`), char).toBe(char === ' ' ? 'a b' : `a${char}b`);
    }
  });
});
