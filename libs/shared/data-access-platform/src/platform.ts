import type { Config } from '@bulletin/config';
import { type Producers, createProducers } from '@bulletin/queues';
import {
  closeRedis,
  createKeys,
  createRedisConnection,
  ensureRedis,
  type Keys,
  type Redis,
} from '@bulletin/redis';
import { createShutdown, type Logger, type Shutdown } from '@bulletin/runtime';
import {
  createFeedIndex,
  createStoryStore,
  type FeedIndex,
  type StoryStore,
} from '@bulletin/store';

/** What every role of one process shares. Roles register their own shutdown steps on it. */
export interface Platform {
  readonly config: Config;
  readonly log: Logger;
  readonly keys: Keys;
  /** For workers: retries forever; BullMQ duplicates it for blocking reads. */
  readonly workerConnection: Redis;
  readonly producers: Producers;
  readonly store: StoryStore;
  readonly index: FeedIndex;
  readonly shutdown: Shutdown;
  ping(): Promise<boolean>;
}

export interface OpenPlatformOptions {
  /** How the process ends once shutdown has run. @defaultValue `process.exit` */
  exit?: (code: number) => void;
}

/**
 * Opens the shared infrastructure: makes sure Redis answers (starting a private server when
 * configured), opens the connections, producers, store and indexes, and registers each on the
 * shutdown so they close in reverse order.
 */
export async function openPlatform(
  config: Config,
  log: Logger,
  options: OpenPlatformOptions = {},
): Promise<Platform> {
  const shutdown = createShutdown({
    timeoutMs: config.shutdownTimeoutMs,
    log,
    exit: options.exit ?? ((code) => process.exit(code)),
  });
  const server = await ensureRedis({
    url: config.redis.url,
    autostart: config.redis.autostart,
    dataDir: config.redis.dataDir,
    log,
  });
  shutdown.add('private redis-server', () => server.stop());
  const client = createRedisConnection(config.redis.url, {
    role: 'client',
    name: `${config.prefix}:client`,
    log,
  });
  shutdown.add('redis client', () => closeRedis(client));
  const producerConnection = createRedisConnection(config.redis.url, {
    role: 'producer',
    name: `${config.prefix}:producer`,
    log,
  });
  shutdown.add('redis producer connection', () => closeRedis(producerConnection));
  const workerConnection = createRedisConnection(config.redis.url, {
    role: 'worker',
    name: `${config.prefix}:worker`,
    log,
  });
  shutdown.add('redis worker connection', () => closeRedis(workerConnection));
  const producers = createProducers({ connection: producerConnection, prefix: config.prefix, log });
  shutdown.add('queues', () => producers.close());
  const keys = createKeys(config.prefix);
  return {
    config,
    log,
    keys,
    workerConnection,
    producers,
    store: createStoryStore(client, keys),
    index: createFeedIndex(client, keys),
    shutdown,
    ping: () =>
      client.ping().then(
        (reply) => reply === 'PONG',
        () => false,
      ),
  };
}
