/**
 * One stage of the raw chain as a process of its own (`node --import tsx raw-stage.ts STAGE
 * PREFIX CONCURRENCY`), laid out as a bulletin role process is: it hands the same payload on.
 */
import { jobOptions } from '@bulletin/queues';
import { createRedisConnection, queuePrefix } from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import { Queue, Worker } from 'bullmq';

const [stage = '1', prefix = 'bench', concurrency = '8'] = process.argv.slice(2);
const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const log = createLogger({ level: 'warn' });
const connection = createRedisConnection(url, { role: 'worker', name: `raw-${stage}`, log });
const name = `raw-${stage}`;
const nextName = `raw-${Number(stage) + 1}`;
const next =
  stage === '3'
    ? undefined
    : new Queue(nextName, {
        connection,
        prefix: queuePrefix(prefix, nextName),
        defaultJobOptions: jobOptions({ attempts: 8 }),
      });
const worker = new Worker(
  name,
  async (job) => {
    if (next) await next.add('hand-on', job.data);
  },
  { connection, prefix: queuePrefix(prefix, name), concurrency: Number(concurrency) },
);
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
