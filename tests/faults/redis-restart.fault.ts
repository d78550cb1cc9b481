/**
 * The Redis that bulletin uses (a private redis-server with its append-only file on) is
 * restarted twice mid-flow while bulletin keeps running: every story ends up exactly once in
 * `all` and its topic feeds, nothing left in any queue, and bulletin is still ready.
 */
import { redisServerInstalled, uniquePrefix } from '@bulletin/redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { buildLoad } from '../support/wire-stories.js';

const installed = redisServerInstalled();
const prefix = uniquePrefix('restart');
let redis: TestRedis;
let probe: PipelineProbe;

beforeAll(async () => {
  if (!installed) return;
  redis = await startTestRedis();
  probe = probePipeline(redis.url, prefix);
});
afterAll(async () => {
  if (!installed) return;
  await probe.close();
  await redis.stop();
});

describe.skipIf(!installed)('Redis restarted mid-flow', () => {
  it('loses and doubles nothing, and bulletin carries on without a restart', async () => {
    const load = await buildLoad(500, 500, 'restart');
    const app = await spawnApp(redis.url, prefix, { extraEnv: { JOB_LOCK_MS: '3000' } });
    await probe.queues.add('ingest', load.jobs);
    for (const published of [150, 500]) {
      await expect
        .poll(() => probe.index.count('all'), { timeout: 60_000, interval: 20 })
        .toBeGreaterThanOrEqual(published);
      await redis.restart(1000);
    }
    await probe.drained(90_000);
    expect(await tally(probe, load.ids)).toEqual(perfect(1000));
    expect(app.child.exitCode).toBeNull();
    await expect
      .poll(async () => (await fetch(`${app.baseUrl}/readyz`)).status, { timeout: 10_000 })
      .toBe(200);
    expect(await app.stop()).toBe(0);
  });
});
