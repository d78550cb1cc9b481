import { describe, expect, it } from 'vitest';
import { assertJsonFeed, checkJsonFeed } from './check-json-feed.js';
import { JsonSpecError } from './json-rules.js';

const item = { id: '1', content_html: '<p>Hello</p>', url: 'https://example.org/1' };
const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'My Example Feed',
  home_page_url: 'https://example.org/',
  feed_url: 'https://example.org/feed.json',
  items: [item, { id: '2', content_text: 'Second' }],
};

describe('checkJsonFeed', () => {
  it('accepts the specification example', () => {
    expect(checkJsonFeed(feed)).toEqual([]);
    expect(() => assertJsonFeed(feed)).not.toThrow();
  });

  it('requires version 1.1, title and items', () => {
    expect(checkJsonFeed({})).toEqual([
      '$.version: is required',
      '$.title: is required',
      '$.items: is required',
    ]);
    expect(checkJsonFeed({ ...feed, version: 'https://jsonfeed.org/version/1' })).toHaveLength(1);
  });

  it('requires an id and some content on each item', () => {
    expect(checkJsonFeed({ ...feed, items: [{ content_text: 'x' }] })).toEqual([
      '$.items[0].id: is required',
    ]);
    expect(checkJsonFeed({ ...feed, items: [{ id: '1' }] })).toEqual([
      '$.items[0]: an item needs content_html or content_text',
    ]);
  });

  it('checks URLs, dates, authors, tags and hubs', () => {
    const bad = {
      ...item,
      url: '/relative',
      date_published: '1 March 2024',
      authors: [{}],
      tags: ['ok', 3],
    };
    expect(checkJsonFeed({ ...feed, items: [bad], hubs: [{ type: 'WebSub' }] })).toEqual([
      '$.items[0].url: is not an absolute URI',
      '$.items[0].date_published: is not an RFC 3339 date-time',
      '$.items[0].authors[0]: an author needs at least one of name, url and avatar',
      '$.items[0].tags[1]: is not a string',
      '$.hubs[0].url: is required',
    ]);
  });

  it('allows _extensions but reports other unknown keys, such as the 1.0 author', () => {
    expect(checkJsonFeed({ ...feed, _bulletin: { x: 1 } })).toEqual([]);
    expect(checkJsonFeed({ ...feed, author: { name: 'a' } })).toEqual([
      '$.author: is not a property the specification defines',
    ]);
  });

  it('refuses a next_url that loops back to the feed', () => {
    expect(checkJsonFeed({ ...feed, next_url: feed.feed_url })).toEqual([
      '$: next_url must not be the feed_url, or readers loop',
    ]);
  });

  it('throws JsonSpecError naming the faults', () => {
    expect(() => assertJsonFeed({ ...feed, expired: 'no' })).toThrow(JsonSpecError);
    expect(() => assertJsonFeed({ ...feed, expired: 'no' })).toThrow('$.expired: is not a boolean');
  });
});
