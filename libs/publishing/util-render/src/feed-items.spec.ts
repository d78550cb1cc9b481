// What each item carries, in all three formats: ids, links, times, categories, credits.
import { describe, expect, it } from 'vitest';
import type { JsonFeedDocument } from './render-json-feed.js';
import { renderFeed } from './render-feed.js';
import type { FeedDescriptor } from './render-types.js';
import { assertWellFormedXml, buildRenderContext, buildStory } from './testing.js';

const ctx = buildRenderContext({ baseUrl: 'https://news.example.org' });
const feed: FeedDescriptor = { key: 'all', title: 'bulletin', description: 'Every story' };
const pictured = buildStory({
  images: [
    {
      href: 'https://assets.example/hub.jpg',
      caption: 'The new hub',
      credit: 'c. Lynne Cameron/PA Wire',
    },
    { href: 'https://assets.example/b.jpg' },
  ],
});

function json(stories = [pictured], context = ctx): JsonFeedDocument {
  return JSON.parse(renderFeed('json', feed, stories, context)) as JsonFeedDocument;
}

describe('feed items', () => {
  it('carry image credits and captions as media:content in RSS', () => {
    const rss = renderFeed('rss', feed, [pictured], ctx);
    assertWellFormedXml(rss);
    expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(rss).toMatch(
      /<media:content url="https:\/\/assets\.example\/hub\.jpg" medium="image">\s*<media:description type="plain">The new hub<\/media:description>\s*<media:credit>c\. Lynne Cameron\/PA Wire<\/media:credit>\s*<\/media:content>/,
    );
    expect(rss).toContain('<media:content url="https://assets.example/b.jpg" medium="image"/>');
  });

  it('keep the credit of a picture the wire sent without an address, in every format', () => {
    // Scraped copy such as the example story keeps the credit line but not the image.
    const credited = buildStory({ images: [{ credit: 'c. Lynne Cameron/PA Wire' }] });
    const rss = renderFeed('rss', feed, [credited], ctx);
    assertWellFormedXml(rss);
    expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(rss).toContain('<media:credit>c. Lynne Cameron/PA Wire</media:credit>');
    expect(rss).not.toContain('<media:content');
    const paragraph =
      '<p class="picture-credit">Picture: <span class="credit">Credit: c. Lynne Cameron/PA Wire</span></p>';
    expect(json([credited]).items[0]?.content_html).toContain(paragraph);
    expect(renderFeed('atom', feed, [credited], ctx)).toContain(
      '&lt;p class=&quot;picture-credit&quot;&gt;Picture:',
    );
  });

  it('carry image credits and captions in the HTML content of every format', () => {
    const credit = 'Credit: c. Lynne Cameron/PA Wire';
    expect(renderFeed('rss', feed, [pictured], ctx)).toContain(
      `&lt;span class=&quot;credit&quot;&gt;${credit}`,
    );
    expect(renderFeed('atom', feed, [pictured], ctx)).toContain(
      `&lt;span class=&quot;credit&quot;&gt;${credit}`,
    );
    expect(json().items[0]?.content_html).toMatch(
      /^<figure><img src="https:\/\/assets\.example\/hub\.jpg" alt="The new hub"><figcaption>The new hub · <span class="credit">Credit: c\. Lynne Cameron\/PA Wire<\/span>/,
    );
  });

  it('declare no media namespace when no story has an image', () => {
    const rss = renderFeed('rss', feed, [buildStory({ images: [] })], ctx);
    expect(rss).not.toMatch(/xmlns:media|<media:/);
  });

  it('carry each topic and its IPTC Media Topic code with the IPTC scheme', () => {
    const rss = renderFeed('rss', feed, [pictured], ctx);
    expect(rss).toContain(
      '<category domain="http://cv.iptc.org/newscodes/mediatopic/">20000612</category>',
    );
    expect(rss).toContain(
      '<category domain="https://news.example.org/feeds/topics">Child protection</category>',
    );
    expect(renderFeed('atom', feed, [pictured], ctx)).toContain(
      '<category label="Child protection" scheme="http://cv.iptc.org/newscodes/mediatopic/" term="20000612"/>',
    );
  });

  it('leave out a code that is not a Media Topic QCode', () => {
    const odd = buildStory({
      subjects: [{ slug: 'x', name: 'X', codes: ['subj:123'], confidence: 1, matched: [] }],
    });
    expect(renderFeed('rss', feed, [odd], ctx)).not.toContain('mediatopic');
  });

  it('keep the story URI as the id and link the story page, across versions', () => {
    const first = buildStory({ version: 1 });
    const corrected = buildStory({ version: 2, versioncreated: '2024-03-02T08:00:00Z' });
    for (const format of ['rss', 'atom'] as const) {
      const before = renderFeed(format, feed, [first], ctx);
      const after = renderFeed(format, feed, [corrected], ctx);
      for (const xml of [before, after]) {
        expect(xml).toMatch(/>urn:bulletin:gov-uk:item-1</);
        expect(xml).toContain('https://news.example.org/stories/a1b2c3d4e5f6a7b8c9d0');
      }
      expect(after).toContain('2024-03-02T08:00:00.000Z');
    }
    expect(json([corrected]).items[0]).toMatchObject({
      id: 'urn:bulletin:gov-uk:item-1',
      date_modified: '2024-03-02T08:00:00.000Z',
    });
  });

  it('state published and updated times in UTC in every format', () => {
    const story = buildStory({
      firstcreated: '2024-03-01T09:30:00+01:00',
      versioncreated: '2024-03-01T12:00:00-05:00',
    });
    const rss = renderFeed('rss', feed, [story], ctx);
    expect(rss).toContain('<pubDate>Fri, 01 Mar 2024 08:30:00 GMT</pubDate>');
    expect(rss).toContain('<atom:updated>2024-03-01T17:00:00.000Z</atom:updated>');
    const atom = renderFeed('atom', feed, [story], ctx);
    expect(atom).toContain('<published>2024-03-01T08:30:00.000Z</published>');
    expect(atom).toContain('<updated>2024-03-01T17:00:00.000Z</updated>');
    expect(json([story]).items[0]).toMatchObject({
      date_published: '2024-03-01T08:30:00.000Z',
      date_modified: '2024-03-01T17:00:00.000Z',
    });
  });

  it('date a date-only story at the start of its day in Europe/London', () => {
    const story = buildStory({
      dateOnly: true,
      firstcreated: '2024-06-01T00:00:00+01:00',
      versioncreated: '2024-06-01T00:00:00+01:00',
    });
    expect(renderFeed('rss', feed, [story], ctx)).toContain(
      '<pubDate>Fri, 31 May 2024 23:00:00 GMT</pubDate>',
    );
    expect(renderFeed('atom', feed, [story], ctx)).toContain(
      '<published>2024-05-31T23:00:00.000Z</published>',
    );
    expect(json([story]).items[0]?.date_published).toBe('2024-05-31T23:00:00.000Z');
  });

  it('leave withheld and killed stories out of every format', () => {
    const withheld = buildStory({ id: 'w'.repeat(20), uri: 'urn:w:1', pubstatus: 'withheld' });
    const killed = buildStory({ id: 'k'.repeat(20), uri: 'urn:k:1', pubstatus: 'canceled' });
    const stories = [pictured, withheld, killed];
    for (const format of ['rss', 'atom'] as const) {
      const xml = renderFeed(format, feed, stories, ctx);
      expect(xml).not.toMatch(/urn:w:1|urn:k:1/);
    }
    expect(json(stories).items.map((item) => item.id)).toEqual(['urn:bulletin:gov-uk:item-1']);
  });

  it('date the feed by the newest usable story only', () => {
    const killedLater = buildStory({
      uri: 'urn:k:1',
      pubstatus: 'canceled',
      versioncreated: '2030-01-01T00:00:00Z',
    });
    expect(renderFeed('atom', feed, [pictured, killedLater], ctx)).not.toContain('2030');
  });
});
