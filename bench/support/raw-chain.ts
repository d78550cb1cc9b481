/**
 * The baseline: three BullMQ stages that do nothing but hand the same payload on, with the
 * same connections, concurrency and job options as the pipeline.
 */
import { DEFAULT_JOB_OPTIONS } from '@bulletin/queues';
import { closeRedis, createRedisConnection } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import { Queue, Worker } from 'bullmq';
import type { BenchSystem } from './system.js';

interface RawJob {
  index: number;
  payload: string;
}

export function startRawChain(
  redisUrl: string,
  prefix: string,
  payloads: readonly string[],
  concurrency: number,
  log: Logger,
): BenchSystem {
  const workerConnection = createRedisConnection(redisUrl, { role: 'worker', name: 'raw-w', log });
  const producerConnection = createRedisConnection(redisUrl, {
    role: 'producer',
    name: 'raw-p',
    log,
  });
  const queues = ['raw-1', 'raw-2', 'raw-3'].map(
    (name) =>
      new Queue<RawJob>(name, {
        connection: producerConnection,
        prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
  );
  const listeners: ((index: number) => void)[] = [];
  let done = 0;
  const workers = queues.map((queue, stage) => {
    const next = queues[stage + 1];
    return new Worker<RawJob>(
      queue.name,
      async (job) => {
        if (next) await next.add('hand-on', job.data);
        else {
          done += 1;
          for (const listener of listeners) listener(job.data.index);
        }
      },
      { connection: workerConnection, prefix, concurrency },
    );
  });
  return {
    async submit(indexes) {
      await queues[0]?.addBulk(
        indexes.map((index) => ({ name: 'raw', data: { index, payload: payloads[index] ?? '' } })),
      );
    },
    onDone: async (listener) => void listeners.push(listener),
    countDone: async () => done,
    async stop() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(queues.map((queue) => queue.close()));
      await closeRedis(workerConnection);
      await closeRedis(producerConnection);
    },
  };
}
