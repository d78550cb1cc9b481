import { createLogger } from '@bulletin/runtime';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { makeStory } from '@bulletin/story/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createChangeFeed,
  createFeedIndex,
  createStoryStore,
  ensureSchema,
  SCHEMA_VERSION,
  storeKeys,
} from './index.js';
import { createMemoryStore, describeStoreContract } from './testing.js';

const available = await redisAvailable();
const prefixes: string[] = [];
let redis: Redis;
const subscribers: Redis[] = [];

beforeAll(() => {
  if (!available) return;
  redis = createRedisConnection(TEST_REDIS_URL, {
    role: 'client',
    name: 'store-spec',
    log: createLogger({ level: 'silent' }),
  });
});
afterAll(async () => {
  if (!available) return;
  for (const prefix of prefixes) await deleteKeys(TEST_REDIS_URL, prefix);
  for (const subscriber of subscribers) subscriber.disconnect();
  redis.disconnect();
});

/** A fresh prefix per test, so no test sees another's stories. */
function freshKeys() {
  const prefix = uniquePrefix('store');
  prefixes.push(prefix);
  return { prefix, keys: storeKeys(prefix) };
}

describeStoreContract('in-memory', async () => createMemoryStore());

describe.skipIf(!available)('on the real Redis', () => {
  describeStoreContract('redis', async () => {
    const { keys } = freshKeys();
    const subscriber = redis.duplicate();
    subscribers.push(subscriber);
    return {
      store: createStoryStore(redis, keys),
      index: createFeedIndex(redis, keys),
      changes: createChangeFeed(subscriber, keys, createLogger({ level: 'silent' })),
    };
  });

  it('finds a copy another process recorded, even when its view is far behind', async () => {
    const { keys } = freshKeys();
    const copies = { windowMs: 3_600_000, maxBits: 3 };
    const now = Date.now();
    const here = createStoryStore(redis, keys);
    const there = createStoryStore(redis.duplicate(), keys);
    const story = (id: string, source: string, n: number) =>
      makeStory(id, {
        source: { id: source, name: source },
        textHash: n.toString(16).padStart(8, '0').padEnd(64, '0'),
        simhash: (BigInt(n) * 0x9e3779b97f4a7c15n).toString(16).padStart(16, '0').slice(-16),
      });
    // `there` loads its view now; then `here` records 300 stories it has not seen.
    await there.publish(story('there-first', 'partner', 1), { now, duplicates: copies });
    const originals = Array.from({ length: 300 }, (_, i) => story(`here-${i}`, 'agency', i + 2));
    for (const original of originals) await here.publish(original, { now, duplicates: copies });
    const copy = story('there-copy', 'partner', 301);
    expect(await there.publish(copy, { now, duplicates: copies })).toMatchObject({
      outcome: 'copy',
      duplicateOf: originals[299]?.id,
    });
    expect(await redis.xlen(keys.fingerprints)).toBe(301);
  });

  it('records its schema on an empty store and refuses data of another schema', async () => {
    const { prefix, keys } = freshKeys();
    await ensureSchema(redis, keys, prefix);
    expect(await redis.get(keys.schema)).toBe(String(SCHEMA_VERSION));
    await ensureSchema(redis, keys, prefix);
    await redis.set(keys.schema, '99');
    await expect(ensureSchema(redis, keys, prefix)).rejects.toThrow(/has schema 99/);
    const old = freshKeys();
    await redis.hset(`${old.prefix}:story-versions`, 'x', '1|h|2014');
    await expect(ensureSchema(redis, old.keys, old.prefix)).rejects.toMatchObject({
      code: 'STORE_SCHEMA_MISMATCH',
    });
  });
});
