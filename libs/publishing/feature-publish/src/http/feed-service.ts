import {
  FEED_CONTENT_TYPES,
  archiveFeedUrl,
  renderFeed,
  renderIndexPage,
  type FeedArchiveLinks,
  type FeedFormat,
  type RenderContext,
} from '@bulletin/render';
import { NotFoundError } from '@bulletin/http';
import type { FeedIndex, StoryStore } from '@bulletin/store';
import { createFeedCatalog, type FeedCatalog, type PublishedTopic } from './feed-catalog.js';
import { FeedCache } from './feed-cache.js';
import { toFeedDocument, type FeedDocument } from './feed-document.js';

export interface FeedServiceOptions {
  store: Pick<StoryStore, 'getMany'>;
  index: Pick<FeedIndex, 'latest' | 'generation' | 'count' | 'sequenceRange'>;
  topics: readonly PublishedTopic[];
  render: RenderContext;
  /** Items per feed document, and per archive document. */
  feedSize: number;
  /** How long a burst of changes is gathered before re-rendering. @defaultValue 250 */
  coalesceMs?: number;
  onError?: (error: unknown, key: string) => void;
  /** Told of each document rendered (not served from the cache): `atom`, `rss`, `json`, `html`. */
  onRender?: (format: string) => void;
}

/** Feed documents, archives and the index page, rendered when their content changes. */
export interface FeedService {
  readonly catalog: FeedCatalog;
  /** The subscription document of a feed (`all` or `topics/{slug}`). @throws NotFoundError */
  get(feed: string, format: FeedFormat): Promise<FeedDocument>;
  /** The same, if it is rendered already. @throws NotFoundError */
  peek(feed: string, format: FeedFormat): FeedDocument | undefined;
  /** RFC 5005 archive page `page` (1 = oldest) of a feed. @throws NotFoundError past the last */
  archive(feed: string, format: FeedFormat, page: number): Promise<FeedDocument>;
  /** The site's home page. */
  indexPage(): Promise<FeedDocument>;
  /** The store announced that these feeds changed. */
  invalidate(feeds: readonly string[]): void;
  /** Announcements may have been missed (the channel reconnected). */
  invalidateAll(): void;
  close(): void;
}

/** Stories on the home page. */
const LATEST_ON_INDEX = 20;

/**
 * Serves documents rendered once per change: a request costs no Redis round trip while its
 * feed is unchanged. A subscription document holds the newest `feedSize` stories; older ones
 * are in archive pages of `feedSize` stories each, counted from the oldest by publication
 * order, so a page's URL and content stay put as new stories arrive. Rendering reads one
 * page's stories only, so its cost does not grow with the archive.
 */
export function createFeedService(options: FeedServiceOptions): FeedService {
  const { store, index, render, feedSize } = options;
  const catalog = createFeedCatalog(render.siteTitle, options.topics);
  /** Complete archive pages of a feed: the last partial page waits until it fills. */
  const pages = async (feed: string) => Math.floor((await index.count(feed)) / feedSize);
  const links = (
    feed: string,
    format: FeedFormat,
    page: number,
    last: number,
  ): FeedArchiveLinks => ({
    archiveUrl: archiveFeedUrl(render.baseUrl, feed, page, format),
    ...(page > 1 ? { prevArchiveUrl: archiveFeedUrl(render.baseUrl, feed, page - 1, format) } : {}),
    ...(page < last
      ? { nextArchiveUrl: archiveFeedUrl(render.baseUrl, feed, page + 1, format) }
      : {}),
  });
  async function renderKey(key: string): Promise<FeedDocument> {
    const [feed = '', kind = 'atom', pageText] = key.split('|');
    if (kind === 'index') {
      const latest = await store.getMany(await index.latest('all', LATEST_ON_INDEX));
      const feeds = catalog.keys().map((name) => catalog.descriptor(name));
      return toFeedDocument(
        renderIndexPage({ feeds, latest }, render),
        'text/html; charset=utf-8',
        latest,
        render.emptyUpdated,
      );
    }
    const format = kind as FeedFormat;
    const last = await pages(feed);
    if (pageText === undefined) {
      const stories = await store.getMany(await index.latest(feed, feedSize));
      const archive =
        last > 0
          ? { prevArchiveUrl: archiveFeedUrl(render.baseUrl, feed, last, format) }
          : undefined;
      const body = renderFeed(
        format,
        catalog.descriptor(feed),
        stories,
        render,
        archive ? { archive } : {},
      );
      return toFeedDocument(body, FEED_CONTENT_TYPES[format], stories, render.emptyUpdated);
    }
    const page = Number(pageText);
    if (page > last) throw new NotFoundError('no such archive page');
    const ids = await index.sequenceRange(feed, (page - 1) * feedSize, page * feedSize - 1);
    const stories = await store.getMany(ids.reverse());
    const body = renderFeed(format, catalog.descriptor(feed), stories, render, {
      archive: links(feed, format, page, last),
    });
    return toFeedDocument(body, FEED_CONTENT_TYPES[format], stories, render.emptyUpdated);
  }
  const cache = new FeedCache<FeedDocument>({
    render: async (key) => {
      const document = await renderKey(key);
      const kind = key.split('|')[1] ?? 'atom';
      options.onRender?.(kind === 'index' ? 'html' : kind);
      return document;
    },
    generation: (feed) => index.generation(feed),
    ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    catalog,
    get(feed, format) {
      catalog.descriptor(feed);
      return cache.get(`${feed}|${format}`);
    },
    peek(feed, format) {
      catalog.descriptor(feed);
      return cache.peek(`${feed}|${format}`);
    },
    archive(feed, format, page) {
      catalog.descriptor(feed);
      if (!Number.isSafeInteger(page) || page < 1) throw new NotFoundError('no such archive page');
      return cache.get(`${feed}|${format}|${page}`);
    },
    indexPage: () => cache.get('all|index'),
    invalidate: (feeds) => cache.invalidate(feeds),
    invalidateAll: () => cache.invalidateAll(),
    close: () => cache.clear(),
  };
}
