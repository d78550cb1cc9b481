import type { HttpPlugin } from '@bulletin/http';
import type { RenderContext } from '@bulletin/render';
import type { Logger } from '@bulletin/runtime';
import type { ChangeFeed, FeedIndex, StoryStore } from '@bulletin/store';
import { presentErrors } from './error-pages.js';
import { renamedTopics, type PublishedTopic } from './feed-catalog.js';
import { createFeedService } from './feed-service.js';
import { installRateLimit } from './rate-limit.js';
import { registerFeedRoutes } from './feeds.route.js';
import { registerSiteRoutes } from './site.route.js';
import { registerStoryRoute } from './story.route.js';

export interface FeedsPluginOptions {
  store: Pick<StoryStore, 'get' | 'getMany'>;
  index: Pick<FeedIndex, 'latest' | 'generation' | 'count' | 'sequenceRange' | 'page'>;
  /** The topics that have feeds; any other slug is a 404. */
  topics: readonly PublishedTopic[];
  render: RenderContext;
  /** Items per feed document. */
  feedSize: number;
  /** Requests per minute one client may make; 0 for no limit. */
  rateLimitPerMinute: number;
  /** How long a burst of changes is gathered before re-rendering. @defaultValue 250 */
  coalesceMs?: number;
  log: Logger;
  /** Told of each document rendered (a cache miss or a change), by format: for metrics. */
  onRender?: (format: string) => void;
  /** The store's change announcements; without them, only the safety check runs. */
  changes?: ChangeFeed;
}

/** Publishing's part of the HTTP server: the home page, feeds, archives, story pages, the API. */
export function feedsPlugin(options: FeedsPluginOptions): HttpPlugin {
  return {
    name: 'feeds',
    async register(app) {
      const feeds = createFeedService({
        ...options,
        onError: (error, key) => options.log.error({ err: error, feed: key }, 'feed render failed'),
      });
      if (options.changes) {
        const stop = await options.changes.subscribe({
          changed: (keys) => feeds.invalidate(keys),
          missed: () => feeds.invalidateAll(),
        });
        app.addHook('onClose', async () => stop());
      }
      app.addHook('onClose', async () => feeds.close());
      presentErrors(app, options.render, options.log);
      installRateLimit(app, { perMinute: options.rateLimitPerMinute });
      registerFeedRoutes(app, feeds, renamedTopics(options.topics));
      registerStoryRoute(app, options.store, options.render);
      registerSiteRoutes(app, feeds, options);
    },
  };
}
