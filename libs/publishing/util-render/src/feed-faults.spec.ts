// Each known fault of `feed` 5.2.1, shown on `feed` itself (so an upgrade that fixes or changes
// one makes its test fail and the guard can be reviewed), then shown unable to reach our output.
import { Feed, type Item } from 'feed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAtom } from './render-atom.js';
import { RenderError } from './render-error.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';
import type { FeedDescriptor } from './render-types.js';
import { assertWellFormedXml, buildRenderContext, buildStory } from './testing.js';

const feed: FeedDescriptor = { key: 'all', title: 'bulletin', description: 'Every story' };
const ctx = buildRenderContext();
const EPOCH = new Date('2024-01-01T00:00:00Z');

function rawFeed(item: Partial<Item> = {}, options: { clock?: boolean } = {}): Feed {
  const updated = options.clock ? undefined : EPOCH;
  const raw = new Feed({
    id: 'http://x.example/',
    title: 'raw',
    updated,
    feed: 'http://x.example/f',
  });
  raw.addItem({ title: 't', link: 'http://x.example/a', date: EPOCH, ...item });
  return raw;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('feed 5.2.1 faults and their guards', () => {
  it('a second "]]>" ends feed\'s CDATA early; ours stays well-formed and exact', () => {
    const twice = 'a ]]> b ]]> c';
    expect(() => assertWellFormedXml(rawFeed({ content: twice }).rss2())).toThrow();
    const story = buildStory({ headline: twice, summary: twice, bodyHtml: `<p>${twice}</p>` });
    for (const xml of [renderRss(feed, [story], ctx), renderAtom(feed, [story], ctx)]) {
      assertWellFormedXml(xml);
      expect(xml).not.toContain('<![CDATA[');
      expect(xml).toContain('a ]]&gt; b ]]&gt; c');
    }
  });

  it('control characters pass through feed; ours drops them', () => {
    expect(() => assertWellFormedXml(rawFeed({ title: 'a\u0000\u001Bb' }).rss2())).toThrow();
    const story = buildStory({ headline: 'a\u0000\u001Bb', byline: '\u0008Jo' });
    for (const xml of [renderRss(feed, [story], ctx), renderAtom(feed, [story], ctx)]) {
      assertWellFormedXml(xml);
      expect(xml).toContain('>ab<');
    }
  });

  it('feed leaves category domain and scheme unescaped; ours escapes them', () => {
    const category = [{ name: 'n', domain: 'http://x/?a=1&b=<2>', scheme: 'http://x/?a&b' }];
    expect(() => assertWellFormedXml(rawFeed({ category }).rss2())).toThrow();
    expect(() => assertWellFormedXml(rawFeed({ category }).atom1())).toThrow();
    const hostile = buildRenderContext({ baseUrl: 'http://x.example/?a=1&b=<2>' });
    const rss = renderRss(feed, [buildStory()], hostile);
    const atom = renderAtom(feed, [buildStory()], hostile);
    assertWellFormedXml(rss);
    assertWellFormedXml(atom);
    expect(rss).toContain('domain="http://x.example/?a=1&amp;b=&lt;2&gt;/feeds/topics"');
    expect(atom).toContain('scheme="http://x.example/?a=1&amp;b=&lt;2&gt;/feeds/topics"');
  });

  it('feed leaves enclosure titles unescaped; ours writes no enclosures at all', () => {
    const enclosure = { url: 'http://x.example/a.jpg', title: 'a & <b>' };
    expect(() => assertWellFormedXml(rawFeed({ enclosure }).rss2())).toThrow();
    const story = buildStory({
      images: [{ href: 'https://i.example/a.jpg', caption: 'a & <b>', credit: '"c"' }],
    });
    const rss = renderRss(feed, [story], ctx);
    const atom = renderAtom(feed, [story], ctx);
    expect(rss).not.toContain('<enclosure');
    expect(atom).not.toContain('rel="enclosure"');
    assertWellFormedXml(rss);
    expect(rss).toContain('<media:description type="plain">a &amp; &lt;b&gt;</media:description>');
    expect(rss).toContain('<media:credit>&quot;c&quot;</media:credit>');
  });

  it('feed throws on a relative image URL; ours leaves such an image out', () => {
    expect(() => rawFeed({ image: '/a.jpg' }).rss2()).toThrow(TypeError);
    const story = buildStory({ images: [{ href: '/a.jpg' as string, caption: 'c' }] });
    expect(renderRss(feed, [story], ctx)).not.toContain('media:content');
    expect(renderAtom(feed, [story], ctx)).not.toContain('figure');
  });

  it('a relative base URL would make relative feed links; ours refuses it by name', () => {
    for (const baseUrl of ['', '/news', 'localhost:3000']) {
      const relative = buildRenderContext({ baseUrl });
      for (const render of [renderRss, renderAtom, renderJsonFeed]) {
        expect(() => render(feed, [], relative)).toThrow(
          expect.objectContaining({ code: 'RENDER_INVALID_URL' }),
        );
      }
    }
  });

  it('feed throws a bare RangeError on an invalid date (or writes "Invalid Date"); ours a RenderError naming it', () => {
    expect(() => rawFeed({ date: new Date('x') }).atom1()).toThrow(RangeError);
    expect(rawFeed({ published: new Date('x') }).rss2()).toContain(
      '<pubDate>Invalid Date</pubDate>',
    );
    const story = buildStory({ versioncreated: 'not a date' });
    expect(() => renderAtom(feed, [story], ctx)).toThrow(RenderError);
    expect(() => renderAtom(feed, [story], ctx)).toThrow(`story ${story.id} versioncreated`);
  });

  it('feed writes Atom entries without an author; ours always names one', () => {
    expect(rawFeed().atom1()).not.toContain('<author>');
    const anonymous = buildStory({ byline: undefined });
    expect(renderAtom(feed, [anonymous], ctx)).toMatch(
      /<entry>[\s\S]*<author>\s*<name>GOV\.UK<\/name>\s*<\/author>[\s\S]*<\/entry>/,
    );
  });

  it('feed writes JSON Feed 1.0; ours is 1.1', () => {
    const raw = JSON.parse(rawFeed({ author: [{ name: 'a' }] }).json1()) as Record<string, unknown>;
    expect(raw.version).toBe('https://jsonfeed.org/version/1');
    const ours = JSON.parse(renderJsonFeed(feed, [buildStory()], ctx)) as Record<string, unknown>;
    expect(ours.version).toBe('https://jsonfeed.org/version/1.1');
    expect(ours).toHaveProperty('authors');
    expect(ours).not.toHaveProperty('author');
  });

  it('feed dates a feed by the clock when not told; ours never reads the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    expect(rawFeed({}, { clock: true }).rss2()).toContain('Sun, 15 Jun 2031 12:34:56 GMT');
    expect(rawFeed({}, { clock: true }).atom1()).toContain('2031-06-15T12:34:56');
    for (const xml of [renderRss(feed, [], ctx), renderAtom(feed, [], ctx)]) {
      expect(xml).not.toContain('2031');
    }
  });
});
