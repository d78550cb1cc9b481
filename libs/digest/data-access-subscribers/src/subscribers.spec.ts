import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryLedger, createSubscriberStore, digestKeys } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('subscribers');
let redis: Redis;

beforeAll(() => {
  if (available)
    redis = createRedisConnection(TEST_REDIS_URL, {
      role: 'client',
      name: 'subs',
      log: createLogger({ level: 'silent' }),
    });
});
afterAll(async () => {
  if (!available) return;
  await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

const request = {
  key: 'k1',
  email: 'jo@example.org',
  edition: 'daily',
  topics: ['housing', 'health'],
};

describe.skipIf(!available)('subscribers in Redis', () => {
  it('confirms a request once, with its nonce only, inside its cooldown sending one link', async () => {
    const store = createSubscriberStore(redis, prefix);
    expect(await store.request(request, 'n1', 60_000, 60_000)).toBe('n1');
    expect(
      await store.request({ ...request, topics: ['housing'] }, 'n2', 60_000, 60_000),
    ).toBeUndefined();
    expect(await store.confirm('k1', 'wrong', 'sid1', new Date())).toBeUndefined();
    expect(await store.confirm('k1', 'n1', 'sid1', new Date())).toMatchObject({
      email: 'jo@example.org',
      edition: 'daily',
      topics: ['housing'],
      sid: 'sid1',
    });
    expect(await store.confirm('k1', 'n1', 'sid2', new Date())).toBeUndefined();
    expect(await store.members('daily')).toEqual(['k1']);
  });

  it('moves a subscriber between editions and erases every key of theirs', async () => {
    const store = createSubscriberStore(redis, prefix);
    const sub = await store.get('k1');
    await store.update(sub!, 'weekly', ['health']);
    expect(await store.members('daily')).toEqual([]);
    expect(await store.members('weekly')).toEqual(['k1']);
    const ledger = createDeliveryLedger(redis, prefix);
    const run = {
      runId: 'weekly-1',
      edition: 'weekly',
      from: 0,
      to: 5,
      at: new Date().toISOString(),
    };
    await ledger.sent(run, 'k1', '<m1@x>', ['s1']);
    expect(await store.seen('k1', ['s1', 's2'])).toEqual(new Set(['s1']));
    await store.erase('k1');
    const keys = digestKeys(prefix);
    const left = await redis.keys(`${prefix}:*`);
    expect(left.filter((k) => k.includes('k1') && k !== keys.ledger('weekly-1'))).toEqual([]);
    expect(await redis.hget(keys.ledger('weekly-1'), 'k1')).toBe('sent|<m1@x>|');
    expect(JSON.stringify(await redis.hgetall(keys.ledger('weekly-1')))).not.toContain('jo@');
  });

  it('holds one lease per edition and marks an address undeliverable after the threshold', async () => {
    const ledger = createDeliveryLedger(redis, prefix);
    expect(await ledger.lease('daily', 'a', 5000)).toBe(true);
    expect(await ledger.lease('daily', 'b', 5000)).toBe(false);
    await ledger.release('daily', 'b');
    expect(await ledger.renew('daily', 'a', 5000)).toBe(true);
    await ledger.release('daily', 'a');
    expect(await ledger.lease('daily', 'b', 5000)).toBe(true);
    const store = createSubscriberStore(redis, prefix);
    await store.put({
      key: 'k2',
      email: 'x@example.org',
      edition: 'daily',
      topics: ['health'],
      sid: 's',
      since: '',
    });
    expect(await store.bounce('k2', 2)).toBe(false);
    expect(await store.bounce('k2', 2)).toBe(true);
    expect((await store.get('k2'))?.undeliverable).toBe(true);
  });
});
