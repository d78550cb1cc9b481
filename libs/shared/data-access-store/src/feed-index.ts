import type { Keys, Redis } from '@bulletin/redis';
import { withStoreCommands } from './scripts.js';

/** `all`, or `topics/{slug}`: the feed path without its extension. */
export type FeedKey = string;

export interface IndexEntry {
  id: string;
  version: number;
  /** Sort key: first publication, epoch ms. */
  publishedAt: number;
  topics: readonly string[];
}

/** Feed membership and ordering. */
export interface FeedIndex {
  /** Indexes a story version; false when a newer version was indexed already. */
  indexStory(entry: IndexEntry): Promise<boolean>;
  /** Newest-first story ids of a feed. */
  latest(feed: FeedKey, limit: number): Promise<string[]>;
  /** The feed's generation: it changes whenever the feed's content may have. 0 = never. */
  generation(feed: FeedKey): Promise<number>;
}

function indexKey(keys: Keys, feed: FeedKey): string {
  return feed === 'all' ? keys.indexAll : keys.indexTopic(feed.replace(/^topics\//, ''));
}

/** A {@link FeedIndex} in Redis sorted sets, updated atomically by one script per story. */
export function createFeedIndex(redis: Redis, keys: Keys): FeedIndex {
  const commands = withStoreCommands(redis);
  return {
    async indexStory(entry) {
      const done = await commands.indexStory(
        keys.indexAll,
        keys.indexedTopics,
        keys.feedGenerations,
        keys.indexTopic(''),
        entry.id,
        entry.version,
        entry.publishedAt,
        ...entry.topics,
      );
      return done === 1;
    },
    latest: (feed, limit) => redis.zrevrange(indexKey(keys, feed), 0, limit - 1),
    async generation(feed) {
      return Number((await redis.hget(keys.feedGenerations, feed)) ?? 0);
    },
  };
}
