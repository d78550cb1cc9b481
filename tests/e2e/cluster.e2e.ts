/**
 * bulletin on a real Redis Cluster: three masters started here, every role of `bulletin start`
 * against them, the example story carried from the CLI to both topic feeds and `all`, and the
 * queues' keys spread over more than one master.
 */
import { ALL_STAGES, PIPELINE } from '@bulletin/contracts';
import { createPipelineQueues } from '@bulletin/queues';
import { closeRedis, createRedisConnection, queuePrefix } from '@bulletin/redis';
import { redisServerInstalled } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import {
  createDeliveryLedger,
  createSubscriberStore,
  type RunReport,
  type Subscriber,
} from '@bulletin/subscribers';
import { fixturePath, SEED_FIXTURE } from '@bulletin/wire/testing';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, freePort, runCli, spawnApp, type RunningApp } from '../support/app-process.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';
import { startTestRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';

// Skips loudly without redis-server; fails in CI.
const installed = redisServerInstalled();
// The cluster is this file's own, so the default prefix: its queues' slots are what a default
// deployment gets.
const prefix = 'bulletin';
const HEADLINE = 'Circumstances that led to Rotherham child abuse exist in other councils';
const parser = new Parser();
const log = createLogger({ level: 'silent' });
let cluster: TestRedisCluster | undefined;
let app: RunningApp | undefined;
let probe: PipelineProbe | undefined;

beforeAll(async () => {
  if (!installed) return;
  cluster = await startTestRedisCluster(3);
  app = await spawnApp(cluster.target.url, prefix, {
    extraEnv: { REDIS_CLUSTER_NODES: cluster.nodes },
  });
  probe = probePipeline(cluster.target, prefix);
}, 90_000);
afterAll(async () => {
  await probe?.close();
  if (app !== undefined && app.child.exitCode === null) await app.stop();
  await cluster?.stop();
});

async function feedTitles(path: string): Promise<string[]> {
  const response = await fetch(`${(app as RunningApp).baseUrl}${path}`);
  expect(response.status).toBe(200);
  return (await parser.parseString(await response.text())).items.map((item) => item.title ?? '');
}

/** The queue (by its hash tag) of each key a master holds under this run's prefix. */
async function queuesOn(port: number): Promise<Set<string>> {
  const redis = (cluster as TestRedisCluster).node(port);
  const tags = new Map(ALL_STAGES.map((s) => [queuePrefix(prefix, PIPELINE[s].queue), s] as const));
  const found = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      for (const [tag, stage] of tags) if (key.startsWith(`${tag}:`)) found.add(stage);
    }
  } while (cursor !== '0');
  return found;
}

describe.skipIf(!installed)('bulletin on a three-master Redis Cluster', () => {
  it('carries the example story from the CLI to both topic feeds and all', async () => {
    const { baseUrl, env } = app as RunningApp;
    const feeds = ['topics/child-protection', 'topics/local-government', 'all'];
    // Read (and so cached) empty first: they can show the story within the wait below only
    // because the store's change announcement reached the HTTP role's subscriber through the
    // cluster (the cache's own safety check waits 30 s).
    for (const feed of feeds)
      expect([feed, await feedTitles(`/feeds/${feed}.rss`)]).toEqual([feed, []]);
    const run = await runCli(['ingest', fixturePath(SEED_FIXTURE)], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await (probe as PipelineProbe).drained();
    expect(await (probe as PipelineProbe).failed()).toBe(0);
    for (const feed of feeds) {
      const titles = await eventually(async () => {
        const seen = await feedTitles(`/feeds/${feed}.rss`);
        return seen.length > 0 ? seen : undefined;
      });
      expect([feed, titles]).toEqual([feed, [HEADLINE]]);
    }
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  });

  it('closes its queues at once without an unheard error, however early', async () => {
    // A one-shot command adds its jobs and closes while its queues' starts are still in
    // flight; BullMQ's unheard "Connection is closed" once ended such a process.
    const unheard: unknown[] = [];
    const record = (error: unknown) => unheard.push(error);
    process.on('uncaughtException', record).on('unhandledRejection', record);
    try {
      for (let i = 0; i < 30; i += 1) {
        const connection = createRedisConnection((cluster as TestRedisCluster).target, {
          role: 'client',
          name: 'cluster-close',
          log,
        });
        const queues = createPipelineQueues({
          connection,
          prefix: 'cluster-close',
          log,
          attempts: 1,
        });
        await queues.add('ingest', [
          {
            source: { id: 'close', name: 'Close' },
            receivedAt: '2014-11-18T00:00:00Z',
            encoding: 'utf8',
            payload: `story ${i}`,
          },
        ]);
        await queues.close();
        await closeRedis(connection);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      process.off('uncaughtException', record).off('unhandledRejection', record);
    }
    expect(unheard).toEqual([]);
  });

  it('shows the operator every queue, read from the masters that hold them', async () => {
    const { baseUrl, env } = app as RunningApp;
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('bulletin_queue_jobs{queue="publish",state="completed"} 1');
    const status = await runCli(['status', '--json'], env);
    expect([status.code, status.stderr]).toEqual([0, '']);
    const { queues } = JSON.parse(status.stdout) as {
      queues: { queue: string; counts: Record<string, number> }[];
    };
    const completed = Object.fromEntries(queues.map((q) => [q.queue, q.counts['completed']]));
    expect(completed).toMatchObject({ ingest: 1, enrich: 1, publish: 1 });
  });

  it('keeps each queue in one slot and spreads the queues over more than one master', async () => {
    const { ports, node } = cluster as TestRedisCluster;
    const holders = new Map<string, number[]>();
    for (const port of ports) {
      for (const stage of await queuesOn(port))
        holders.set(stage, [...(holders.get(stage) ?? []), port]);
    }
    // Every queue that holds keys has all of them on exactly one master (its slot's).
    expect(holders.size).toBeGreaterThan(1);
    for (const [stage, on] of holders) expect([stage, on.length]).toEqual([stage, 1]);
    const masters = new Set([...holders.values()].map(([port]) => port));
    expect(masters.size).toBeGreaterThan(1);
    const slots = await Promise.all(
      ALL_STAGES.map(async (stage) => {
        const slot = await node(ports[0] as number).cluster(
          'KEYSLOT',
          `${queuePrefix(prefix, PIPELINE[stage].queue)}:${PIPELINE[stage].queue}:meta`,
        );
        return `${stage}: slot ${String(slot)} on 127.0.0.1:${holders.get(stage)?.[0] ?? '(no keys)'}`;
      }),
    );
    console.info(
      `queues on the test cluster (ports ${ports.join(', ')}):\n  ${slots.join('\n  ')}`,
    );
  });

  it("runs the digest scope's scripts and transactions, several keys each, in its one slot", async () => {
    const redis = createRedisConnection((cluster as TestRedisCluster).target, {
      role: 'client',
      name: 'digest-on-cluster',
      log: createLogger({ level: 'silent' }),
    });
    try {
      const store = createSubscriberStore(redis, prefix);
      const ledger = createDeliveryLedger(redis, prefix);
      const request = { key: 'k1', email: 'jo@example.org', edition: 'daily', topics: ['health'] };
      expect(await store.request(request, 'n1', 60_000, 60_000)).toBe('n1');
      const confirmed = await store.confirm('k1', 'n1', 'sid1', new Date());
      expect(confirmed).toMatchObject({ edition: 'daily', sid: 'sid1' });
      await store.update(confirmed as Subscriber, 'weekly', ['health']);
      expect([await store.members('daily'), await store.members('weekly')]).toEqual([[], ['k1']]);
      expect(await ledger.lease('weekly', 'me', 5000)).toBe(true);
      expect(await ledger.renew('weekly', 'me', 5000)).toBe(true);
      const { run } = await ledger.begin('weekly', (from) =>
        Promise.resolve({ runId: 'weekly-1', edition: 'weekly', from, to: 5, at: '' }),
      );
      await ledger.sent(run, 'k1', '<m1@x>', ['s1']);
      await ledger.finish(run, { runId: run.runId } as RunReport);
      expect(await ledger.watermark('weekly')).toBe(5);
      await ledger.release('weekly', 'me');
      await store.erase('k1');
      expect(await store.get('k1')).toBeUndefined();
    } finally {
      await closeRedis(redis);
    }
  });

  it('refuses a master that may evict, naming it, and a cluster that does not answer', async () => {
    const { ports, node, nodes, target } = cluster as TestRedisCluster;
    const last = ports[ports.length - 1] as number;
    await node(last).config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const evicting = await spawnApp(target.url, prefix, {
        extraEnv: { REDIS_CLUSTER_NODES: nodes },
        waitReady: false,
      });
      expect(await evicting.exited).toBe(1);
      expect(evicting.output()).toMatch(
        new RegExp(
          `REDIS_EVICTION_POLICY: Redis \\(cluster node 127\\.0\\.0\\.1:${last}\\) maxmemory-policy is "allkeys-lru"`,
        ),
      );
    } finally {
      await node(last).config('SET', 'maxmemory-policy', 'noeviction');
    }
    const dead = await freePort();
    const silent = await spawnApp(`redis://127.0.0.1:${dead}`, prefix, {
      extraEnv: { REDIS_CLUSTER_NODES: `127.0.0.1:${dead}`, REDIS_AUTOSTART: 'true' },
      waitReady: false,
    });
    expect(await silent.exited).toBe(1);
    expect(silent.output()).toMatch(
      /REDIS_UNAVAILABLE: no Redis Cluster redis:\/\/127\.0\.0\.1:\d+ answers/,
    );
  });

  it('stops on SIGTERM with exit 0, its workers and connections closed on the cluster', async () => {
    const running = app as RunningApp;
    expect(await running.stop(), running.output().slice(-4000)).toBe(0);
  });

  it('answers not ready at once while the cluster is down, and ready once it is back', async () => {
    // The SIGTERM case stopped the first process; this one rides out an outage.
    app = await spawnApp((cluster as TestRedisCluster).target.url, prefix, {
      extraEnv: { REDIS_CLUSTER_NODES: (cluster as TestRedisCluster).nodes },
    });
    const { baseUrl } = app;
    await (cluster as TestRedisCluster).restart(async () => {
      // Readiness asks the fail-fast connection: it must answer, not wait for the cluster.
      await expect
        .poll(async () => {
          const ready = await fetch(`${baseUrl}/readyz`);
          return [ready.status, ((await ready.json()) as { reason?: string }).reason];
        })
        .toEqual([503, 'Redis does not answer']);
    });
    await expect
      .poll(async () => (await fetch(`${baseUrl}/readyz`)).status, { timeout: 20_000 })
      .toBe(200);
  });
});
