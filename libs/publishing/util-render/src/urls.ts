import type { FeedFormat } from './render-types.js';

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * The story's own page on our site. The id is percent-encoded, so no id can leave the path.
 * @example storyUrl('http://localhost:3000', 'abc') // 'http://localhost:3000/stories/abc'
 */
export function storyUrl(baseUrl: string, id: string): string {
  return `${trimBase(baseUrl)}/stories/${encodeURIComponent(id)}`;
}

/**
 * A feed document's URL. Each `/`-separated segment of the key is percent-encoded.
 * @example feedUrl('http://x', 'topics/health', 'atom') // 'http://x/feeds/topics/health.atom'
 */
export function feedUrl(baseUrl: string, key: string, format: FeedFormat): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  return `${trimBase(baseUrl)}/feeds/${path}.${format}`;
}

/** The path key of a topic's feed: `topics/{slug}`. */
export function topicFeedKey(slug: string): string {
  return `topics/${slug}`;
}

/** Scheme (Atom) and domain (RSS) of topic categories: the folder the topic feeds live in. */
export function topicSchemeUrl(baseUrl: string): string {
  return `${trimBase(baseUrl)}/feeds/topics`;
}

/** The site's home page, which feeds name as their alternate link. */
export function homeUrl(baseUrl: string): string {
  return `${trimBase(baseUrl)}/`;
}

/**
 * A topic feed's URL; the slug is encoded as one segment.
 * @example topicFeedUrl('http://x', 'health', 'atom') // 'http://x/feeds/topics/health.atom'
 */
export function topicFeedUrl(baseUrl: string, slug: string, format: FeedFormat): string {
  return `${trimBase(baseUrl)}/feeds/topics/${encodeURIComponent(slug)}.${format}`;
}
