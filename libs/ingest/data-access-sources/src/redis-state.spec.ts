import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createPayloadArchive, createSourceStateStore, isIdle } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('sources-io');
const redis = available ? new Redis(TEST_REDIS_URL) : undefined;
afterAll(async () => {
  if (!redis) return;
  await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});
const HOUR = 3_600_000;

describe.skipIf(!available)('source state and the payload archive on the real Redis', () => {
  it('counts failures with a doubling backoff, clears them on success, flags idle sources', async () => {
    const states = createSourceStateStore(redis as Redis, prefix);
    await states.started('pse', 1000);
    await states.started('pse', 9999);
    const backoff = { baseMs: 60_000, maxMs: 150_000 };
    expect(await states.recordFailure('pse', 'FETCH_TIMEOUT: slow', 2000, backoff)).toBe(1);
    expect(await states.get('pse')).toMatchObject({
      firstSeenAt: 1000,
      consecutiveFailures: 1,
      backoffUntil: 62_000,
      lastStatus: 'FETCH_TIMEOUT',
    });
    await states.recordFailure('pse', 'FETCH_TIMEOUT: slow', 3000, backoff);
    expect((await states.get('pse')).backoffUntil).toBe(123_000);
    await states.recordFailure('pse', 'FETCH_TIMEOUT: slow', 4000, backoff);
    expect((await states.get('pse')).backoffUntil).toBe(154_000);
    await states.recordSuccess(
      'pse',
      { changed: true, lastStatus: '200', etag: '"v1"', lastStories: 3 },
      5000,
    );
    const state = await states.get('pse');
    expect(state).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: 5000,
      lastChangeAt: 5000,
      etag: '"v1"',
      lastError: 'FETCH_TIMEOUT: slow',
    });
    expect(state.backoffUntil).toBeUndefined();
    expect(isIdle(state, 1, 5000 + 60_000)).toBe(false);
    expect(isIdle(state, 1, 5000 + 60_001)).toBe(true);
  });

  it('keeps payloads with their headers, by story and by source, once per identical payload', async () => {
    const archive = createPayloadArchive(redis as Redis, prefix, 72 * HOUR);
    const now = Date.parse('2024-06-12T10:00:00.000Z');
    const payload = (text: string, at: string) => ({
      source: { id: 'partner', name: 'Partner' },
      receivedAt: at,
      contentType: 'text/plain; charset=utf-8',
      encoding: 'utf8' as const,
      payload: text,
    });
    const first = payload('Headline\n\nBody one.', '2024-06-12T09:00:00.000Z');
    const second = payload('Headline\n\nBody two.', '2024-06-12T09:30:00.000Z');
    const id = await archive.keep(first, ['s1'], now);
    expect(await archive.keep(first, ['s1'], now)).toBe(id);
    await archive.keep(second, ['s1', 's2'], now);
    expect(await archive.forStory('s1')).toEqual([first, second]);
    expect(await archive.forStory('s2')).toEqual([second]);
    expect(await archive.forSource('partner', now)).toEqual([first, second]);
    expect(await archive.forSource('partner', now + 72 * HOUR + 1)).toEqual([]);
    expect(await redis?.pttl(`${prefix}:{${prefix}.sources}:raw:${id}`)).toBeGreaterThan(71 * HOUR);
  });
});
