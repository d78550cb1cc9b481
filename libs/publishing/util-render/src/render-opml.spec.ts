import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderOpml } from './render-opml.js';
import type { FeedDescriptor } from './render-types.js';
import {
  assertWellFormedXml,
  buildRenderContext,
  HOSTILE_BASE_URL,
  HOSTILE_TEXT_CLEAN,
} from './testing.js';

const ctx = buildRenderContext({ baseUrl: 'https://news.example.org' });
const feeds: FeedDescriptor[] = [
  { key: 'all', title: 'bulletin: all stories', description: 'Every story' },
  {
    key: 'topics/health',
    title: 'bulletin: Health',
    description: 'Health stories',
    category: { slug: 'health', name: 'Health' },
  },
];

function outlines(xml: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'outline') found.push(attribs);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return found;
}

describe('renderOpml', () => {
  it('is a well-formed OPML 2.0 document with a head', () => {
    const xml = renderOpml(feeds, ctx);
    assertWellFormedXml(xml);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<title>bulletin feeds</title>');
    expect(xml).toContain('<ownerName>bulletin</ownerName>');
  });

  it('lists every feed once, in order, with the attributes OPML requires of rss outlines', () => {
    expect(outlines(renderOpml(feeds, ctx))).toEqual([
      {
        type: 'rss',
        text: 'bulletin: all stories',
        title: 'bulletin: all stories',
        description: 'Every story',
        xmlUrl: 'https://news.example.org/feeds/all.rss',
        htmlUrl: 'https://news.example.org/',
        language: 'en-GB',
        version: 'RSS',
      },
      {
        type: 'rss',
        text: 'bulletin: Health',
        title: 'bulletin: Health',
        description: 'Health stories',
        xmlUrl: 'https://news.example.org/feeds/topics/health.rss',
        htmlUrl: 'https://news.example.org/',
        language: 'en-GB',
        version: 'RSS',
      },
    ]);
  });

  it('can list the Atom documents instead', () => {
    const [first] = outlines(renderOpml(feeds, ctx, { format: 'atom' }));
    expect(first?.xmlUrl).toBe('https://news.example.org/feeds/all.atom');
    expect(first).not.toHaveProperty('version');
  });

  it('escapes every value and reads each back exactly', () => {
    const hostile = buildRenderContext({
      baseUrl: HOSTILE_BASE_URL,
      siteTitle: `Site ${HOSTILE_TEXT_CLEAN}`,
    });
    const xml = renderOpml(
      [
        {
          key: 'all',
          title: `T ${HOSTILE_TEXT_CLEAN}`,
          description: `D \u0000${HOSTILE_TEXT_CLEAN}`,
        },
      ],
      hostile,
    );
    assertWellFormedXml(xml);
    expect(xml).not.toContain('<script');
    expect(outlines(xml)[0]).toMatchObject({
      text: `T ${HOSTILE_TEXT_CLEAN}`,
      description: `D ${HOSTILE_TEXT_CLEAN}`,
      xmlUrl: `${HOSTILE_BASE_URL}/feeds/all.rss`,
    });
  });

  it('renders an empty list and the same bytes every time', () => {
    assertWellFormedXml(renderOpml([], ctx));
    expect(renderOpml(feeds, ctx)).toBe(renderOpml(structuredClone(feeds), { ...ctx }));
  });

  it('refuses a relative base URL', () => {
    expect(() => renderOpml(feeds, buildRenderContext({ baseUrl: '/' }))).toThrow(/baseUrl/);
  });
});
