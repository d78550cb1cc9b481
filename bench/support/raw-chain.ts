/**
 * The baseline: three BullMQ stages that do nothing but hand the same payload on, laid out as
 * the pipeline is: hash-tagged queue prefixes, one patient connection for workers and their
 * hand-offs, the same concurrency and job options.
 */
import { jobOptions } from '@bulletin/queues';
import { closeRedis, createRedisConnection, queuePrefix } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import { Queue, QueueEvents, Worker } from 'bullmq';
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
  const connection = createRedisConnection(redisUrl, { role: 'worker', name: 'raw', log });
  const names = ['raw-1', 'raw-2', 'raw-3'];
  const queues = names.map(
    (name) =>
      new Queue<RawJob>(name, {
        connection,
        prefix: queuePrefix(prefix, name),
        defaultJobOptions: jobOptions({ attempts: 8 }),
      }),
  );
  let done = 0;
  let events: QueueEvents | undefined;
  const workers = queues.map((queue, stage) => {
    const next = queues[stage + 1];
    return new Worker<RawJob>(
      queue.name,
      async (job) => {
        if (next) {
          await next.add('hand-on', job.data);
          return undefined;
        }
        done += 1;
        return job.data.index;
      },
      { connection, prefix: queuePrefix(prefix, queue.name), concurrency },
    );
  });
  return {
    async submit(indexes) {
      await queues[0]?.addBulk(
        indexes.map((index) => ({ name: 'raw', data: { index, payload: payloads[index] ?? '' } })),
      );
    },
    // Done as the pipeline's is: the last stage's job completed, heard through its events.
    async onDone(listener) {
      const last = names[2] as string;
      events = new QueueEvents(last, {
        connection: { url: redisUrl },
        prefix: queuePrefix(prefix, last),
      });
      events.on('completed', ({ returnvalue }) => listener(Number(returnvalue)));
      await events.waitUntilReady();
    },
    countDone: async () => done,
    async stop() {
      await events?.close();
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(queues.map((queue) => queue.close()));
      await closeRedis(connection);
    },
  };
}
