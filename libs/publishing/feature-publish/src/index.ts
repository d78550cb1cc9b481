/**
 * @module @bulletin/publish
 * The publishing stage: the worker that keeps feed indexes current, and the HTTP server that
 * serves feeds and story pages from them.
 */
export { processPublish, type PublishDeps } from './publish.processor.js';
export { startPublisherRole, type PublisherRoleOptions } from './publish.role.js';
export {
  createFeedService,
  type FeedService,
  type FeedServiceOptions,
  type PublishedTopic,
  type RenderedFeed,
} from './http/feed-service.js';
export { buildServer, type ServerOptions } from './http/server.js';
export { NotFoundError } from './http/http-errors.js';
