import { describe, expect, it } from 'vitest';
import { detectFormat, WireParseError } from './index.js';

function codeOf(text: string): string {
  try {
    detectFormat(text);
  } catch (error) {
    expect(error).toBeInstanceOf(WireParseError);
    expect((error as WireParseError).permanent).toBe(true);
    return (error as WireParseError).code;
  }
  throw new Error('expected detectFormat to throw');
}

describe('detectFormat', () => {
  it.each([
    ['<rss version="2.0"><channel/></rss>', 'rss'],
    ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">', 'rss'],
    [
      '\uFEFF  \n<?xml version="1.0"?><!-- generated --><?xml-stylesheet href="a.xsl"?><rss>',
      'rss',
    ],
    ['<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss version="0.91">', 'rss'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', 'rss'],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', 'atom'],
    ['News\n\n18.11.14\n\nA headline', 'text'],
    ['<3 our libraries: a campaign\n\nResidents have backed the campaign.', 'text'],
  ])('reads %j as %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('ignores what a filename would suggest: only the content counts', () => {
    expect(detectFormat('Plain words that happen to be in feed.xml')).toBe('text');
  });

  it.each([
    ['', 'WIRE_EMPTY'],
    ['\uFEFF \n\t ', 'WIRE_EMPTY'],
    ['GIF89a\u0001\u0000', 'WIRE_BINARY'],
    ['PK\u0003\u0004 zip', 'WIRE_BINARY'],
    ['<?xml version="1.0"?><html><body>page</body></html>', 'WIRE_UNRECOGNISED'],
    ['<!DOCTYPE html><html lang="en">', 'WIRE_UNRECOGNISED'],
    [
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      'WIRE_UNRECOGNISED',
    ],
    ['<?xml version="1.0"?>', 'WIRE_UNRECOGNISED'],
    ['<?xml version="1.0"', 'WIRE_UNRECOGNISED'],
  ])('rejects %j with %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('names the root it did not recognise', () => {
    expect(() => detectFormat('<urlset/>')).toThrow(/<urlset> is neither RSS .* nor Atom/);
  });
});
