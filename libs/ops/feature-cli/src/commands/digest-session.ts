import { loadConfig, type Config } from '@bulletin/config';
import { openDigest, type DigestDeps } from '@bulletin/digest';
import {
  closeRedis,
  createRedisConnection,
  describeRedis,
  pingRedis,
  RedisUnavailableError,
} from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import type { CliIo } from '../cli-io.js';

/** What a digest or subscribers command works with; `close` ends it. */
export interface DigestSession {
  config: Config;
  deps: DigestDeps;
  close(): Promise<void>;
}

/** Opens the digest dependencies for one command, on a connection that rides out a blip. */
export async function openDigestSession(io: CliIo): Promise<DigestSession> {
  const config = loadConfig(io.env);
  const log = createLogger({
    level: config.logLevel === 'debug' ? 'debug' : 'warn',
    bindings: { role: 'cli' },
  });
  if (!(await pingRedis(config.redis))) {
    throw new RedisUnavailableError(
      `no Redis answers at ${describeRedis(config.redis)}: start bulletin first (npm start)`,
    );
  }
  const redis = createRedisConnection(config.redis, {
    role: 'worker',
    name: `${config.prefix}:cli`,
    log,
  });
  const deps = openDigest({ config, redis, log, now: io.now });
  return {
    config,
    deps,
    async close() {
      await deps.close();
      await closeRedis(redis);
    },
  };
}
