import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@bulletin/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeys, ensureRedis, pingRedis, RedisUnavailableError } from './index.js';

const log = createLogger({ level: 'silent' });
const dataDir = mkdtempSync(join(tmpdir(), 'bulletin-redis-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('ensureRedis', () => {
  it('starts a private redis-server where the URL points, and stops it', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    expect(await pingRedis(url, 200)).toBe(false);
    const handle = await ensureRedis({ url, autostart: true, dataDir, log });
    expect(handle.started).toBe(true);
    expect(await pingRedis(url)).toBe(true);
    await handle.stop();
    expect(await pingRedis(url, 200)).toBe(false);
  });

  it('says how to get Redis when autostart is off', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const attempt = ensureRedis({ url, autostart: false, dataDir, log });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/no Redis answers at .*docker compose up -d redis/);
  });
});

describe('createKeys', () => {
  it('puts every key under the prefix', () => {
    const keys = createKeys('p1');
    const all = [keys.story('x'), keys.storyVersions, keys.indexAll, keys.indexTopic('t')];
    expect(all.every((key) => key.startsWith('p1:'))).toBe(true);
  });
});
