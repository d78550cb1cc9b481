import type { Config } from '@bulletin/config';
import { BulletinError } from '@bulletin/errors';
import { createPipelineQueues, type PipelineQueues } from '@bulletin/queues';
import {
  closeRedis,
  createRedisConnection,
  describeRedis,
  pingRedis,
  RedisUnavailableError,
  type Redis,
} from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import { createPayloadArchive, createSourceStateStore } from '@bulletin/sources-io';
import { createStoryStore, storeKeys } from '@bulletin/store';

/** What a one-shot command opens: one connection that never retries, the queues, the stores. */
export interface CliPipeline {
  redis: Redis;
  queues: PipelineQueues;
  store: ReturnType<typeof createStoryStore>;
  states: ReturnType<typeof createSourceStateStore>;
  archive: ReturnType<typeof createPayloadArchive>;
  /** Wraps a Redis call: a failure with Redis gone becomes one `REDIS_UNAVAILABLE`. */
  guard<T>(call: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens the pipeline for a command, after checking that Redis answers.
 * @throws RedisUnavailableError saying to start bulletin when nothing answers.
 */
export async function openCliPipeline(config: Config): Promise<CliPipeline> {
  const target = config.redis;
  const where = describeRedis(target);
  if (!(await pingRedis(target))) {
    throw new RedisUnavailableError(
      `no Redis answers at ${where}: start bulletin first (npm start)`,
    );
  }
  // A lost connection is reported once, by `guard`, as REDIS_UNAVAILABLE: the connection's and
  // the queues' own error events would only print the same loss again, once per queue.
  const log = createLogger({ level: 'silent', bindings: { role: 'cli' } });
  const redis = createRedisConnection(target, { role: 'cli', name: `${config.prefix}:cli`, log });
  const queues = createPipelineQueues({
    connection: redis,
    prefix: config.prefix,
    log,
    attempts: config.workers.jobAttempts,
  });
  return {
    redis,
    queues,
    store: createStoryStore(redis, storeKeys(config.prefix)),
    states: createSourceStateStore(redis, config.prefix),
    archive: createPayloadArchive(redis, config.prefix, config.sources.retainHours * 3_600_000),
    async guard(call) {
      const pending = call();
      // BullMQ waits, without limit, for a lost connection to come back before it sends a
      // command: a person must not. While the call is pending, Redis is pinged every second;
      // two unanswered pings in a row (a loaded machine can miss one) mean it is gone.
      let watching = true;
      const watchdog = (async () => {
        let missed = 0;
        while (watching) {
          await new Promise((resolve) => setTimeout(resolve, 1000).unref());
          if (!watching) break;
          missed = (await pingRedis(target, 1000)) ? 0 : missed + 1;
          if (missed >= 2) return 'gone' as const;
        }
        return 'done' as const;
      })();
      try {
        const outcome = await Promise.race([pending.then((value) => ({ value })), watchdog]);
        if (outcome === 'gone') {
          pending.catch(() => undefined);
          throw new RedisUnavailableError(`Redis at ${where} stopped answering`);
        }
        if (outcome === 'done') throw new Error('unreachable');
        return outcome.value;
      } catch (error) {
        if (error instanceof BulletinError || (await pingRedis(target, 1000))) throw error;
        throw new RedisUnavailableError(`Redis at ${where} stopped answering`, { cause: error });
      } finally {
        watching = false;
      }
    },
    async close() {
      await queues.close();
      await closeRedis(redis);
    },
  };
}
