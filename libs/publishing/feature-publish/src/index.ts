/**
 * @module @bulletin/publish
 * The publishing stage: the worker that owns what readers see (the `index` role), and the
 * HTTP plugin that serves feeds and story pages from what it published.
 */
export { processPublish, type PublishDeps } from './publish.processor.js';
export { indexRole } from './index.role.js';
export { processNotify, type NotifyDeps } from './websub/notify-hubs.processor.js';
export { feedsPlugin, type FeedsPluginOptions } from './http/feeds.plugin.js';
export {
  createFeedService,
  type FeedService,
  type FeedServiceOptions,
} from './http/feed-service.js';
export { createFeedCatalog, type FeedCatalog, type PublishedTopic } from './http/feed-catalog.js';
export type { FeedDocument } from './http/feed-document.js';
export { pickEncoding } from './http/feeds.route.js';
