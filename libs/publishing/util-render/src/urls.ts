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

/**
 * An RFC 5005 archive document's URL: `{baseUrl}/feeds/{key}/archive/{page}.{format}`. Give a
 * page a stable name (a number counting up from the oldest), so its URL never changes.
 * @example archiveFeedUrl('http://x', 'topics/health', 3, 'atom') // 'http://x/feeds/topics/health/archive/3.atom'
 */
export function archiveFeedUrl(
  baseUrl: string,
  key: string,
  page: number | string,
  format: FeedFormat,
): string {
  const path = [...key.split('/'), 'archive', String(page)].map(encodeURIComponent).join('/');
  return `${trimBase(baseUrl)}/feeds/${path}.${format}`;
}

/**
 * A story's ninjs document.
 * @example ninjsUrl('http://x', 'abc') // 'http://x/stories/abc.json'
 */
export function ninjsUrl(baseUrl: string, id: string): string {
  return `${storyUrl(baseUrl, id)}.json`;
}

/** The OPML list of every feed: `{baseUrl}/feeds.opml`. */
export function opmlUrl(baseUrl: string): string {
  return `${trimBase(baseUrl)}/feeds.opml`;
}

/** The filters of `GET /api/stories`, in the order its URLs name them. */
export interface StoryListQuery {
  /** A topic slug. */
  topic?: string;
  /** An ISO 8601 instant, passed on as given. */
  since?: string;
  limit?: number;
  cursor?: string;
}

/**
 * A `GET /api/stories` URL; parameters that are not set are left out, the rest percent-encoded.
 * @example storiesApiUrl('http://x', { topic: 'health', limit: 20 }) // 'http://x/api/stories?topic=health&limit=20'
 */
export function storiesApiUrl(baseUrl: string, query: StoryListQuery): string {
  const params = new URLSearchParams();
  if (query.topic !== undefined) params.set('topic', query.topic);
  if (query.since !== undefined) params.set('since', query.since);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  const search = params.toString();
  return `${trimBase(baseUrl)}/api/stories${search === '' ? '' : `?${search}`}`;
}
