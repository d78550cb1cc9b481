/**
 * SIGKILL of the whole process group of a running `bulletin start`, several times while 1,000
 * distinct stories flow through it (a 500-item RSS document among them), each time started
 * again: every story ends up exactly once in `all` and in its topic feeds, nothing waiting,
 * active or failed.
 */
import { uniquePrefix } from '@bulletin/redis/testing';
import { describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { faultStage, redisServerPresent } from '../support/fault-stage.js';
import { buildLoad } from '../support/wire-stories.js';

const prefix = uniquePrefix('kill');
// Short locks: the jobs a killed process held are started again two seconds after it died.
const env = { JOB_LOCK_MS: '2000', SHUTDOWN_TIMEOUT_MS: '5000' };

const stage = faultStage(prefix);

describe.skipIf(!redisServerPresent)('killed with SIGKILL mid-flow', () => {
  it('publishes every story exactly once after three kills and restarts', async () => {
    const { redis, probe } = stage;
    const load = await buildLoad(500, 500, 'kill');
    let app: RunningApp = await spawnApp(redis.url, prefix, { extraEnv: env });
    await probe.queues.add('ingest', load.jobs);
    let kills = 0;
    for (const published of [150, 400, 700]) {
      await expect
        .poll(() => probe.index.count('all'), { timeout: 60_000, interval: 20 })
        .toBeGreaterThanOrEqual(published);
      if ((await probe.unfinished()) === 0) break;
      app.killGroup('SIGKILL');
      expect(await app.exited).toBe('SIGKILL');
      kills += 1;
      app = await spawnApp(redis.url, prefix, { extraEnv: env });
    }
    expect(kills).toBe(3);
    await probe.drained(90_000);
    expect(await tally(probe, load.ids)).toEqual(perfect(1000));
    expect(await app.stop()).toBe(0);
  });
});
