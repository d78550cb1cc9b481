import { describe, expect, it } from 'vitest';
import { splitFeed } from './split-feed.js';
import { repairXml } from './xml-repair.js';

describe('repairXml', () => {
  it('escapes bare ampersands but keeps references', () => {
    expect(repairXml('<t>A & B &amp; C &#38; &#x26; &pound; ?a=1&b=2</t>')).toBe(
      '<t>A &amp; B &amp; C &#38; &#x26; &pound; ?a=1&amp;b=2</t>',
    );
  });

  it('keeps unknown named references as literal text', () => {
    expect(repairXml('<t>&madeup;</t>')).toBe('<t>&amp;madeup;</t>');
  });

  it('leaves CDATA sections untouched', () => {
    const xml = '<t><![CDATA[Fish & chips <b>&</b>]]> & more</t>';
    expect(repairXml(xml)).toBe('<t><![CDATA[Fish & chips <b>&</b>]]> &amp; more</t>');
  });

  it('escapes inline HTML inside a title, but not a broken title that runs into the next element', () => {
    expect(repairXml('<title>A <b>bold</b> move</title>')).toBe(
      '<title>A &lt;b&gt;bold&lt;/b&gt; move</title>',
    );
    const broken = '<title>Broken</titel><link>x</link></item><item><title>Next</title>';
    expect(repairXml(broken)).toBe(broken);
  });

  it('drops control characters XML forbids', () => {
    expect(repairXml('<t>a\u0001b\u000bc\td</t>')).toBe('<t>abc\td</t>');
  });

  it('returns a clean document unchanged', () => {
    const xml = '<rss version="2.0"><channel><title>t</title></channel></rss>';
    expect(repairXml(xml)).toBe(xml);
  });
});

describe('splitFeed', () => {
  it('wraps each item in the original root so namespaces still resolve', () => {
    const xml =
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><item><dc:creator>A</dc:creator></item><item>B</item></channel></rss>';
    expect(splitFeed(xml)).toEqual({
      head: '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>',
      documents: [
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>item</title><item><dc:creator>A</dc:creator></item></channel></rss>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>item</title><item>B</item></channel></rss>',
      ],
    });
  });

  it('ends an unterminated item at the next item or at the document close', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</entry><entry><title>B</title></feed>';
    expect(splitFeed(xml)?.documents).toEqual([
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</entry></feed>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title></feed>',
    ]);
  });

  it('finds nothing to split in a document without items', () => {
    expect(splitFeed('<rss><channel></channel></rss>')).toBeUndefined();
    expect(splitFeed('not xml')).toBeUndefined();
  });
});
