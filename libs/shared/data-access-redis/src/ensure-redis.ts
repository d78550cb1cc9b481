import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '@bulletin/runtime';
import { BulletinError } from '@bulletin/errors';
import { pingRedis } from './ping.js';

/** No Redis answers and bulletin could not start one. */
export class RedisUnavailableError extends BulletinError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('REDIS_UNAVAILABLE', message, { ...options, permanent: true });
  }
}

export interface EnsureRedisOptions {
  url: string;
  /** Start a private redis-server when nothing answers. */
  autostart: boolean;
  /** Data directory of a private server (append-only file on). */
  dataDir: string;
  log: Logger;
  /** How long a started server may take to answer. @defaultValue 5000 */
  startTimeoutMs?: number;
}

export interface RedisHandle {
  /** True when this process started the server and so must stop it. */
  readonly started: boolean;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const HOW_TO_GET_REDIS =
  'install it (apt-get install redis-server, brew install redis) or run `docker compose up -d redis`';

function serverArgs(url: URL, dataDir: string): string[] {
  const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
  const args = ['--port', url.port || '6379', '--bind', host, '--dir', dataDir];
  args.push('--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction');
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
  return args;
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await pingRedis(url, 250)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`redis-server did not answer within ${timeoutMs} ms`);
}

function spawnServer(args: string[]): Promise<ChildProcess> {
  return new Promise((ready, fail) => {
    // Its own process group: a Ctrl-C in the terminal must reach bulletin only, which then
    // drains its workers against a live Redis and stops the server last.
    const child = spawn('redis-server', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    child.once('error', fail);
    child.once('spawn', () => ready(child));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * Makes sure a Redis answers at `url`. When none does and `autostart` is on, starts a private
 * `redis-server` listening exactly where the URL points (so the CLI finds it), with its data
 * under `dataDir`; `stop()` shuts it down again.
 * @throws RedisUnavailableError saying how to get Redis when neither works.
 */
export async function ensureRedis(options: EnsureRedisOptions): Promise<RedisHandle> {
  if (await pingRedis(options.url)) return { started: false, stop: async () => undefined };
  const url = new URL(options.url);
  if (!options.autostart || !LOOPBACK.has(url.hostname)) {
    throw new RedisUnavailableError(`no Redis answers at ${options.url}; ${HOW_TO_GET_REDIS}`);
  }
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  let child: ChildProcess;
  try {
    child = await spawnServer(serverArgs(url, dataDir));
  } catch (error) {
    throw new RedisUnavailableError(
      `no Redis answers at ${options.url} and redis-server could not be started; ${HOW_TO_GET_REDIS}`,
      { cause: error },
    );
  }
  try {
    await waitForPing(options.url, child, options.startTimeoutMs ?? 5000);
  } catch (error) {
    await stopServer(child);
    throw new RedisUnavailableError(`started redis-server but ${(error as Error).message}`, {
      cause: error,
    });
  }
  options.log.info({ url: options.url, dataDir, pid: child.pid }, 'started a private redis-server');
  return { started: true, stop: () => stopServer(child) };
}
