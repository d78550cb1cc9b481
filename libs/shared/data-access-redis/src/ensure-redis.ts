import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BulletinError } from '@bulletin/errors';
import type { Logger } from '@bulletin/runtime';
import { pingRedis } from './ping.js';
import { pidFilePath, readLivePid, spawnServer, stopServer } from './private-server.js';
import { clusterNodesOf, describeRedis } from './target.js';

/** No Redis answers and bulletin could not start one. */
export class RedisUnavailableError extends BulletinError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('REDIS_UNAVAILABLE', message, { ...options, permanent: true });
  }
}

export interface EnsureRedisOptions {
  url: string;
  /**
   * Seed nodes of a Redis Cluster (`REDIS_CLUSTER_NODES`). Set, the cluster must answer:
   * a private server is never started in its place.
   */
  clusterNodes?: readonly string[] | undefined;
  /** Start a private redis-server when nothing answers (a developer's `bulletin start`). */
  autostart: boolean;
  /** Data directory of a private server (append-only file on, pid file beside it). */
  dataDir: string;
  log: Logger;
  /** How long a started server may take to answer. @defaultValue 5000 */
  startTimeoutMs?: number;
}

export interface RedisHandle {
  /** Set when this process owns a private server (started or adopted) and so must stop it. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const HOW_TO_GET_REDIS =
  'install it (apt-get install redis-server, brew install redis) or run `docker compose up -d redis`';

function serverArgs(url: URL, dataDir: string): string[] {
  const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
  const args = ['--port', url.port || '6379', '--bind', host, '--dir', dataDir];
  args.push('--pidfile', pidFilePath(dataDir), '--daemonize', 'no');
  args.push('--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction');
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
  return args;
}

async function waitForPing(url: string, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pingRedis(url, 250)) return;
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error('redis-server exited before it answered');
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`redis-server did not answer within ${timeoutMs} ms`);
}

const handle = (pid: number | undefined, dataDir: string): RedisHandle => ({
  pid,
  stop: () => (pid === undefined ? Promise.resolve() : stopServer(pid, dataDir)),
});

async function startPrivate(options: EnsureRedisOptions, dataDir: string): Promise<RedisHandle> {
  const url = new URL(options.url);
  let pid: number;
  try {
    pid = await spawnServer(serverArgs(url, dataDir));
  } catch (error) {
    throw new RedisUnavailableError(
      `no Redis answers at ${options.url} and redis-server could not be started; ${HOW_TO_GET_REDIS}`,
      { cause: error },
    );
  }
  try {
    await waitForPing(options.url, pid, options.startTimeoutMs ?? 5000);
  } catch (error) {
    await stopServer(pid, dataDir);
    throw new RedisUnavailableError(`started redis-server but ${(error as Error).message}`, {
      cause: error,
    });
  }
  options.log.info({ url: options.url, dataDir, pid }, 'started a private redis-server');
  return handle(pid, dataDir);
}

/**
 * Makes sure a Redis answers at `url` (or, given `clusterNodes`, that the cluster does). When one does and it is the private server an earlier
 * run left behind (its pid file names a live redis-server), this run adopts it, says so, and
 * stops it on exit. When none does and `autostart` is on, starts a private `redis-server`
 * listening exactly where the URL points (so the CLI finds it), data and pid file in `dataDir`.
 * @throws RedisUnavailableError saying how to get Redis when neither works.
 */
export async function ensureRedis(options: EnsureRedisOptions): Promise<RedisHandle> {
  const dataDir = resolve(options.dataDir);
  if (clusterNodesOf(options) !== undefined) {
    if (await pingRedis(options, 5000)) return handle(undefined, dataDir);
    throw new RedisUnavailableError(
      `no ${describeRedis(options)} answers with all its slots served; check that the nodes ` +
        'are up and `redis-cli -h HOST -p PORT cluster info` says cluster_state:ok',
    );
  }
  const leftOver = options.autostart ? readLivePid(dataDir) : undefined;
  if (await pingRedis(options.url)) {
    if (leftOver !== undefined) {
      options.log.warn(
        { pid: leftOver, dataDir },
        'adopting the private redis-server an earlier run left running; it stops when bulletin does',
      );
    }
    return handle(leftOver, dataDir);
  }
  const url = new URL(options.url);
  if (!options.autostart || !LOOPBACK.has(url.hostname)) {
    throw new RedisUnavailableError(`no Redis answers at ${options.url}; ${HOW_TO_GET_REDIS}`);
  }
  if (leftOver !== undefined) await stopServer(leftOver, dataDir);
  mkdirSync(dataDir, { recursive: true });
  return startPrivate(options, dataDir);
}
