/**
 * Test helpers for suites that need the real Redis. Never a mock: a suite either talks to a
 * real server or says loudly that it skipped — and in CI (`CI=true`) it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Redis } from 'ioredis';
import { pingRedis } from './ping.js';

/**
 * Records why tests were skipped where the test runner (`npm test`) collects it for its
 * summary, and says it now.
 */
export function reportSkip(reason: string): void {
  console.warn(`\n  !! SKIPPING ${reason}\n`);
  // Beside the project's report, so a cached run of the project restores it too.
  const results = process.env['BULLETIN_TEST_RESULTS'];
  const root = process.env['BULLETIN_ROOT'];
  if (!results || !root) return;
  const dir = join(results, relative(root, process.cwd()));
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'skips.log'), `${reason}\n`);
}

export const TEST_REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Resolves whether Redis is reachable. Outside CI a missing Redis makes dependent suites skip
 * with a warning; in CI it throws, so a skipped run can never pass as green.
 */
export async function redisAvailable(url: string = TEST_REDIS_URL): Promise<boolean> {
  if (await pingRedis(url)) return true;
  if (process.env['CI'] === 'true') throw new Error(`CI=true but no Redis answers at ${url}`);
  reportSkip(
    `Redis-backed tests: no Redis answers at ${url} (start redis-server, or set REDIS_URL)`,
  );
  return false;
}

/**
 * Resolves whether the `redis-server` binary is installed, for suites that start their own
 * servers (private Redis, restarts, clusters). Outside CI its absence skips them loudly; in CI
 * it throws.
 */
export function redisServerInstalled(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return true;
  if (process.env['CI'] === 'true') throw new Error('CI=true but redis-server is not installed');
  reportSkip(
    'tests that start their own redis-server: it is not installed (apt-get install redis-server)',
  );
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
