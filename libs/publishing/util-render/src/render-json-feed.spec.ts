import { describe, expect, it } from 'vitest';
import { JSON_FEED_VERSION, renderJsonFeed, type JsonFeedDocument } from './render-json-feed.js';
import type { FeedDescriptor } from './render-types.js';
import {
  buildHostileStory,
  buildRenderContext,
  buildStory,
  HOSTILE_BASE_URL,
  HOSTILE_TEXT_CLEAN,
} from './testing.js';

const ctx = buildRenderContext();
const feed: FeedDescriptor = {
  key: 'topics/health',
  title: 'bulletin: Health',
  description: 'Health stories',
};

function parse(json: string): JsonFeedDocument {
  return JSON.parse(json) as JsonFeedDocument;
}

describe('renderJsonFeed', () => {
  it('writes a JSON Feed 1.1 top level', () => {
    const document = parse(renderJsonFeed(feed, [buildStory()], ctx));
    expect(document.version).toBe('https://jsonfeed.org/version/1.1');
    expect(JSON_FEED_VERSION).toBe('https://jsonfeed.org/version/1.1');
    expect(document).toMatchObject({
      title: 'bulletin: Health',
      home_page_url: 'http://localhost:3000/',
      feed_url: 'http://localhost:3000/feeds/topics/health.json',
      description: 'Health stories',
      language: 'en-GB',
      authors: [{ name: 'bulletin' }],
    });
    expect(document).not.toHaveProperty('author');
  });

  it('writes every item field from its story', () => {
    const [item] = parse(renderJsonFeed(feed, [buildStory()], ctx)).items;
    expect(item).toEqual({
      id: 'urn:bulletin:gov-uk:item-1',
      url: 'http://localhost:3000/stories/a1b2c3d4e5f6a7b8c9d0',
      external_url: 'https://www.gov.uk/news/family-hub',
      title: 'Council opens new family hub',
      content_html:
        '<figure><img src="https://assets.gov.uk/hub.jpg" alt="The new hub"><figcaption>The new hub · <span class="credit">Credit: Crown copyright</span></figcaption></figure>' +
        '<p>The hub opened today.</p><p>It serves three towns.</p>',
      summary: 'The hub opened today.',
      image: 'https://assets.gov.uk/hub.jpg',
      date_published: '2024-03-01T09:30:00.000Z',
      date_modified: '2024-03-01T10:15:00.000Z',
      authors: [{ name: 'Jo Smith' }],
      tags: ['Child protection'],
      language: 'en-GB',
    });
  });

  it('leaves out absent optional fields and never links a non-http image', () => {
    const story = buildStory({
      link: undefined,
      summary: '',
      byline: undefined,
      images: [{ href: 'ftp://x/y.jpg' }],
    });
    const [item] = parse(renderJsonFeed(feed, [story], ctx)).items;
    expect(item).not.toHaveProperty('external_url');
    expect(item).not.toHaveProperty('summary');
    expect(item).not.toHaveProperty('image');
    expect(item?.authors).toEqual([{ name: 'GOV.UK' }]);
  });

  it('round-trips hostile text exactly, minus the characters XML forbids', () => {
    const hostileCtx = buildRenderContext({ baseUrl: HOSTILE_BASE_URL });
    const json = renderJsonFeed(feed, [buildHostileStory()], hostileCtx);
    // JSON.stringify would write a forbidden character as a \u escape; none may appear.
    expect(json).not.toMatch(/\\u(000[0-8bcef]|001[0-9a-f]|fff[ef]|d[89a-f][0-9a-f]{2})/i);
    const [item] = parse(json).items;
    expect(item?.title).toBe(`Headline ${HOSTILE_TEXT_CLEAN}`);
    expect(item?.summary).toBe(`Summary ${HOSTILE_TEXT_CLEAN}`);
    expect(item?.tags).toEqual([`Topic ${HOSTILE_TEXT_CLEAN}`]);
    expect(item?.id).toBe('urn:bulletin:evil:%22%26%3C%3E%5D%5D%3E');
    expect(item?.url).toBe(`${HOSTILE_BASE_URL}/stories/a1b2c3d4e5f6a7b8c9d0`);
  });

  it('renders an empty feed with an empty items array', () => {
    expect(parse(renderJsonFeed(feed, [], ctx)).items).toEqual([]);
  });
});
