import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '@bulletin/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRedis, keyGroup, pingRedis, queuePrefix, RedisUnavailableError } from './index.js';
import { redisServerInstalled } from './testing.js';

const installed = redisServerInstalled();
const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-redis-'));
  dataDirs.push(dir);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A logger that keeps what it was told, to check what an operator would read. */
function recordingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: (_obj, msg) => void lines.push(msg ?? ''),
    warn: (_obj, msg) => void lines.push(msg ?? ''),
    error: (_obj, msg) => void lines.push(msg ?? ''),
    child: () => log,
  };
  return { log, lines };
}

describe.skipIf(!installed)('ensureRedis with a private redis-server', () => {
  it('starts one where the URL points, records its pid beside its data, and stops it', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = freshDir();
    expect(await pingRedis(url, 200)).toBe(false);
    const { log } = recordingLogger();
    const handle = await ensureRedis({ url, autostart: true, dataDir, log });
    expect(handle.pid).toBeGreaterThan(0);
    expect(Number(readFileSync(join(dataDir, 'redis-server.pid'), 'utf8'))).toBe(handle.pid);
    expect(await pingRedis(url)).toBe(true);
    await handle.stop();
    expect(await pingRedis(url, 200)).toBe(false);
  });

  it('adopts the server an earlier run left behind, says so, and stops it', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = freshDir();
    const first = await ensureRedis({ url, autostart: true, dataDir, ...recordingLogger() });
    // The earlier run died (kill -9) without stopping it.
    const { log, lines } = recordingLogger();
    const second = await ensureRedis({ url, autostart: true, dataDir, log });
    expect(second.pid).toBe(first.pid);
    expect(lines.join('\n')).toMatch(/adopting the private redis-server/);
    await second.stop();
    expect(await pingRedis(url, 200)).toBe(false);
  });
});

describe('ensureRedis without a server', () => {
  it('says how to get Redis when autostart is off', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const attempt = ensureRedis({
      url,
      autostart: false,
      dataDir: freshDir(),
      log: createLogger({ level: 'silent' }),
    });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/no Redis answers at .*docker compose up -d redis/);
  });
});

describe('key groups', () => {
  it('put every key under the prefix, one hash slot per group', () => {
    const store = keyGroup('p1', 'store');
    expect(store.key('story', 'x')).toBe('p1:{p1.store}:story:x');
    expect(store.key()).toBe('p1:{p1.store}');
    expect(queuePrefix('p1', 'ingest')).toBe('p1:{p1.ingest}');
    expect(() => keyGroup('p:1', 'store')).toThrow(/prefix "p:1" may hold only/);
  });
});
