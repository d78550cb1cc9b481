import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAtom } from './render-atom.js';
import { RenderError } from './render-error.js';
import { isFeedFormat, renderFeed } from './render-feed.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';
import {
  FEED_CONTENT_TYPES,
  FEED_FORMATS,
  type FeedDescriptor,
  type FeedFormat,
} from './render-types.js';
import {
  assertWellFormedXml,
  buildHostileStory,
  buildRenderContext,
  buildStory,
} from './testing.js';

const ctx = buildRenderContext();
const feed: FeedDescriptor = { key: 'all', title: 'bulletin', description: 'Every story' };
// Newest first by publication; the middle one was updated last.
const stories = [
  buildStory({
    id: 'c'.repeat(20),
    uri: 'urn:bulletin:c',
    firstcreated: '2024-03-03T09:00:00Z',
    versioncreated: '2024-03-03T09:00:00Z',
  }),
  buildStory({
    id: 'b'.repeat(20),
    uri: 'urn:bulletin:b',
    firstcreated: '2024-03-02T09:00:00Z',
    versioncreated: '2024-03-04T12:00:00+01:00',
  }),
  buildHostileStory({
    id: 'a'.repeat(20),
    uri: 'urn:bulletin:a',
    firstcreated: '2024-03-01T09:00:00Z',
    versioncreated: '2024-03-01T09:00:00Z',
  }),
];

function idsIn(format: FeedFormat, output: string): string[] {
  if (format === 'json')
    return (JSON.parse(output) as { items: { id: string }[] }).items.map((item) => item.id);
  return [...output.matchAll(/<(?:id|guid isPermaLink="false")>(urn:[^<]*)<\//g)].map(
    (match) => match[1] ?? '',
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renderFeed', () => {
  it.each(FEED_FORMATS)('renders %s like its own renderer', (format) => {
    const own = { rss: renderRss, atom: renderAtom, json: renderJsonFeed }[format];
    expect(renderFeed(format, feed, stories, ctx)).toBe(own(feed, stories, ctx));
  });

  it.each(FEED_FORMATS)(
    'renders %s byte-identically every time, whatever the clock says',
    (format) => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const first = renderFeed(format, feed, stories, ctx);
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
      const second = renderFeed(format, feed, structuredClone(stories), { ...ctx });
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(first).not.toMatch(/2030|2031/);
    },
  );

  it.each(FEED_FORMATS)(
    'keeps the stories in the order given, with stable ids, in %s',
    (format) => {
      expect(idsIn(format, renderFeed(format, feed, stories, ctx))).toEqual([
        'urn:bulletin:c',
        'urn:bulletin:b',
        'urn:bulletin:a',
      ]);
      const reversed = [...stories].reverse();
      expect(idsIn(format, renderFeed(format, feed, reversed, ctx))).toEqual([
        'urn:bulletin:a',
        'urn:bulletin:b',
        'urn:bulletin:c',
      ]);
    },
  );

  it('dates the feed by its most recently updated story, not its first', () => {
    expect(renderFeed('atom', feed, stories, ctx)).toContain(
      '<updated>2024-03-04T11:00:00.000Z</updated>\n',
    );
    expect(renderFeed('rss', feed, stories, ctx)).toContain(
      '<lastBuildDate>Mon, 04 Mar 2024 11:00:00 GMT</lastBuildDate>',
    );
  });

  it('dates an empty feed by emptyUpdated', () => {
    const empty = buildRenderContext({ emptyUpdated: '2023-12-25T08:00:00Z' });
    expect(renderFeed('atom', feed, [], empty)).toContain(
      '<updated>2023-12-25T08:00:00.000Z</updated>',
    );
    expect(renderFeed('rss', feed, [], empty)).toContain(
      '<lastBuildDate>Mon, 25 Dec 2023 08:00:00 GMT</lastBuildDate>',
    );
  });

  it.each(['rss', 'atom'] as const)(
    'keeps %s well-formed with several hostile stories',
    (format) => {
      const hostile = [
        buildHostileStory(),
        buildHostileStory({ id: 'f'.repeat(20), uri: 'urn:bulletin:f' }),
      ];
      expect(() => assertWellFormedXml(renderFeed(format, feed, hostile, ctx))).not.toThrow();
    },
  );

  it('refuses an unknown format and unparseable dates with RenderError', () => {
    expect(() => renderFeed('html' as FeedFormat, feed, [], ctx)).toThrow(RenderError);
    expect(() => renderFeed('rss', feed, [], buildRenderContext({ emptyUpdated: 'soon' }))).toThrow(
      /emptyUpdated/,
    );
    const broken = buildStory({ versioncreated: 'yesterday' });
    expect(() => renderFeed('json', feed, [broken], ctx)).toThrow(/versioncreated/);
  });
});

describe('feed formats', () => {
  it('maps each format to its content type', () => {
    expect(FEED_CONTENT_TYPES).toEqual({
      rss: 'application/rss+xml; charset=utf-8',
      atom: 'application/atom+xml; charset=utf-8',
      json: 'application/feed+json; charset=utf-8',
    });
  });

  it('recognises only the three formats', () => {
    expect(['rss', 'atom', 'json', 'html', 'toString', '__proto__'].filter(isFeedFormat)).toEqual([
      'rss',
      'atom',
      'json',
    ]);
  });
});
