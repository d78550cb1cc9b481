/**
 * Redis goes away while `bulletin ingest DIR` walks a folder of wire files: the command fails
 * fast, once, with `REDIS_UNAVAILABLE` naming how far it got, and exits non-zero, instead of
 * waiting seconds per remaining file and refusing each with ioredis's own message.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisServerInstalled, uniquePrefix } from '@bulletin/redis/testing';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/app-process.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

const installed = redisServerInstalled();
const FILES = 400;
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-ingest-dir-'));
let redis: TestRedis | undefined;

beforeAll(async () => {
  if (!installed) return;
  redis = await startTestRedis();
  const seed = readFixture(SEED_FIXTURE).toString();
  for (let i = 0; i < FILES; i += 1) {
    writeFileSync(
      join(scratch, `story-${String(i).padStart(4, '0')}.txt`),
      seed.replace('Rotherham', `Rotherham ${i}`),
    );
  }
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await redis?.stop().catch(() => undefined);
});

describe.skipIf(!installed)('Redis killed during bulletin ingest DIR', () => {
  it('fails fast once with REDIS_UNAVAILABLE and exits non-zero', async () => {
    const server = redis as TestRedis;
    const child = spawn(process.execPath, ['apps/cli/bin/bulletin.mjs', 'ingest', scratch], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        REDIS_URL: server.url,
        BULLETIN_PREFIX: uniquePrefix('ingest-dir'),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killedAt = 0;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killedAt === 0 && stdout.split('\n').length > 20) {
        killedAt = Date.now();
        void server.stop();
      }
    });
    const code = await exited;
    const afterKillMs = Date.now() - killedAt;
    const lines = stdout.trim().split('\n');
    expect(killedAt).toBeGreaterThan(0);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `^bulletin: REDIS_UNAVAILABLE: Redis at ${server.url} stopped answering after \\d+ of ${FILES} files; the other \\d+ were not queued`,
      ),
    );
    expect(stderr.match(/REDIS_UNAVAILABLE/g)).toHaveLength(1);
    // No file after the drop is refused one by one with the client's own message.
    expect(lines.filter((line) => line.includes('\trefused:'))).toEqual([]);
    expect(lines.length).toBeLessThan(FILES);
    console.info(
      `ingest DIR: ${lines.length} of ${FILES} files queued; exited ${afterKillMs} ms after Redis was stopped`,
    );
    expect(afterKillMs).toBeLessThan(5000);
  });
});
