import { describe, expect, it } from 'vitest';
import { decodeWire as decodeFull } from './decode.js';
import { decodeEntities, escapeHtml } from './html-entities.js';
import { repairC1 } from './windows-1252.js';

const decodeWire = (input: Uint8Array | string, contentType?: string): string =>
  decodeFull(input, contentType).text;
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

describe('decodeWire', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeWire(Buffer.from('Café £5', 'utf8'))).toBe('Café £5');
    expect(decodeWire(bytes(0xef, 0xbb, 0xbf, ...ascii('News')))).toBe('News');
  });

  it('reads UTF-16 by its BOM', () => {
    expect(decodeWire(bytes(0xff, 0xfe, 0x4e, 0, 0xe9, 0))).toBe('Né');
    expect(decodeWire(bytes(0xfe, 0xff, 0, 0x4e, 0, 0xe9))).toBe('Né');
  });

  it('honours the XML declaration encoding that rss-parser ignores', () => {
    const xml = bytes(
      ...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>'),
      0xe9,
      0xa3,
      0x92,
      ...ascii('</t>'),
    );
    expect(decodeWire(xml)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>é£’</t>');
  });

  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeWire(bytes(...ascii('Caf'), 0xe9, 0x20, 0x96, 0x20, 0x80, 0x35))).toBe(
      'Café – €5',
    );
  });

  it('keeps a UTF-8 file with one stray byte as UTF-8, the byte replaced and flagged', () => {
    const text = 'The council’s £5m plan – agreed.';
    const utf8 = Buffer.from(text, 'utf8');
    const damaged = Buffer.concat([utf8.subarray(0, 4), Buffer.from([0x96]), utf8.subarray(4)]);
    const decoded = decodeFull(damaged);
    expect(decoded.text).toBe('The \uFFFDcouncil’s £5m plan – agreed.');
    expect(decoded.warnings).toEqual(['invalid UTF-8: 1 byte sequence(s) replaced by U+FFFD']);
  });

  it('trusts the HTTP charset over a BOM and the XML declaration', () => {
    const body = bytes(
      ...ascii('<?xml version="1.0" encoding="UTF-8"?><t>'),
      0x93,
      0xa3,
      0x94,
      ...ascii('</t>'),
    );
    expect(decodeWire(body, 'application/rss+xml; charset=windows-1252')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><t>“£”</t>',
    );
    expect(decodeWire(bytes(0xef, 0xbb, 0xbf, 0xc2, 0xa3), 'text/xml; charset="UTF-8"')).toBe('£');
    // An unknown charset label is skipped, and the next evidence used.
    expect(decodeWire(bytes(0xef, 0xbb, 0xbf, 0xc2, 0xa3), 'text/xml; charset=klingon')).toBe('£');
  });

  it('takes a string as already decoded, less a BOM', () => {
    expect(decodeWire('\uFEFFNews')).toBe('News');
  });

  it('maps every C1 byte the way windows-1252 does', () => {
    const c1 = String.fromCharCode(...Array.from({ length: 32 }, (_, index) => 0x80 + index));
    expect(repairC1(c1)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
  });
});

describe('html entities', () => {
  it('decodes numeric, hex, common named and windows-1252 numeric references', () => {
    expect(decodeEntities('&pound;5 &amp; &eacute; &#8217; &#x2014; &#150; &hellip;&nbsp;x')).toBe(
      '£5 & é ’ — – …\u00a0x',
    );
  });

  it('leaves unknown names and bare ampersands as written', () => {
    expect(decodeEntities('A & B &madeup; &#0;')).toBe('A & B &madeup; \uFFFD');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
