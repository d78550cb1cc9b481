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
    ['<?xml version="1.0"?><html><body>page</body></html>', 'html'],
    ['<!DOCTYPE html><html lang="en">', 'html'],
    ['<!doctype html>\n<meta charset="utf-8"><title>T</title>', 'html'],
    [
      '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf-3-5.dtd"><nitf version="-//IPTC//DTD NITF 3.5//EN">',
      'nitf',
    ],
    ['{"uri": "x"}', 'ninjs'],
    ['  [{"uri": "x"}]', 'ninjs'],
    ['{ not json', 'ninjs'],
    ['[Embargoed until 00:01]\n\nA headline', 'text'],
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
    expect(() => detectFormat('<urlset/>')).toThrow(/<urlset> is neither RSS .* nor an HTML page/);
  });

  it('takes a bracket as JSON when the Content-Type says so', () => {
    expect(detectFormat('[1, 2', 'application/json; charset=utf-8')).toBe('ninjs');
    expect(detectFormat('[1, 2', 'text/plain')).toBe('text');
  });
});
