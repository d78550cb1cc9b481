import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@bulletin/runtime';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedisServer } from './check-server.js';
import { redisServerInstalled } from './testing.js';

const installed = redisServerInstalled();
const warnings: string[] = [];
const log = {
  ...createLogger({ level: 'silent' }),
  warn: (m: unknown) => void warnings.push(String(m)),
};
let server: ChildProcess | undefined;
let redis: Redis | undefined;
const dir = mkdtempSync(join(tmpdir(), 'bulletin-check-'));

// A server of this suite's own, since the check is tried against settings it changes.
beforeAll(async () => {
  if (!installed) return;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  server = spawn(
    'redis-server',
    ['--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redis = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  for (let i = 0; i < 50 && redis.status !== 'ready'; i++)
    await new Promise((r) => setTimeout(r, 100));
});
afterAll(() => {
  redis?.disconnect();
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!installed)('the Redis startup check, on a private redis-server', () => {
  it('refuses an evicting policy with the fix, accepts noeviction, warns without persistence', async () => {
    if (redis === undefined) throw new Error('no server');
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await expect(checkRedisServer(redis, log)).rejects.toThrow(
      /maxmemory-policy is "allkeys-lru".*CONFIG SET maxmemory-policy noeviction/,
    );
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    await redis.config('SET', 'appendonly', 'no');
    await redis.config('SET', 'save', '');
    await checkRedisServer(redis, log);
    expect(warnings.join()).toMatch(/no persistence/);
    warnings.length = 0;
    await redis.config('SET', 'appendonly', 'yes');
    await checkRedisServer(redis, log);
    expect(warnings).toEqual([]);
  });
});
