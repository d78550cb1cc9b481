/**
 * @module @bulletin/store
 * The story store (one lifecycle record per story) and the feed indexes, in Redis under the
 * configured prefix. The publish stage is the only writer.
 */
export { createStoryStore, KEPT_VERSIONS } from './redis-story-store.js';
export { createFeedIndex } from './redis-feed-index.js';
export { storeKeys, type StoreKeys } from './keys.js';
export type { DuplicatePolicy } from './copies.js';
export { createChangeFeed, type ChangeFeed, type ChangeHandlers } from './change-feed.js';
export { ensureSchema, SCHEMA_VERSION, SchemaMismatchError } from './schema.js';
export type {
  StoryStore,
  FeedIndex,
  FeedKey,
  PublishOutcome,
  PublishResult,
  PublishOptions,
  StoryLookup,
  StoryRecord,
} from './types.js';
