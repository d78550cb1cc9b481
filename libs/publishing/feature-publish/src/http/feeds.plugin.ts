import type { HttpPlugin } from '@bulletin/http';
import type { RenderContext } from '@bulletin/render';
import type { Logger } from '@bulletin/runtime';
import type { FeedIndex, StoryStore } from '@bulletin/store';
import { presentErrors } from './error-pages.js';
import { createFeedService, type PublishedTopic } from './feed-service.js';
import { registerFeedRoutes } from './feeds.route.js';
import { registerStoryRoute } from './story.route.js';

export interface FeedsPluginOptions {
  store: Pick<StoryStore, 'get' | 'getMany'>;
  index: Pick<FeedIndex, 'latest' | 'generation'>;
  /** The topics that have feeds; any other slug is a 404. */
  topics: readonly PublishedTopic[];
  render: RenderContext;
  /** Items per feed document. */
  feedSize: number;
  log: Logger;
}

/** Publishing's part of the HTTP server: the feeds and the story pages. */
export function feedsPlugin(options: FeedsPluginOptions): HttpPlugin {
  return {
    name: 'feeds',
    register(app) {
      presentErrors(app, options.render, options.log);
      registerFeedRoutes(app, createFeedService(options));
      registerStoryRoute(app, options.store, options.render);
    },
  };
}
