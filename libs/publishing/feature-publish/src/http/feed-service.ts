import { createHash } from 'node:crypto';
import {
  FEED_CONTENT_TYPES,
  renderFeed,
  type FeedDescriptor,
  type FeedFormat,
  type RenderContext,
} from '@bulletin/render';
import type { FeedIndex, StoryStore } from '@bulletin/store';
import { NotFoundError } from '@bulletin/http';

/** A topic as the publisher shows it. */
export interface PublishedTopic {
  slug: string;
  name: string;
  description?: string;
}

export interface RenderedFeed {
  body: string;
  contentType: string;
  /** Strong validator derived from the bytes, for conditional GET. */
  etag: string;
}

export interface FeedServiceOptions {
  store: Pick<StoryStore, 'getMany'>;
  index: Pick<FeedIndex, 'latest' | 'generation'>;
  topics: readonly PublishedTopic[];
  render: RenderContext;
  /** Items per feed document. */
  feedSize: number;
}

export interface FeedService {
  /** `feed` is `all` or a topic slug prefixed with `topics/`. @throws NotFoundError */
  get(feed: string, format: FeedFormat): Promise<RenderedFeed>;
  descriptor(feed: string): FeedDescriptor;
}

function describeFeeds(options: FeedServiceOptions): Map<string, FeedDescriptor> {
  const site = options.render.siteTitle;
  const feeds = new Map<string, FeedDescriptor>();
  feeds.set('all', {
    key: 'all',
    title: `${site}: all stories`,
    description: `Every story ${site} publishes, newest first.`,
  });
  for (const topic of options.topics) {
    feeds.set(`topics/${topic.slug}`, {
      key: `topics/${topic.slug}`,
      title: `${site}: ${topic.name}`,
      description: topic.description ?? `Stories about ${topic.name.toLowerCase()}, newest first.`,
      category: { slug: topic.slug, name: topic.name },
    });
  }
  return feeds;
}

/**
 * Serves feeds rendered at most once per feed generation: a request costs one Redis round trip
 * (the generation) when nothing changed, and concurrent requests share one render.
 */
export function createFeedService(options: FeedServiceOptions): FeedService {
  const feeds = describeFeeds(options);
  const cache = new Map<string, { generation: number; feed: Promise<RenderedFeed> }>();

  async function render(descriptor: FeedDescriptor, format: FeedFormat): Promise<RenderedFeed> {
    const ids = await options.index.latest(descriptor.key, options.feedSize);
    const stories = await options.store.getMany(ids);
    const body = renderFeed(format, descriptor, stories, options.render);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    return { body, etag, contentType: FEED_CONTENT_TYPES[format] };
  }

  const descriptor = (feed: string): FeedDescriptor => {
    const found = feeds.get(feed);
    if (!found)
      throw new NotFoundError(feed.startsWith('topics/') ? 'unknown topic' : 'unknown feed');
    return found;
  };

  return {
    descriptor,
    async get(feed, format) {
      const found = descriptor(feed);
      const generation = await options.index.generation(found.key);
      const key = `${found.key}.${format}`;
      const cached = cache.get(key);
      if (cached && cached.generation === generation) return cached.feed;
      const rendered = render(found, format);
      cache.set(key, { generation, feed: rendered });
      // A failed render must not be served from the cache to the next reader.
      rendered.catch(() => {
        if (cache.get(key)?.feed === rendered) cache.delete(key);
      });
      return rendered;
    },
  };
}
