import {
  FEED_CONTENT_TYPES,
  renderFeed,
  type FeedFormat,
  type RenderContext,
} from '@bulletin/render';
import type { FeedIndex, StoryStore } from '@bulletin/store';
import { createFeedCatalog, type FeedCatalog, type PublishedTopic } from './feed-catalog.js';
import { FeedCache } from './feed-cache.js';
import { toFeedDocument, type FeedDocument } from './feed-document.js';

export interface FeedServiceOptions {
  store: Pick<StoryStore, 'getMany'>;
  index: Pick<FeedIndex, 'latest' | 'generation'>;
  topics: readonly PublishedTopic[];
  render: RenderContext;
  /** Items per feed document. */
  feedSize: number;
  /** How long a burst of changes is gathered before re-rendering. @defaultValue 250 */
  coalesceMs?: number;
  onError?: (error: unknown, key: string) => void;
}

/** Feed documents, rendered when their content changes and served from memory. */
export interface FeedService {
  readonly catalog: FeedCatalog;
  /** `feed` is `all` or `topics/{slug}`. @throws NotFoundError */
  get(feed: string, format: FeedFormat): Promise<FeedDocument>;
  /** The store announced that these feeds changed. */
  invalidate(feeds: readonly string[]): void;
  /** Announcements may have been missed (the channel reconnected). */
  invalidateAll(): void;
  close(): void;
}

/**
 * Serves feeds from documents rendered once per change: a request costs no Redis round trip
 * while its feed is unchanged. Re-rendering reads the newest `feedSize` stories only, so its
 * cost does not grow with the archive.
 */
export function createFeedService(options: FeedServiceOptions): FeedService {
  const catalog = createFeedCatalog(options.render.siteTitle, options.topics);
  const cache = new FeedCache<FeedDocument>({
    async render(key) {
      const [feed = '', format = 'atom'] = key.split('|') as [string, FeedFormat];
      const stories = await options.store.getMany(
        await options.index.latest(feed, options.feedSize),
      );
      const body = renderFeed(format, catalog.descriptor(feed), stories, options.render);
      return toFeedDocument(body, FEED_CONTENT_TYPES[format], stories, options.render.emptyUpdated);
    },
    generation: (feed) => options.index.generation(feed),
    ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    catalog,
    get(feed, format) {
      catalog.descriptor(feed);
      return cache.get(`${feed}|${format}`);
    },
    invalidate: (feeds) => cache.invalidate(feeds),
    invalidateAll: () => cache.invalidateAll(),
    close: () => cache.clear(),
  };
}
