/**
 * Test helpers for suites that need the real Redis. Never a mock: a suite either talks to a
 * real server or says loudly that it skipped — and in CI (`CI=true`) it fails instead.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pingRedis } from './ping.js';

export const TEST_REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Resolves whether Redis is reachable. Outside CI a missing Redis makes dependent suites skip
 * with a warning; in CI it throws, so a skipped run can never pass as green.
 */
export async function redisAvailable(url: string = TEST_REDIS_URL): Promise<boolean> {
  if (await pingRedis(url)) return true;
  if (process.env['CI'] === 'true') throw new Error(`CI=true but no Redis answers at ${url}`);
  console.warn(`\n  !! SKIPPING Redis-backed tests: no Redis answers at ${url}\n`);
  return false;
}

/** A prefix no other test run uses: `test-{label}-{random}`. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix:` (SCAN + UNLINK), for cleaning up after a suite. */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
