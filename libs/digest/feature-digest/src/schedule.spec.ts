import { loadConfig } from '@bulletin/config';
import type { DigestJobData } from '@bulletin/contracts';
import type { Platform } from '@bulletin/platform';
import { queuePrefix } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { digestRole, scheduleEditions, slotOf } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('digest-schedule');
afterAll(async () => {
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

describe('the digest role', () => {
  it('refuses to start outside development without a token secret', async () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    const platform = { config } as unknown as Platform;
    await expect(digestRole.start(platform)).rejects.toThrow(
      /DIGEST_TOKEN_SECRET must be set outside development/,
    );
  });

  it('reads a scheduled job’s slot from its id', () => {
    expect(slotOf('repeat:edition-daily:1796281200000', new Date(0)).toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
    expect(slotOf('42', new Date(5)).getTime()).toBe(5);
  });
});

describe.skipIf(!available)('the editions’ job schedulers', () => {
  it('are one per edition however many instances upsert them, at 07:00 London across DST', async () => {
    const queues = [0, 1, 2].map(
      () =>
        new Queue<DigestJobData>('digest', {
          connection: { url: TEST_REDIS_URL } as never,
          prefix: queuePrefix(prefix, 'digest'),
        }),
    );
    const editions = loadConfig({}).digest.editions;
    await Promise.all(queues.map((queue) => scheduleEditions(queue, editions)));
    const schedulers = await queues[0]!.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['edition-daily', '0 7 * * *', 'Europe/London'],
      ['edition-weekly', '0 7 * * 1', 'Europe/London'],
    ]);
    const next = new Date(schedulers.find((s) => s.key === 'edition-daily')!.next!);
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(next);
    expect(hour).toBe('07');
    expect(await queues[0]!.getDelayedCount()).toBe(2);
    await scheduleEditions(queues[1]!, editions.slice(0, 1));
    expect((await queues[0]!.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['edition-daily']);
    await Promise.all(queues.map((queue) => queue.close()));
  });
});
