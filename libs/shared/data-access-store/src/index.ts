/**
 * @module @bulletin/store
 * The story store and the feed indexes, both in Redis under the configured prefix.
 */
export {
  createStoryStore,
  type StoryStore,
  type SavedStory,
  type SaveOutcome,
} from './story-store.js';
export { createFeedIndex, type FeedIndex, type FeedKey, type IndexEntry } from './feed-index.js';
