import { describe, expect, it } from 'vitest';
import { escapeMarkup, isHttpUrl, stripInvalidChars, toMarkupText } from './text-safety.js';

describe('stripInvalidChars', () => {
  it('removes every C0 control except tab, line feed and carriage return', () => {
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
    expect(stripInvalidChars(`a${controls}b`)).toBe('a\t\n\rb');
  });

  it('removes U+FFFE, U+FFFF and lone surrogates of either half', () => {
    expect(stripInvalidChars('a\uFFFEb\uFFFFc\uD800d\uDC00e\uDBFF')).toBe('abcde');
  });

  it('keeps emoji, astral letters, U+FFFD and ordinary Unicode', () => {
    const text = 'Café 😀 𝔘 \uFFFD ﬁ “quotes” — العربية';
    expect(stripInvalidChars(text)).toBe(text);
  });

  it('keeps a well-formed surrogate pair but drops a reversed one', () => {
    expect(stripInvalidChars('\uD83D\uDE00')).toBe('😀');
    expect(stripInvalidChars('\uDE00\uD83D')).toBe('');
  });
});

describe('escapeMarkup', () => {
  it('escapes each of & < > " and \'', () => {
    expect(escapeMarkup(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('escapes an existing entity again, so a literal "&amp;" survives a round trip', () => {
    expect(escapeMarkup('AT&amp;T')).toBe('AT&amp;amp;T');
  });

  it('never leaves "]]>" in its output', () => {
    expect(escapeMarkup('a]]>b]]>c')).not.toContain(']]>');
  });

  it('leaves text without markup characters untouched', () => {
    expect(escapeMarkup('Plain text 😀')).toBe('Plain text 😀');
  });
});

describe('toMarkupText', () => {
  it('strips then escapes', () => {
    expect(toMarkupText('<b>\u0000&')).toBe('&lt;b&gt;&amp;');
  });
});

describe('isHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(isHttpUrl('https://gov.uk/x')).toBe(true);
    expect(isHttpUrl('HTTP://gov.uk')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('data:text/html,x')).toBe(false);
    expect(isHttpUrl('//gov.uk')).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });
});
