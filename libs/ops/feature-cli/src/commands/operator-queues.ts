import { loadConfig } from '@bulletin/config';
import { ALL_STAGES, PIPELINE, type StageName } from '@bulletin/contracts';
import { createPipelineQueues } from '@bulletin/queues';
import { closeRedis, createRedisConnection } from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import type { Queue } from 'bullmq';
import type { CliIo } from '../cli-io.js';

/** The operator commands' hold on the queues: a fail-fast connection, closed by `close`. */
export interface OperatorQueues {
  /** The named queue, or every queue when `name` is undefined. @throws RangeError if unknown */
  pick(name: string | undefined): Queue[];
  close(): Promise<void>;
}

const QUEUE_NAMES = ALL_STAGES.map((stage) => PIPELINE[stage].queue);

/** Opens the pipeline's queues as the configuration names them, on a fail-fast connection. */
export function openOperatorQueues(io: CliIo): OperatorQueues {
  const config = loadConfig(io.env);
  const log = createLogger({ level: 'error' });
  const connection = createRedisConnection(config.redis, {
    role: 'client',
    name: `${config.prefix}:operator`,
    log,
  });
  const queues = createPipelineQueues({
    connection,
    prefix: config.prefix,
    log,
    attempts: config.workers.jobAttempts,
  });
  return {
    pick(name) {
      if (name === undefined) return queues.all();
      const stage = ALL_STAGES.find((s) => PIPELINE[s].queue === name) as StageName | undefined;
      if (stage === undefined) {
        throw new RangeError(`unknown queue "${name}"; the queues are ${QUEUE_NAMES.join(', ')}`);
      }
      return [queues.queue(stage) as unknown as Queue];
    },
    async close() {
      await queues.close();
      await closeRedis(connection);
    },
  };
}

/** Runs `body` on the queues, closing them after; an unknown queue is a usage error (2). */
export async function withQueues(
  io: CliIo,
  body: (queues: OperatorQueues) => Promise<number>,
): Promise<number> {
  const queues = openOperatorQueues(io);
  try {
    return await body(queues);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.stderr(`bulletin: ${error.message}`);
    return 2;
  } finally {
    await queues.close();
  }
}
