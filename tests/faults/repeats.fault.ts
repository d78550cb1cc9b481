/**
 * The same 500 stories delivered three times, shuffled, by three producers at once, and parsed
 * by two ingest processes side by side (a third process runs the other roles): every story is
 * published exactly once, at version 1, in exactly its topic feeds, and both ingest processes
 * did part of the work.
 */
import { uniquePrefix } from '@bulletin/redis/testing';
import { describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { faultStage, redisServerPresent } from '../support/fault-stage.js';
import { buildLoad } from '../support/wire-stories.js';

const prefix = uniquePrefix('repeats');
const START = ['apps/cli/bin/bulletin.mjs', 'start', '--roles'];
const apps: RunningApp[] = [];

/** A seeded Fisher–Yates shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const stage = faultStage(prefix, async () => {
  for (const app of apps) if (app.child.exitCode === null) await app.stop();
});

describe.skipIf(!redisServerPresent)(
  'the same stories, three times over, through two ingest processes',
  () => {
    it('publishes each story once', async () => {
      const { redis, probe } = stage;
      const load = await buildLoad(500, 0, 'repeat');
      const env = { INGEST_CONCURRENCY: '4' };
      apps.push(await spawnApp(redis.url, prefix, { args: [...START, 'ingest'], extraEnv: env }));
      apps.push(await spawnApp(redis.url, prefix, { args: [...START, 'ingest'], extraEnv: env }));
      apps.push(
        await spawnApp(redis.url, prefix, { args: [...START, 'enrich,index,http'], extraEnv: env }),
      );
      const deliveries = [1, 2, 3].map((seed) => shuffled(load.jobs, seed));
      // Three producers at once, each in batches, so copies of a story race each other.
      await Promise.all(
        deliveries.map(async (jobs) => {
          for (let i = 0; i < jobs.length; i += 50)
            await probe.queues.add('ingest', jobs.slice(i, i + 50));
        }),
      );
      await probe.drained(120_000);
      expect(await tally(probe, load.ids)).toEqual(perfect(500));
      const ingested = await probe.queues.queue('ingest').getJobs(['completed'], 0, -1);
      const workers = new Set(ingested.map((job) => job.processedBy?.split(':').at(-1)));
      expect(workers).toEqual(new Set(apps.slice(0, 2).map((app) => String(app.child.pid))));
      for (const app of apps.splice(0)) expect(await app.stop()).toBe(0);
    });
  },
);
