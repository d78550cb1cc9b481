/**
 * Starting and stopping as a newcomer does it: `npm start` stopped by signalling npm's own pid
 * (what supervisors, IDEs and CI steps signal), a taken port, the command without arguments,
 * `--version`, and a private redis-server left behind by a `kill -9`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingRedis } from '@bulletin/redis';
import {
  redisAvailable,
  redisServerInstalled,
  TEST_REDIS_URL,
  uniquePrefix,
  deleteKeys,
} from '@bulletin/redis/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT, runCli, spawnApp, waitForReady } from '../support/app-process.js';

const available = await redisAvailable();
const installed = redisServerInstalled();
const prefix = uniquePrefix('starting');
afterAll(async () => {
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe.skipIf(!available)('npm start, stopped through npm', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops everything when npm itself gets %s',
    async (signal) => {
      const port = await freePort();
      const npm = spawn('npm', ['start'], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          BULLETIN_PREFIX: prefix,
          REDIS_URL: TEST_REDIS_URL,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitForReady(`http://127.0.0.1:${port}`, npm, () => output);
      const exited = new Promise((resolve) => npm.once('exit', resolve));
      npm.kill(signal);
      await exited;
      await expect.poll(() => portIsFree(port), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => output, { timeout: 5000 }).toMatch(/"msg":"stopped"/);
      expect(output).toContain(`"reason":"${signal}"`);
    },
  );
});

describe.skipIf(!available)('a start that cannot succeed', () => {
  it.each([
    ['bulletin start', { args: ['apps/cli/bin/bulletin.mjs', 'start'] }],
    ['the http app', { app: 'http' as const }],
  ])('%s names a taken port and exits 1', async (_name, how) => {
    const port = await freePort();
    const blocker = await listenOn(port);
    try {
      const app = await spawnApp(TEST_REDIS_URL, prefix, { ...how, port, waitReady: false });
      expect(await app.exited).toBe(1);
      expect(app.output()).toMatch(
        new RegExp(`bulletin: HTTP_PORT_IN_USE: port ${port} is in use`),
      );
    } finally {
      blocker.close();
    }
  });

  it('names an unknown role', async () => {
    const app = await spawnApp(TEST_REDIS_URL, prefix, {
      args: ['apps/cli/bin/bulletin.mjs', 'start', '--roles', 'ingest,publisher'],
      waitReady: false,
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(
      'bulletin: CONFIG_INVALID: unknown role "publisher"; the roles are ingest, enrich, index, sources, digest, http',
    );
  });
});

describe('the bulletin command', () => {
  it('prints usage on stderr and exits 2 without a command; prints its version', async () => {
    const bare = await runCli([], process.env);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toMatch(/^Usage: bulletin <command>/);
    const version = await runCli(['--version'], process.env);
    expect([version.code, version.stdout]).toEqual([0, 'bulletin 0.2.0\n']);
  });
});

describe.skipIf(!installed)('a private redis-server left behind', () => {
  it('is adopted by the next start after a kill -9, and stopped when that start stops', async () => {
    const redisPort = await freePort();
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'bulletin-adopt-'));
    try {
      const env = { REDIS_AUTOSTART: 'true', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
      const first = await spawnApp(redisUrl, prefix, { extraEnv: env });
      expect(first.output()).toContain('started a private redis-server');
      first.killGroup('SIGKILL');
      await first.exited;
      expect(await pingRedis(redisUrl)).toBe(true);
      const second = await spawnApp(redisUrl, prefix, { extraEnv: env });
      expect(second.output()).toContain('adopting the private redis-server');
      expect(await second.stop()).toBe(0);
      await expect.poll(() => pingRedis(redisUrl, 200), { timeout: 10_000 }).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
