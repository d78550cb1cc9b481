// Feed-level links: self, WebSub hub and RFC 5005 archives, in all three formats.
import { describe, expect, it } from 'vitest';
import type { JsonFeedDocument } from './render-json-feed.js';
import { renderFeed } from './render-feed.js';
import type { FeedArchiveLinks, FeedDescriptor, FeedFormat } from './render-types.js';
import { assertWellFormedXml, buildRenderContext, buildStory } from './testing.js';

const base = 'https://news.example.org';
const ctx = buildRenderContext({ baseUrl: base });
const hubbed = buildRenderContext({ baseUrl: base, hubUrl: 'https://hub.example.org/' });
const feed: FeedDescriptor = {
  key: 'topics/health',
  title: 'bulletin: Health',
  description: 'Health',
  category: { slug: 'health', name: 'Health' },
};
const stories = [buildStory()];

function archiveLinks(format: FeedFormat, page: number): FeedArchiveLinks {
  const url = (n: number): string => `${base}/feeds/topics/health/archive/${n}.${format}`;
  return { archiveUrl: url(page), prevArchiveUrl: url(page - 1), nextArchiveUrl: url(page + 1) };
}

function json(output: string): JsonFeedDocument {
  return JSON.parse(output) as JsonFeedDocument;
}

describe('self and hub links', () => {
  it('name the public URL as self in every format', () => {
    expect(renderFeed('rss', feed, stories, ctx)).toContain(
      `<atom:link href="${base}/feeds/topics/health.rss" rel="self" type="application/rss+xml"/>`,
    );
    expect(renderFeed('atom', feed, stories, ctx)).toContain(
      `<link rel="self" href="${base}/feeds/topics/health.atom"/>`,
    );
    expect(json(renderFeed('json', feed, stories, ctx)).feed_url).toBe(
      `${base}/feeds/topics/health.json`,
    );
  });

  it('name the WebSub hub only when the context gives one', () => {
    expect(renderFeed('rss', feed, stories, hubbed)).toContain(
      '<atom:link href="https://hub.example.org/" rel="hub"/>',
    );
    expect(renderFeed('atom', feed, stories, hubbed)).toContain(
      '<link rel="hub" href="https://hub.example.org/"/>',
    );
    expect(json(renderFeed('json', feed, stories, hubbed)).hubs).toEqual([
      { type: 'WebSub', url: 'https://hub.example.org/' },
    ]);
    expect(renderFeed('rss', feed, stories, ctx)).not.toContain('rel="hub"');
    expect(renderFeed('atom', feed, stories, ctx)).not.toContain('rel="hub"');
    expect(json(renderFeed('json', feed, stories, ctx))).not.toHaveProperty('hubs');
  });

  it('refuse a relative hub URL', () => {
    const bad = buildRenderContext({ baseUrl: base, hubUrl: '/hub' });
    expect(() => renderFeed('atom', feed, stories, bad)).toThrow(/hubUrl/);
  });
});

describe('RFC 5005 archives', () => {
  it('give a subscription document a prev-archive link to the newest archive', () => {
    const prev = (format: FeedFormat) => ({
      archive: { prevArchiveUrl: `${base}/feeds/topics/health/archive/7.${format}` },
    });
    const rss = renderFeed('rss', feed, stories, ctx, prev('rss'));
    expect(rss).toContain(
      `<atom:link href="${base}/feeds/topics/health/archive/7.rss" rel="prev-archive" type="application/rss+xml"/>`,
    );
    const atom = renderFeed('atom', feed, stories, ctx, prev('atom'));
    expect(atom).toContain(
      `<link rel="prev-archive" type="application/atom+xml" href="${base}/feeds/topics/health/archive/7.atom"/>`,
    );
    for (const xml of [rss, atom]) {
      assertWellFormedXml(xml);
      expect(xml).not.toMatch(/fh:archive|rel="current"|next-archive/);
    }
    expect(json(renderFeed('json', feed, stories, ctx, prev('json'))).next_url).toBe(
      `${base}/feeds/topics/health/archive/7.json`,
    );
  });

  it('mark an archive document with fh:archive, self, current and both neighbours (RSS)', () => {
    const rss = renderFeed('rss', feed, stories, ctx, { archive: archiveLinks('rss', 3) });
    assertWellFormedXml(rss);
    expect(rss).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    const links = [...rss.matchAll(/<atom:link href="([^"]+)" rel="([^"]+)"/g)].map((m) => [
      m[2],
      m[1],
    ]);
    expect(links).toEqual([
      ['self', `${base}/feeds/topics/health/archive/3.rss`],
      ['current', `${base}/feeds/topics/health.rss`],
      ['prev-archive', `${base}/feeds/topics/health/archive/2.rss`],
      ['next-archive', `${base}/feeds/topics/health/archive/4.rss`],
    ]);
    // A channel element, among the metadata before the first item.
    expect(rss).toMatch(/<fh:archive\/>\n\s*<item>/);
  });

  it('mark an archive document with fh:archive, self, current and both neighbours (Atom)', () => {
    const atom = renderFeed('atom', feed, stories, ctx, { archive: archiveLinks('atom', 3) });
    assertWellFormedXml(atom);
    expect(atom).toContain(
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0">',
    );
    const links = [...atom.matchAll(/<link rel="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(links.slice(0, 5)).toEqual([
      ['alternate', `${base}/`],
      ['self', `${base}/feeds/topics/health/archive/3.atom`],
      ['current', `${base}/feeds/topics/health.atom`],
      ['prev-archive', `${base}/feeds/topics/health/archive/2.atom`],
      ['next-archive', `${base}/feeds/topics/health/archive/4.atom`],
    ]);
    // The archive is part of the same logical feed, so it keeps the feed's id.
    expect(atom).toContain(`<id>${base}/feeds/topics/health.atom</id>`);
    // fh:archive is feed metadata, so it must come before the first entry.
    expect(atom.indexOf('<fh:archive/>')).toBeGreaterThan(0);
    expect(atom.indexOf('<fh:archive/>')).toBeLessThan(atom.indexOf('<entry>'));
  });

  it('point a JSON Feed archive page at the older page and itself', () => {
    const document = json(
      renderFeed('json', feed, stories, ctx, { archive: archiveLinks('json', 3) }),
    );
    expect(document.feed_url).toBe(`${base}/feeds/topics/health/archive/3.json`);
    expect(document.next_url).toBe(`${base}/feeds/topics/health/archive/2.json`);
  });

  it('render the same archive to the same bytes', () => {
    const options = { archive: archiveLinks('atom', 3) };
    expect(renderFeed('atom', feed, stories, ctx, options)).toBe(
      renderFeed('atom', feed, structuredClone(stories), { ...ctx }, structuredClone(options)),
    );
  });

  it('escape archive URLs like every other value', () => {
    const archive = { prevArchiveUrl: `${base}/a?x=1&y="2"` };
    const rss = renderFeed('rss', feed, stories, ctx, { archive });
    assertWellFormedXml(rss);
    expect(rss).toContain('href="https://news.example.org/a?x=1&amp;y=&quot;2&quot;"');
  });

  it('refuse relative archive URLs and a next-archive link on a subscription document', () => {
    expect(() =>
      renderFeed('rss', feed, stories, ctx, { archive: { prevArchiveUrl: '/archive/1.rss' } }),
    ).toThrow(expect.objectContaining({ code: 'RENDER_INVALID_URL' }));
    expect(() =>
      renderFeed('atom', feed, stories, ctx, { archive: { nextArchiveUrl: `${base}/a/2.atom` } }),
    ).toThrow(expect.objectContaining({ code: 'RENDER_INVALID_INPUT' }));
  });
});
