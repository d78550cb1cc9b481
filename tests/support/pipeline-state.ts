/**
 * What the pipeline holds, read the way an operator's tools would: the queues' counts and the
 * store's feeds. Tests wait on these instead of on sleeps or marker stories.
 */
import { STAGES } from '@bulletin/contracts';
import { createPipelineQueues, type PipelineQueues } from '@bulletin/queues';
import type { JobType } from 'bullmq';
import { createRedisConnection, type Redis, type RedisTarget } from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import {
  createFeedIndex,
  createStoryStore,
  storeKeys,
  type FeedIndex,
  type StoryStore,
} from '@bulletin/store';

export interface PipelineProbe {
  queues: PipelineQueues;
  store: StoryStore;
  index: FeedIndex;
  redis: Redis;
  /** Jobs not yet finished in any queue: waiting, active, delayed, prioritized, paused. */
  unfinished(): Promise<number>;
  /** Failed jobs in every queue. */
  failed(): Promise<number>;
  /** Resolves once every queue has been empty of unfinished jobs for two polls in a row. */
  drained(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const UNFINISHED: readonly JobType[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'paused',
  'waiting-children',
] as const;

export function probePipeline(redisUrl: RedisTarget, prefix: string): PipelineProbe {
  const log = createLogger({ level: 'silent' });
  const redis = createRedisConnection(redisUrl, { role: 'worker', name: 'probe', log });
  const queues = createPipelineQueues({ connection: redis, prefix, log, attempts: 1 });
  const keys = storeKeys(prefix);
  const sum = async (types: readonly JobType[]) => {
    let total = 0;
    for (const stage of STAGES) {
      const counts = await queues.queue(stage).getJobCounts(...types);
      total += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    return total;
  };
  const probe: PipelineProbe = {
    queues,
    store: createStoryStore(redis, keys),
    index: createFeedIndex(redis, keys),
    redis,
    unfinished: () => sum(UNFINISHED),
    failed: () => sum(['failed']),
    async drained(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let quiet = 0;
      while (quiet < 2) {
        if (Date.now() > deadline) throw new Error(`queues not drained within ${timeoutMs} ms`);
        quiet = (await probe.unfinished()) === 0 ? quiet + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await queues.close();
      redis.disconnect();
    },
  };
  return probe;
}
