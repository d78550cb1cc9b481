/**
 * Four processes with one role each, run from their bundles as docker-compose runs them, carry the example story to
 * both topic feeds; each answers health and readiness; none of them starts a Redis of its own.
 */
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath, SEED_FIXTURE } from '@bulletin/wire/testing';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runCli, spawnApp, type RunningApp } from '../support/app-process.js';
import { probePipeline } from '../support/pipeline-state.js';

const available = await redisAvailable();
const prefix = uniquePrefix('roles');
const HEADLINE = 'Circumstances that led to Rotherham child abuse exist in other councils';
const apps = new Map<string, RunningApp>();

beforeAll(async () => {
  if (!available) return;
  for (const role of ['ingest', 'enrich', 'index', 'http'] as const) {
    apps.set(role, await spawnApp(TEST_REDIS_URL, prefix, { app: role }));
  }
});
afterAll(async () => {
  if (!available) return;
  await Promise.all([...apps.values()].map((app) => app.stop()));
  await deleteKeys(TEST_REDIS_URL, prefix);
});

describe.skipIf(!available)('one role per process', () => {
  it('carries the example story through four processes to both topic feeds', async () => {
    const http = apps.get('http') as RunningApp;
    const run = await runCli(['ingest', fixturePath(SEED_FIXTURE)], http.env);
    expect(run.code).toBe(0);
    const probe = probePipeline(TEST_REDIS_URL, prefix);
    await probe.drained();
    await probe.close();
    const parser = new Parser();
    for (const topic of ['child-protection', 'local-government']) {
      const feed = await parser.parseString(
        await (await fetch(`${http.baseUrl}/feeds/topics/${topic}.atom`)).text(),
      );
      expect(feed.items.map((item) => item.title)).toEqual([HEADLINE]);
    }
  });

  it('answers health and readiness in every process, worker-only ones included', async () => {
    for (const [role, app] of apps) {
      const ready = await fetch(`${app.baseUrl}/readyz`);
      expect([role, ready.status]).toEqual([role, 200]);
      expect(await ready.json()).toMatchObject({ checks: { redis: true, workers: true } });
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    }
    // Only the http process serves feeds.
    expect((await fetch(`${apps.get('ingest')?.baseUrl}/feeds/all.rss`)).status).toBe(404);
  });

  it('never starts a Redis of its own in a role process', async () => {
    const port = await freePort();
    const app = await spawnApp(`redis://127.0.0.1:${port}`, prefix, {
      app: 'enrich',
      extraEnv: { REDIS_AUTOSTART: 'true' },
      waitReady: false,
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(
      /bulletin: REDIS_UNAVAILABLE: no Redis answers at redis:\/\/127\.0\.0\.1:\d+/,
    );
  });
});
