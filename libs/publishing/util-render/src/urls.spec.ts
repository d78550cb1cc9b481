import { describe, expect, it } from 'vitest';
import {
  archiveFeedUrl,
  feedUrl,
  homeUrl,
  ninjsUrl,
  opmlUrl,
  storiesApiUrl,
  storyUrl,
  topicFeedKey,
  topicFeedUrl,
  topicSchemeUrl,
} from './urls.js';

describe('storyUrl', () => {
  it('joins the base and the id', () => {
    expect(storyUrl('http://localhost:3000', 'abc123')).toBe(
      'http://localhost:3000/stories/abc123',
    );
  });

  it('tolerates a trailing slash on the base', () => {
    expect(storyUrl('https://news.example/', 'abc')).toBe('https://news.example/stories/abc');
  });

  it('percent-encodes the id so it cannot leave its path segment', () => {
    expect(storyUrl('http://x', '../"a b?&#')).toBe('http://x/stories/..%2F%22a%20b%3F%26%23');
  });
});

describe('feedUrl', () => {
  it('builds /feeds/{key}.{format}', () => {
    expect(feedUrl('http://x', 'all', 'rss')).toBe('http://x/feeds/all.rss');
    expect(feedUrl('http://x/', topicFeedKey('child-protection'), 'atom')).toBe(
      'http://x/feeds/topics/child-protection.atom',
    );
  });

  it('encodes each key segment but keeps the slashes between them', () => {
    expect(feedUrl('http://x', `topics/a"&<'b`, 'json')).toBe(
      "http://x/feeds/topics/a%22%26%3C'b.json",
    );
  });
});

describe('topic urls', () => {
  it('encodes a slug as a single segment', () => {
    expect(topicFeedUrl('http://x', 'a/b"', 'atom')).toBe('http://x/feeds/topics/a%2Fb%22.atom');
  });

  it('derives the category scheme and the home page from the base', () => {
    expect(topicSchemeUrl('http://x/')).toBe('http://x/feeds/topics');
    expect(homeUrl('http://x')).toBe('http://x/');
  });
});

describe('archiveFeedUrl', () => {
  it('puts archive pages under the feed key, one segment each', () => {
    expect(archiveFeedUrl('http://x/', 'topics/health', 3, 'atom')).toBe(
      'http://x/feeds/topics/health/archive/3.atom',
    );
    expect(archiveFeedUrl('http://x', 'all', 'a/b', 'rss')).toBe(
      'http://x/feeds/all/archive/a%2Fb.rss',
    );
  });
});

describe('ninjsUrl and opmlUrl', () => {
  it('name the story document and the feed list', () => {
    expect(ninjsUrl('http://x/', 'a b')).toBe('http://x/stories/a%20b.json');
    expect(opmlUrl('http://x/')).toBe('http://x/feeds.opml');
  });
});

describe('storiesApiUrl', () => {
  it('writes set parameters in a fixed order, encoded', () => {
    expect(storiesApiUrl('http://x', {})).toBe('http://x/api/stories');
    expect(
      storiesApiUrl('http://x/', {
        cursor: 'c&d=1',
        limit: 20,
        since: '2024-03-01T00:00:00+01:00',
        topic: 'health',
      }),
    ).toBe(
      'http://x/api/stories?topic=health&since=2024-03-01T00%3A00%3A00%2B01%3A00&limit=20&cursor=c%26d%3D1',
    );
  });
});
