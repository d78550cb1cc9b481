import { describe, expect, it } from 'vitest';
import { RenderError } from './render-error.js';
import { isAbsoluteUri, requireHttpUrl, toUri } from './uri.js';

describe('toUri', () => {
  it('leaves valid URIs unchanged, so an id is the same in every version', () => {
    for (const uri of [
      'urn:bulletin:gov-uk:item-1',
      'urn:bulletin:pa:2024%2F03%2F01',
      'https://www.gov.uk/news/a?b=1&c=2#d',
      'tag:example.org,2024:item/1',
    ]) {
      expect(toUri(uri)).toBe(uri);
    }
  });

  it('percent-encodes what RFC 3986 forbids, in UTF-8, keeping existing escapes', () => {
    expect(toUri('https://x.example/a b"c<d>é%20')).toBe(
      'https://x.example/a%20b%22c%3Cd%3E%C3%A9%20',
    );
    expect(toUri('https://x.example/😀')).toBe('https://x.example/%F0%9F%98%80');
  });

  it('holds urn: values to the RFC 2141 characters the W3C validator checks', () => {
    expect(toUri('urn:bulletin:evil:"&<>]]>~/')).toBe(
      'urn:bulletin:evil:%22%26%3C%3E%5D%5D%3E%7E%2F',
    );
    expect(toUri('urn:ab:x y')).toBe('urn:ab:x%20y');
  });

  it('wraps a urn: RFC 2141 refuses into a bulletin URN', () => {
    expect(toUri('urn:c')).toBe('urn:bulletin:urn:c');
    expect(toUri('urn:x:2')).toBe('urn:bulletin:urn:x:2');
    expect(toUri('urn:a b:c')).toBe('urn:bulletin:urn:a%20b:c');
    expect(toUri('urn:bulletin:')).toBe('urn:bulletin:urn:bulletin:');
  });

  it('turns a value without a scheme into a bulletin URN', () => {
    expect(toUri('item 1')).toBe('urn:bulletin:item%201');
    expect(toUri('')).toBe('urn:bulletin:');
  });

  it('always returns an absolute URI', () => {
    for (const value of ['a"b', 'urn:x:<>', 'http://x/\u00A0', 'mailto:a b@c']) {
      expect(isAbsoluteUri(toUri(value))).toBe(true);
    }
  });
});

describe('isAbsoluteUri', () => {
  it('accepts a scheme and RFC 3986 characters only', () => {
    expect(isAbsoluteUri('urn:a:b')).toBe(true);
    expect(isAbsoluteUri('http://x/%41')).toBe(true);
    expect(isAbsoluteUri('/stories/a')).toBe(false);
    expect(isAbsoluteUri('http://x/a b')).toBe(false);
    expect(isAbsoluteUri('http://x/%4')).toBe(false);
    expect(isAbsoluteUri('1a:b')).toBe(false);
    expect(isAbsoluteUri(undefined)).toBe(false);
  });
});

describe('requireHttpUrl', () => {
  it('returns an absolute http(s) URL and refuses anything else, naming the field', () => {
    expect(requireHttpUrl('https://x.example', 'baseUrl')).toBe('https://x.example');
    expect(() => requireHttpUrl('/feeds', 'baseUrl')).toThrow(RenderError);
    expect(() => requireHttpUrl('', 'hubUrl')).toThrow(/hubUrl must be an absolute http\(s\) URL/);
    expect(() => requireHttpUrl('ftp://x', 'baseUrl')).toThrow(
      expect.objectContaining({ code: 'RENDER_INVALID_URL' }),
    );
  });
});
