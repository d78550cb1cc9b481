import { describe, expect, it } from 'vitest';
import { RenderError } from './render-error.js';
import { addRootAttributes, insertAfterLine } from './xml-splice.js';

const xml =
  '<?xml version="1.0"?>\n<rss version="2.0">\n    <channel>\n        <self/>\n    </channel>\n</rss>';

describe('addRootAttributes', () => {
  it('appends the attributes to the tag', () => {
    expect(addRootAttributes(xml, '<rss version="2.0"', [['xmlns:fh', 'urn:x']])).toContain(
      '<rss version="2.0" xmlns:fh="urn:x">',
    );
    expect(addRootAttributes(xml, '<rss version="2.0"', [])).toBe(xml);
  });

  it('refuses a tag that is missing or repeated', () => {
    expect(() => addRootAttributes(xml, '<feed', [])).toThrow(RenderError);
    expect(() => addRootAttributes(`${xml}<rss version="2.0">`, '<rss version="2.0"', [])).toThrow(
      /changed shape/,
    );
  });
});

describe('insertAfterLine', () => {
  it('inserts after the anchor line at its indentation', () => {
    expect(insertAfterLine(xml, '<self/>', ['<a/>', '<b/>'])).toContain(
      '        <self/>\n        <a/>\n        <b/>\n    </channel>',
    );
  });

  it('changes nothing when there is nothing to insert', () => {
    expect(insertAfterLine(xml, '<absent/>', [])).toBe(xml);
  });

  it('refuses an anchor found on no line or on several', () => {
    expect(() => insertAfterLine(xml, '<absent/>', ['<a/>'])).toThrow(RenderError);
    expect(() => insertAfterLine(`${xml}\n<self/>`, '<self/>', ['<a/>'])).toThrow(/no single line/);
  });
});
