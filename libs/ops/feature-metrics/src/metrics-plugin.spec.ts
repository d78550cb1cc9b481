import { createServer, type Socket } from 'node:net';
import { buildHttpServer, closeHttp, listenHttp } from '@bulletin/http';
import { createMetrics } from '@bulletin/metrics';
import { createPipelineQueues, type PipelineQueues } from '@bulletin/queues';
import { createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { metricsPlugin } from './index.js';

const available = await redisAvailable();
const log = createLogger({ level: 'silent' });
const prefix = uniquePrefix('metrics');
const opened: { apps: FastifyInstance[]; queues: PipelineQueues[]; redis: Redis[] } = {
  apps: [],
  queues: [],
  redis: [],
};

afterEach(async () => {
  await Promise.all(opened.apps.splice(0).map((app) => closeHttp(app, 100)));
  await Promise.all(opened.queues.splice(0).map((queues) => queues.close()));
  for (const redis of opened.redis.splice(0)) redis.disconnect();
});
afterAll(async () => {
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

async function serve(url: string) {
  const connection = createRedisConnection(url, { role: 'client', name: 'metrics-test', log });
  opened.redis.push(connection);
  const queues = createPipelineQueues({ connection, prefix, log, attempts: 1 });
  opened.queues.push(queues);
  const metrics = createMetrics();
  const plugin = metricsPlugin({ metrics, queues: queues.all(), countsTimeoutMs: 500, log });
  const app = await buildHttpServer({
    plugins: [plugin],
    readiness: async () => ({ ready: true, checks: {} }),
    log,
  });
  opened.apps.push(app);
  return { queues, metrics, base: await listenHttp(app, { host: '127.0.0.1', port: 0 }) };
}

describe.skipIf(!available)('GET /metrics', () => {
  it('serves every queue count from Redis, job series and process metrics', async () => {
    const { queues, metrics, base } = await serve(TEST_REDIS_URL);
    const source = { id: 's', name: 'S' };
    const job = { source, receivedAt: '2014-11-18T00:00:00.000Z', encoding: 'utf8' as const };
    await queues.add('ingest', [
      { ...job, payload: 'a' },
      { ...job, payload: 'b' },
    ]);
    metrics.jobDuration.observe({ queue: 'ingest', status: 'completed' }, 0.2);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('bulletin_queue_jobs{queue="ingest",state="waiting"} 2');
    expect(text).toContain('bulletin_queue_jobs{queue="publish",state="failed"} 0');
    expect(text).toContain('bulletin_queue_counts_ok 1');
    expect(text).toContain(
      'bulletin_job_duration_seconds_bucket{le="0.25",queue="ingest",status="completed"} 1',
    );
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('answers within its bound when Redis does not, saying the counts are missing', async () => {
    // A "Redis" that takes the connection and never says a word: the hang a scrape must survive.
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const { base } = await serve(`redis://127.0.0.1:${port}`);
      const started = Date.now();
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(text).toContain('bulletin_queue_counts_ok 0');
    } finally {
      // Closed while the silent server still holds them, so nothing reconnects to a closed port.
      await Promise.all(opened.apps.splice(0).map((app) => closeHttp(app, 100)));
      for (const redis of opened.redis.splice(0)) redis.disconnect();
      await Promise.all(opened.queues.splice(0).map((queues) => queues.close()));
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
