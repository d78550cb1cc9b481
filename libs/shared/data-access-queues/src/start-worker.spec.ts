import { parseIngestJob, QUEUES, type IngestJobData } from '@bulletin/contracts';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { BulletinError } from '@bulletin/errors';
import { Queue, type Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducers, startWorker } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('queues');
const log = createLogger({ level: 'silent' });
let workerConnection: Redis;
let producerConnection: Redis;
const workers: Worker[] = [];

const job = (payload: string): IngestJobData => ({
  source: { id: 'test', name: 'Test' },
  receivedAt: '2014-11-18T00:00:00.000Z',
  encoding: 'utf8',
  payload,
});

beforeAll(() => {
  if (!available) return;
  workerConnection = createRedisConnection(TEST_REDIS_URL, { role: 'worker', name: 'w', log });
  producerConnection = createRedisConnection(TEST_REDIS_URL, { role: 'producer', name: 'p', log });
});
afterAll(async () => {
  if (!available) return;
  await Promise.all(workers.map((worker) => worker.close()));
  await deleteKeys(TEST_REDIS_URL, prefix);
  workerConnection.disconnect();
  producerConnection.disconnect();
});

describe.skipIf(!available)('startWorker on real BullMQ queues', () => {
  it('runs jobs, fails bad input at once with its code, and retries transient errors', async () => {
    const seen: string[] = [];
    let flaky = 0;
    workers.push(
      startWorker({
        queue: QUEUES.ingest,
        connection: workerConnection,
        prefix,
        concurrency: 2,
        log,
        parse: parseIngestJob,
        async process(data) {
          if (data.payload === 'bad')
            throw new BulletinError('WIRE_EMPTY', 'nothing in it', { permanent: true });
          if (data.payload === 'flaky' && flaky++ === 0) throw new Error('redis hiccup');
          seen.push(data.payload);
          return data.payload.length;
        },
      }),
    );
    const producers = createProducers({ connection: producerConnection, prefix, log });
    const ids = await Promise.all(['good', 'bad', 'flaky'].map((p) => producers.ingest(job(p))));
    const queue = new Queue(QUEUES.ingest, { connection: producerConnection, prefix });
    await expect
      .poll(async () => await queue.getJobCounts('completed', 'failed'), { timeout: 10_000 })
      .toEqual({ completed: 2, failed: 1 });
    const failed = await queue.getJob(ids[1] ?? '');
    expect(failed?.failedReason).toBe('WIRE_EMPTY: nothing in it');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.data.payload).toBe('bad');
    expect(seen.sort()).toEqual(['flaky', 'good']);
    await producers.close();
    await queue.close();
  });
});
