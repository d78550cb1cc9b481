/** The feed documents bulletin serves; also each feed URL's extension. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** Every format, in the order feeds are advertised. */
export const FEED_FORMATS: readonly FeedFormat[] = ['atom', 'rss', 'json'];

/** The `Content-Type` each format is served with. */
export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Which feed is being rendered. */
export interface FeedDescriptor {
  /** Path key without extension: `all` or `topics/child-protection`. */
  key: string;
  /** e.g. `bulletin: Child protection`. */
  title: string;
  description: string;
  /** Set for topic feeds; becomes the feed-level category. */
  category?: { slug: string; name: string };
}

/** Site-wide values every rendering needs, injected so the output is deterministic. */
export interface RenderContext {
  /**
   * Absolute base of every link, without a trailing slash, e.g. `http://localhost:3000`.
   * Feed URL = `{baseUrl}/feeds/{key}.{format}`, story URL = `{baseUrl}/stories/{id}`.
   */
  baseUrl: string;
  /** e.g. `bulletin`; the feeds' author and the pages' title suffix. */
  siteTitle: string;
  /** ISO 8601 instant used as a feed's updated time when it has no stories. */
  emptyUpdated: string;
  /**
   * BCP 47 language of feeds and error pages (story pages use the story's own).
   * @defaultValue `'en-GB'`
   */
  language?: string;
}

/** The language used when {@link RenderContext.language} is not given. */
export const DEFAULT_LANGUAGE = 'en-GB';
