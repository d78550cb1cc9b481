/**
 * bulletin on a Redis Cluster of three masters, each with a replica, while 2,000 distinct
 * stories flow: two masters in turn are failed over to their replicas (`CLUSTER FAILOVER`, as an
 * operator moves a master off a machine) without restarting bulletin. Every story ends up
 * exactly once in `all` and its topic feeds, nothing waiting, active or failed, and bulletin is
 * still ready.
 */
import { redisServerInstalled } from '@bulletin/redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';
import { startTestRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';
import { buildLoad } from '../support/wire-stories.js';

const installed = redisServerInstalled();
// The cluster is this file's own, so the default prefix: its keys sit where a default
// deployment's do.
const prefix = 'bulletin';
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
    // 2,000 stories: enough that work is still in flight after the first failover.
    const load = await buildLoad(1500, 500, 'failover');
    app = await spawnApp(c.target.url, prefix, {
      extraEnv: { REDIS_CLUSTER_NODES: c.nodes, JOB_LOCK_MS: '3000' },
    });
    await p.queues.add('ingest', load.jobs);
    const masters = [...c.ports];
    const promoted: number[] = [];
    const took: number[] = [];
    for (const published of [200, 700]) {
      await expect
        .poll(() => p.index.count('all'), { timeout: 60_000, interval: 20 })
        .toBeGreaterThanOrEqual(published);
      expect(await p.unfinished()).toBeGreaterThan(0);
      // Of the masters not yet moved, the one holding the most of the pipeline's keys.
      const sizes = await Promise.all(masters.map((port) => c.node(port).dbsize()));
      const most = sizes.indexOf(Math.max(...sizes));
      const [master] = masters.splice(most, 1) as [number];
      expect(sizes[most]).toBeGreaterThan(0);
      const started = Date.now();
      promoted.push(await c.failover(master));
      took.push(Date.now() - started);
      expect(await c.node(master).info('replication')).toContain('role:slave');
    }
    expect(new Set(promoted).size).toBe(2);
    console.log(`cluster failover: masters moved in ${took.join(' and ')} ms`);
    await p.drained(120_000);
    expect(await tally(p, load.ids)).toEqual(perfect(2000));
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
    expect(await app.stop()).toBe(0);
  });
});
