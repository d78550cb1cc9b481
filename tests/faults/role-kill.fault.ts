/**
 * One process per worker role (ingest, enrich, index), as docker-compose deploys them: each
 * role's bundled app under the image's heap bounds. While 1,000 distinct stories flow, each
 * role's process in turn is killed with SIGKILL (its whole process group) and started again:
 * every story ends up exactly once in `all` and in its topic feeds, nothing waiting, active or
 * failed.
 */
import { uniquePrefix } from '@bulletin/redis/testing';
import { describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { faultStage, redisServerPresent } from '../support/fault-stage.js';
import { buildLoad } from '../support/wire-stories.js';

const prefix = uniquePrefix('role-kill');
// Short locks: the jobs a killed process held are started again two seconds after it died.
const env = { JOB_LOCK_MS: '2000', SHUTDOWN_TIMEOUT_MS: '5000' };
const ROLES = ['ingest', 'enrich', 'index'] as const;
const running = new Map<string, RunningApp>();

// Each role's app as docker-compose runs it: its bundle, under the image's heap bounds.
const start = (role: (typeof ROLES)[number]) =>
  spawnApp(stage.redis.url, prefix, { app: role, extraEnv: env });

const stage = faultStage(prefix, () => {
  for (const app of running.values()) app.killGroup('SIGKILL');
});

describe.skipIf(!redisServerPresent)(
  'each role in its own process, killed with SIGKILL mid-flow',
  () => {
    it('publishes every story exactly once after each role was killed and started again', async () => {
      const { probe } = stage;
      const load = await buildLoad(500, 500, 'role-kill');
      for (const role of ROLES) running.set(role, await start(role));
      await probe.queues.add('ingest', load.jobs);
      const killed: string[] = [];
      for (const [index, role] of ROLES.entries()) {
        await expect
          .poll(() => probe.index.count('all'), { timeout: 60_000, interval: 20 })
          .toBeGreaterThanOrEqual(150 + index * 250);
        // Mid-flow: stories are still on their way when the process dies.
        expect(await probe.unfinished()).toBeGreaterThan(0);
        const app = running.get(role) as RunningApp;
        app.killGroup('SIGKILL');
        expect(await app.exited).toBe('SIGKILL');
        killed.push(role);
        running.set(role, await start(role));
      }
      expect(killed).toEqual(['ingest', 'enrich', 'index']);
      await probe.drained(90_000);
      expect(await tally(probe, load.ids)).toEqual(perfect(1000));
      for (const [role, app] of running) expect([role, await app.stop()]).toEqual([role, 0]);
      running.clear();
    });
  },
);
