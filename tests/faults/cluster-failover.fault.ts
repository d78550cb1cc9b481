/**
 * bulletin on a Redis Cluster of three masters, each with a replica, while 1,000 distinct
 * stories flow: two masters in turn are failed over to their replicas (`CLUSTER FAILOVER`, as an
 * operator moves a master off a machine) without restarting bulletin. Every story ends up
 * exactly once in `all` and its topic feeds, nothing waiting, active or failed, and bulletin is
 * still ready.
 */
import { redisServerInstalled, uniquePrefix } from '@bulletin/redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';
import { startTestRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';
import { buildLoad } from '../support/wire-stories.js';

const installed = redisServerInstalled();
const prefix = uniquePrefix('failover');
let cluster: TestRedisCluster | undefined;
let probe: PipelineProbe | undefined;
let app: RunningApp | undefined;

beforeAll(async () => {
  if (!installed) return;
  cluster = await startTestRedisCluster(3, 1);
  probe = probePipeline(cluster.target, prefix);
}, 60_000);
afterAll(async () => {
  if (app && app.child.exitCode === null) await app.stop();
  await probe?.close();
  await cluster?.stop();
});

describe.skipIf(!installed)('a Redis Cluster master failed over mid-flow', () => {
  it('loses and doubles nothing, and bulletin carries on without a restart', async () => {
    const [c, p] = [cluster as TestRedisCluster, probe as PipelineProbe];
    const load = await buildLoad(500, 500, 'failover');
    app = await spawnApp(c.target.url, prefix, {
      extraEnv: { REDIS_CLUSTER_NODES: c.nodes, JOB_LOCK_MS: '3000' },
    });
    await p.queues.add('ingest', load.jobs);
    const promoted: number[] = [];
    for (const [turn, published] of [150, 500].entries()) {
      await expect
        .poll(() => p.index.count('all'), { timeout: 60_000, interval: 20 })
        .toBeGreaterThanOrEqual(published);
      expect(await p.unfinished()).toBeGreaterThan(0);
      const master = c.ports[turn] as number;
      // A master that holds part of the pipeline: its queues or its stories move.
      expect(await c.node(master).dbsize()).toBeGreaterThan(0);
      promoted.push(await c.failover(master));
      expect(await c.node(master).info('replication')).toContain('role:slave');
    }
    expect(new Set(promoted).size).toBe(2);
    await p.drained(120_000);
    expect(await tally(p, load.ids)).toEqual(perfect(1000));
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
    expect(await app.stop()).toBe(0);
  });
});
