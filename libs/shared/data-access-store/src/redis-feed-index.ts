import type { Redis } from '@bulletin/redis';
import type { StoreKeys } from './keys.js';
import type { FeedIndex } from './types.js';

/** A {@link FeedIndex} over the sorted sets the publish script maintains. */
export function createFeedIndex(redis: Redis, keys: StoreKeys): FeedIndex {
  return {
    latest: (feed, limit) => redis.zrevrange(keys.feedByDate(feed), 0, limit - 1),
    async bySequence(feed, { before, limit }) {
      const max = before === undefined ? '+inf' : `(${before}`;
      const flat = await redis.zrevrangebyscore(
        keys.feedBySequence(feed),
        max,
        '-inf',
        'WITHSCORES',
        'LIMIT',
        0,
        limit,
      );
      const entries: { id: string; sequence: number }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        entries.push({ id: flat[i] ?? '', sequence: Number(flat[i + 1]) });
      }
      return entries;
    },
    count: (feed) => redis.zcard(keys.feedByDate(feed)),
    async generation(feed) {
      return Number((await redis.hget(keys.generations, feed)) ?? 0);
    },
  };
}
