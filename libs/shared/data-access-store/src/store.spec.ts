import { createLogger } from '@bulletin/runtime';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
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
