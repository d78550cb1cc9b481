import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPipelineQueues, startWorker, type PipelineQueues } from '@bulletin/queues';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import type { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { processNotify } from '../index.js';

const available = await redisAvailable();
const log = createLogger({ level: 'silent' });
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** A WebSub hub played by a real HTTP server: answers with `statuses` in turn, then 204. */
async function startHub(statuses: number[]): Promise<{ url: string; pings: URLSearchParams[] }> {
  const pings: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      pings.push(new URLSearchParams(body));
      response.writeHead(statuses.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`, pings };
}

const topicUrls = (feed: string) =>
  ['rss', 'atom', 'json'].map((f) => `http://news.test/feeds/${feed}.${f}`);

async function notifyWorker(hub: string): Promise<{ queues: PipelineQueues }> {
  const prefix = uniquePrefix('websub');
  const connection: Redis = createRedisConnection(TEST_REDIS_URL, {
    role: 'worker',
    name: 'websub',
    log,
  });
  const queues = createPipelineQueues({ connection, prefix, log, attempts: 4 });
  const worker: Worker = startWorker(
    'notify',
    (data, context) => processNotify(data, context, { hubs: [hub], topicUrls, timeoutMs: 2000 }),
    { connection, queues, prefix, concurrency: 2, lockMs: 5000, maxStalls: 1, log },
  );
  cleanup.push(async () => {
    await worker.close();
    await queues.close();
    await deleteKeys(TEST_REDIS_URL, prefix);
    connection.disconnect();
  });
  return { queues };
}

describe.skipIf(!available)('WebSub notifications through a queue', () => {
  it('pings the hub for every document of a changed feed, retrying a hub that is down', async () => {
    const hub = await startHub([503]);
    const { queues } = await notifyWorker(hub.url);
    const notify = queues.queue('notify');
    // A burst for one feed is one notification.
    for (let i = 0; i < 10; i += 1) {
      await queues.add('notify', [{ feed: 'topics/housing' }], {
        dedupe: { ms: 5000, id: ({ feed }) => feed },
      });
    }
    await expect
      .poll(() => notify.getJobCounts('completed'), { timeout: 15_000 })
      .toEqual({ completed: 1 });
    const delivered = hub.pings.map((ping) => [ping.get('hub.mode'), ping.get('hub.url')]);
    expect(delivered).toEqual(
      expect.arrayContaining(topicUrls('topics/housing').map((url) => ['publish', url])),
    );
    expect(hub.pings.length).toBeGreaterThan(3);
  });

  it('gives up at once on a hub that refuses, with the reason', async () => {
    const hub = await startHub([404, 404, 404]);
    const { queues } = await notifyWorker(hub.url);
    await queues.add('notify', [{ feed: 'all' }]);
    const notify = queues.queue('notify');
    await expect
      .poll(() => notify.getJobCounts('failed'), { timeout: 10_000 })
      .toEqual({ failed: 1 });
    const [failed] = await notify.getFailed();
    expect(failed?.failedReason).toMatch(
      /^WEBSUB_REFUSED: hub http:\/\/127\.0\.0\.1:\d+\/hub refused .* with 404$/,
    );
    expect(failed?.attemptsMade).toBe(1);
  });
});
