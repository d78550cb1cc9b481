/**
 * The Redis that bulletin uses (a private redis-server with its append-only file on) is
 * restarted twice mid-flow while bulletin keeps running: every story ends up exactly once in
 * `all` and its topic feeds, nothing left in any queue, and bulletin is still ready.
 */
import { uniquePrefix } from '@bulletin/redis/testing';
import { describe, expect, it } from 'vitest';
import { spawnApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { faultStage, redisServerPresent } from '../support/fault-stage.js';
import { buildLoad } from '../support/wire-stories.js';

const prefix = uniquePrefix('restart');

const stage = faultStage(prefix);

describe.skipIf(!redisServerPresent)('Redis restarted mid-flow', () => {
  it('loses and doubles nothing, and bulletin carries on without a restart', async () => {
    const { redis, probe } = stage;
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
