import { describe, expect, it } from 'vitest';
import { RenderError } from './render-error.js';
import { TextTokens } from './text-tokens.js';

describe('TextTokens', () => {
  it('gives tokens free of every character feed or xml-js would escape', () => {
    const token = new TextTokens().add('<&>"\']]>');
    expect(token).not.toMatch(/[&<>"'\]]/);
  });

  it('restores bare tokens escaped, in text and in attributes', () => {
    const tokens = new TextTokens();
    const xml = `<a href="${tokens.add('x?a=1&b="2"')}">${tokens.add('1 < 2 & 3')}</a>`;
    expect(tokens.restore(xml)).toBe('<a href="x?a=1&amp;b=&quot;2&quot;">1 &lt; 2 &amp; 3</a>');
  });

  it('turns a CDATA section around a token into escaped text, so "]]>" cannot end it', () => {
    const tokens = new TextTokens();
    const xml = `<t><![CDATA[${tokens.add('a ]]> b ]]> c')}]]></t>`;
    expect(tokens.restore(xml)).toBe('<t>a ]]&gt; b ]]&gt; c</t>');
  });

  it('restores the same value wherever its token appears', () => {
    const tokens = new TextTokens();
    const token = tokens.add('&');
    expect(tokens.restore(`<a x="${token}">${token}</a>`)).toBe('<a x="&amp;">&amp;</a>');
  });

  it('fails loudly when a token was mangled or is unknown', () => {
    const tokens = new TextTokens();
    tokens.add('x');
    expect(() => tokens.restore('<a>\u0001</a>')).toThrow(RenderError);
    expect(() => tokens.restore('<a>\u00017\u0002</a>')).toThrow(/unknown token/);
  });
});
