/**
 * A private redis-server for tests that restart Redis or must not share the machine's one: its
 * own port, its own directory, its append-only file on. Stopped by the test that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingRedis } from '@bulletin/redis';
import { freePort } from './app-process.js';

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** SHUTDOWN (the append-only file is flushed), then start again on the same port and data. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function waitFor(url: string, up: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await pingRedis(url, 200)) !== up) {
    if (Date.now() > deadline)
      throw new Error(`redis at ${url} did not come ${up ? 'up' : 'down'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function launch(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore', detached: true },
  );
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-test-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child = launch(port, dir);
  await waitFor(url, true);
  return {
    url,
    port,
    dir,
    async restart(downMs = 500) {
      child.kill('SIGTERM');
      await ended(child);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      child = launch(port, dir);
      await waitFor(url, true);
    },
    async stop() {
      child.kill('SIGTERM');
      await ended(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
