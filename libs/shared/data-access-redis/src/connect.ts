import type { Logger } from '@bulletin/runtime';
import { isCluster, openRedis, type Redis, type RedisTarget } from './target.js';

export type ConnectionRole = 'worker' | 'producer' | 'client' | 'cli';

export interface ConnectionOptions {
  /**
   * `worker`: blocking commands, retries forever (BullMQ requires `maxRetriesPerRequest: null`).
   * `producer`/`client`: fail fast so a caller learns at once that Redis is gone.
   * `cli`: a person is waiting on a one-shot command: no retry at all, a lost connection fails
   * the command in flight at once.
   */
  role: ConnectionRole;
  /** Shown in `CLIENT LIST` and in logs. */
  name: string;
  log: Logger;
}

/**
 * Opens an ioredis connection (a `Cluster` when `target` names seed nodes, the role's settings
 * then apply to each node) with an `error` listener attached, so a dropped connection is
 * logged instead of crashing the process.
 */
export function createRedisConnection(target: RedisTarget, options: ConnectionOptions): Redis {
  const redis = openRedis(target, {
    connectionName: options.name,
    maxRetriesPerRequest: options.role === 'worker' ? null : options.role === 'cli' ? 0 : 2,
    enableOfflineQueue: true,
  });
  if (isCluster(redis) && options.role !== 'worker') {
    // A cluster queues commands without limit while it is unreachable (the per-node retry
    // limit never applies to its own queue): once it has lost its nodes, commands fail at once
    // until it is ready again. While ready it queues, so a node still connecting gets them.
    redis.on('close', () => {
      redis.options.enableOfflineQueue = false;
    });
    redis.on('ready', () => {
      redis.options.enableOfflineQueue = true;
    });
  }
  redis.on('error', (error: Error) => {
    options.log.warn({ connection: options.name, err: error.message }, 'redis connection error');
  });
  return redis;
}

/** QUIT politely, falling back to a hard disconnect when Redis does not answer. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
