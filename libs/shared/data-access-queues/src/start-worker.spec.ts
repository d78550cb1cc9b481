import type { IngestJobData } from '@bulletin/contracts';
import { BulletinError } from '@bulletin/errors';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { makeStory } from '@bulletin/story/testing';
import type { Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPipelineQueues,
  startWorker,
  type JobSettled,
  type PipelineQueues,
} from './index.js';

const available = await redisAvailable();
const log = createLogger({ level: 'silent' });
const prefixes: string[] = [];
const open: { workers: Worker[]; queues: PipelineQueues[] } = { workers: [], queues: [] };
let connection: Redis;

beforeAll(() => {
  if (available)
    connection = createRedisConnection(TEST_REDIS_URL, { role: 'worker', name: 'q', log });
});
afterEach(async () => {
  await Promise.all(open.workers.splice(0).map((worker) => worker.close()));
  await Promise.all(open.queues.splice(0).map((queues) => queues.close()));
});
afterAll(async () => {
  if (!available) return;
  for (const prefix of prefixes) await deleteKeys(TEST_REDIS_URL, prefix);
  connection.disconnect();
});

function setUp() {
  const prefix = uniquePrefix('queues');
  prefixes.push(prefix);
  const queues = createPipelineQueues({ connection, prefix, log, attempts: 3 });
  open.queues.push(queues);
  const options = { connection, queues, prefix, concurrency: 2, lockMs: 5000, maxStalls: 2, log };
  return { queues, options };
}

const payload = (text: string): IngestJobData => ({
  source: { id: 'test', name: 'Test' },
  receivedAt: '2014-11-18T00:00:00.000Z',
  encoding: 'utf8',
  payload: text,
});

describe.skipIf(!available)('startWorker on real BullMQ queues', () => {
  it('runs jobs, fails bad input at once with its code, retries transient errors', async () => {
    const { queues, options } = setUp();
    const seen: string[] = [];
    let flaky = 0;
    open.workers.push(
      startWorker(
        'ingest',
        async (data) => {
          if (data.payload === 'bad')
            throw new BulletinError('WIRE_EMPTY', 'nothing in it', { permanent: true });
          if (data.payload === 'flaky' && flaky++ === 0) throw new Error('redis hiccup');
          seen.push(data.payload);
        },
        options,
      ),
    );
    await queues.add('ingest', ['good', 'bad', 'flaky'].map(payload));
    const ingest = queues.queue('ingest');
    await expect
      .poll(() => ingest.getJobCounts('completed', 'failed'), { timeout: 15_000 })
      .toEqual({ completed: 2, failed: 1 });
    const [failed] = await ingest.getFailed();
    expect(failed?.failedReason).toBe('WIRE_EMPTY: nothing in it');
    expect(failed?.attemptsMade).toBe(1);
    expect(seen.sort()).toEqual(['flaky', 'good']);
  });

  it('fails data of the wrong shape at the boundary, naming the field', async () => {
    const { queues, options } = setUp();
    open.workers.push(startWorker('ingest', async () => undefined, options));
    const ingest = queues.queue('ingest');
    await ingest.add('ingest-payload', { ...payload('x'), encoding: 'utf16' } as never);
    await expect
      .poll(() => ingest.getJobCounts('failed'), { timeout: 10_000 })
      .toEqual({ failed: 1 });
    expect((await ingest.getFailed())[0]?.failedReason).toMatch(
      /^STORY_INVALID: ingest job data is invalid: encoding/,
    );
  });

  it('hands off under deterministic ids, so a repeated hand-off adds nothing', async () => {
    const { queues, options } = setUp();
    const story = makeStory('hand-off');
    open.workers.push(
      startWorker(
        'ingest',
        async (_data, context) => {
          await context.handOff([{ story }]);
          await context.handOff([{ story }]);
        },
        options,
      ),
    );
    await queues.add('ingest', [payload('one'), payload('two')]);
    const enrich = queues.queue('enrich');
    await expect
      .poll(() => queues.queue('ingest').getJobCounts('completed'), { timeout: 10_000 })
      .toEqual({ completed: 2 });
    expect((await enrich.getJobCounts('waiting')).waiting).toBe(1);
    expect((await enrich.getJob(`${story.id}-${story.contentHash}`))?.data.story.headline).toBe(
      story.headline,
    );
  });

  it('tells of every try that ends, with its result, for metrics', async () => {
    const { queues, options } = setUp();
    const settled: JobSettled[] = [];
    let tries = 0;
    open.workers.push(
      startWorker(
        'ingest',
        async (data) => {
          if (data.payload === 'flaky' && tries++ === 0) throw new Error('once');
          if (data.payload === 'bad') throw new BulletinError('X', 'no', { permanent: true });
          return { stories: [data.payload] };
        },
        { ...options, onSettled: (event) => settled.push(event) },
      ),
    );
    await queues.add('ingest', ['good', 'flaky', 'bad'].map(payload));
    await expect.poll(() => settled.length, { timeout: 15_000 }).toBe(4);
    const seen = settled.map((s) => `${s.status}:${(s.data as IngestJobData).payload}`).sort();
    expect(seen).toEqual(['completed:flaky', 'completed:good', 'failed:bad', 'retried:flaky']);
    const good = settled.find((s) => (s.data as IngestJobData).payload === 'good');
    expect(good).toMatchObject({ stage: 'ingest', queue: 'ingest', result: { stories: ['good'] } });
    expect(good?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('runs a stage again later as a delayed job of its own', async () => {
    const { queues, options } = setUp();
    const story = makeStory('later');
    const runs: number[] = [];
    open.workers.push(
      startWorker(
        'publish',
        async (data, context) => {
          runs.push(Date.now());
          if (runs.length === 1) await context.later(data, Date.now() + 300);
        },
        options,
      ),
    );
    await queues.add('publish', [{ story }]);
    await expect.poll(() => runs.length, { timeout: 10_000 }).toBe(2);
    expect((runs[1] ?? 0) - (runs[0] ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('gives an abort signal to a cancellable stage only, and aborts it on cancel', async () => {
    const { queues, options } = setUp();
    const signals = new Map<string, AbortSignal | 'none'>();
    const aborted = new Promise<void>((resolve) => {
      open.workers.push(
        startWorker(
          'poll',
          (_data, context) => {
            signals.set('poll', context.signal ?? 'none');
            return new Promise((_done, fail) => {
              context.signal?.addEventListener('abort', () => {
                resolve();
                fail(new Error('cancelled'));
              });
            });
          },
          options,
        ),
      );
    });
    open.workers.push(
      startWorker(
        'ingest',
        async (_data, context) => void signals.set('ingest', context.signal ?? 'none'),
        options,
      ),
    );
    await queues.add('ingest', [payload('x')]);
    await queues.add('poll', [{ sourceId: 'wire' }]);
    await expect.poll(() => signals.size, { timeout: 10_000 }).toBe(2);
    expect(signals.get('ingest')).toBe('none');
    expect(signals.get('poll')).toBeInstanceOf(AbortSignal);
    const [active] = await queues.queue('poll').getJobs(['active']);
    open.workers[0]?.cancelJob(active?.id ?? '');
    await aborted;
  });
});
