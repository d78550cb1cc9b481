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
  /**
   * The WebSub hub that feeds name as `rel="hub"` (Atom and RSS `atom:link`, JSON Feed `hubs`).
   * Absolute http(s). Left out when not given.
   */
  hubUrl?: string;
  /**
   * Where readers sign up for the newsletter by e-mail, linked from the index page: an absolute
   * http(s) or `mailto:` URL. Left out when not given.
   */
  subscribeUrl?: string;
}

/** The language used when {@link RenderContext.language} is not given. */
export const DEFAULT_LANGUAGE = 'en-GB';

/**
 * RFC 5005 links of one feed document, each an absolute http(s) URL for the format being
 * rendered (see `archiveFeedUrl`). Without them a document is a plain subscription document.
 */
export interface FeedArchiveLinks {
  /**
   * This document's own URL when it is an archive document. It then becomes the self link,
   * the document carries `fh:archive`, and `current` points at the subscription document.
   */
  archiveUrl?: string;
  /** The next older archive document (`prev-archive`; JSON Feed `next_url`). */
  prevArchiveUrl?: string;
  /** The next newer archive document (`next-archive`); only archive documents have one. */
  nextArchiveUrl?: string;
}

/** Per-document choices of a feed rendering that the {@link FeedDescriptor} does not fix. */
export interface FeedRenderOptions {
  /** RFC 5005 links; see {@link FeedArchiveLinks}. */
  archive?: FeedArchiveLinks;
}
