import { BulletinError } from '@bulletin/errors';
import { createPipelineQueues, startWorker } from '@bulletin/queues';
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('operator');
const log = createLogger({ level: 'silent' });
afterAll(async () => {
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

async function cli(argv: string[], confirm?: (q: string) => Promise<boolean>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { REDIS_URL: TEST_REDIS_URL, BULLETIN_PREFIX: prefix },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => new Date(),
    version: '0',
    ...(confirm ? { confirm } : {}),
  };
  const code = await runCli(argv, io);
  return { code, out, err, json: () => JSON.parse(out.join('\n')) as Record<string, unknown> };
}

const payload = (text: string) => ({
  source: { id: 'test', name: 'Test' },
  receivedAt: '2014-11-18T00:00:00.000Z',
  encoding: 'utf8' as const,
  payload: text,
});

describe.skipIf(!available)('operator commands on real failed jobs', () => {
  it('lists, retries and removes failed jobs; pauses, resumes and drains', async () => {
    const connection = createRedisConnection(TEST_REDIS_URL, { role: 'worker', name: 'op', log });
    const queues = createPipelineQueues({ connection, prefix, log, attempts: 1 });
    let healed = false;
    const worker = startWorker(
      'ingest',
      async (data) => {
        if (!healed)
          throw new BulletinError('WIRE_EMPTY', `nothing in ${data.payload}`, { permanent: true });
        return { stories: [] };
      },
      { connection, queues, prefix, concurrency: 2, lockMs: 5000, maxStalls: 1, log },
    );
    try {
      await queues.add('ingest', ['a', 'b', 'c'].map(payload));
      const ingest = queues.queue('ingest');
      await expect.poll(() => ingest.getFailedCount(), { timeout: 10_000 }).toBe(3);

      const listed = await cli(['failed', 'list', 'ingest', '--json']);
      const jobs = listed.json()['jobs'] as { id: string; reason: string }[];
      expect(jobs.map((job) => job.reason).sort()).toEqual([
        'WIRE_EMPTY: nothing in a',
        'WIRE_EMPTY: nothing in b',
        'WIRE_EMPTY: nothing in c',
      ]);
      const [first, second] = jobs;
      expect((await cli(['failed', 'list'])).out.join('\n')).toContain('WIRE_EMPTY: nothing in');

      healed = true;
      expect((await cli(['failed', 'retry', 'ingest', first?.id ?? ''])).code).toBe(0);
      await expect.poll(() => ingest.getCompletedCount(), { timeout: 10_000 }).toBe(1);
      expect((await cli(['failed', 'remove', 'ingest', second?.id ?? ''])).code).toBe(0);
      expect(await ingest.getFailedCount()).toBe(1);

      const status = (await cli(['status', '--json'])).json()['queues'] as {
        queue: string;
        counts: Record<string, number>;
        perMinute: { completed: number | null };
      }[];
      const row = status.find((r) => r.queue === 'ingest');
      expect(row?.counts).toMatchObject({ failed: 1, completed: 1, waiting: 0 });
      expect(row?.perMinute.completed).toBe(1);
      expect(status.map((r) => r.queue)).toEqual(queues.all().map((q) => q.name));
      expect((await cli(['status'])).out[0]).toMatch(/^QUEUE\s+WAITING\s+ACTIVE/);

      expect((await cli(['pause', 'ingest', '--json'])).json()).toMatchObject({ paused: true });
      await queues.add('ingest', [payload('held')]);
      expect(await ingest.getWaitingCount()).toBe(1);
      const refused = await cli(['drain', 'ingest'], async () => false);
      expect(refused.code).toBe(1);
      expect(await ingest.getWaitingCount()).toBe(1);
      const asked: string[] = [];
      const drained = await cli(['drain', 'ingest'], async (q) => (asked.push(q), true));
      expect(drained.code).toBe(0);
      expect(asked[0]).toMatch(/remove 1 waiting/);
      expect(await ingest.getWaitingCount()).toBe(0);
      expect((await cli(['resume', 'ingest'])).out).toEqual(['ingest: running']);
      expect((await cli(['failed', 'list', 'nope'])).code).toBe(2);
    } finally {
      await worker.close();
      await queues.close();
      connection.disconnect();
    }
  });
});
