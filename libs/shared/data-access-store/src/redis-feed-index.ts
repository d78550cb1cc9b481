import type { Redis } from '@bulletin/redis';
import type { StoreKeys } from './keys.js';
import type { FeedIndex } from './types.js';

/** Drops entries up to and including `after`, in newest-first order (same date: higher id first). */
export function skipThrough<T extends { id: string; date: number }>(
  entries: T[],
  after: { id: string; date: number } | undefined,
): T[] {
  if (!after) return entries;
  return entries.filter(
    (entry) => entry.date < after.date || (entry.date === after.date && entry.id < after.id),
  );
}

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
    sequenceRange: (feed, start, stop) => redis.zrange(keys.feedBySequence(feed), start, stop),
    async page(feed, { since, after, limit }) {
      // Entries sharing the last one's date are read again and skipped up to it: a page break
      // never drops or repeats a story, even among stories of the same minute.
      const max = after === undefined ? '+inf' : String(after.date);
      const min = since === undefined ? '-inf' : String(since);
      const extra =
        after === undefined ? 0 : await redis.zcount(keys.feedByDate(feed), after.date, after.date);
      const flat = await redis.zrevrangebyscore(
        keys.feedByDate(feed),
        max,
        min,
        'WITHSCORES',
        'LIMIT',
        0,
        limit + extra,
      );
      const entries: { id: string; date: number }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2)
        entries.push({ id: flat[i] ?? '', date: Number(flat[i + 1]) });
      return skipThrough(entries, after).slice(0, limit);
    },
    count: (feed) => redis.zcard(keys.feedByDate(feed)),
    async generation(feed) {
      return Number((await redis.hget(keys.generations, feed)) ?? 0);
    },
  };
}
